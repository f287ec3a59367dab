/** Engine marks: a small text pill, and a square monogram icon. */
import type { ReactNode } from 'react';
import type { Engine } from '../../../shared/connection';
import { ENGINE_BADGES, ENGINE_LABELS, ENGINE_MONOGRAMS } from './model';

/** Engine pill, coloured per engine by CSS. */
export function EngineBadge({ engine }: { engine: Engine }): ReactNode {
  return (
    <span className={`engine-badge engine-${engine}`} title={ENGINE_LABELS[engine]}>
      {ENGINE_BADGES[engine]}
    </span>
  );
}

/** Square engine icon with a monogram, used in front of a connection's name. */
export function EngineIcon({ engine }: { engine: Engine }): ReactNode {
  return (
    <span
      className={`engine-icon engine-${engine}`}
      title={ENGINE_LABELS[engine]}
      aria-label={ENGINE_LABELS[engine]}
      role="img"
    >
      {ENGINE_MONOGRAMS[engine]}
    </span>
  );
}
