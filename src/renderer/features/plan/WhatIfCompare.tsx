/** Before/after plans of a what-if, side by side, with the total cost (or time) of each. */
import { useMemo, useState, type ReactNode } from 'react';
import type { ExplainResult } from '../../../shared/query';
import type { WhatIfResult } from '../../../shared/plan/types';
import { compact, planRows } from './model';
import { PlanTree } from './PlanTree';

function Side({ title, explain }: { title: string; explain: ExplainResult }): ReactNode {
  const rows = useMemo(() => planRows(explain.plan), [explain]);
  const [selected, setSelected] = useState<string | null>(null);
  const p = explain.plan;
  const headline = p.timeMs !== undefined ? `${compact(p.timeMs)} ms` : p.cost !== undefined ? `cost ${compact(p.cost)}` : '';
  return (
    <div className="plan-side">
      <div className="plan-side-head">
        {title} <span className="plan-muted">{headline}</span>
      </div>
      <PlanTree rows={rows} selected={selected} onSelect={setSelected} collapsed={new Set()} onToggle={() => undefined} />
    </div>
  );
}

/** The what-if answer: the message, and the two plans when the engine could try it. */
export function WhatIfCompare({ result }: { result: WhatIfResult }): ReactNode {
  return (
    <div className="plan-whatif">
      <p className={result.supported ? 'plan-ok' : 'plan-muted'}>{result.message}</p>
      {result.before && result.after && (
        <div className="plan-compare">
          <Side title="Before" explain={result.before} />
          <Side title="After (with the index)" explain={result.after} />
        </div>
      )}
    </div>
  );
}
