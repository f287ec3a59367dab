/** The draggable split between editor and results, remembered across sessions. */
import { useCallback, useState, type PointerEvent as ReactPointerEvent } from 'react';

const KEY = 'qg.editorSplit';
const DEFAULT = 38;

/** Clamps a split percentage so neither pane disappears. */
export function clampSplit(percent: number): number {
  return Math.min(85, Math.max(12, Math.round(percent * 10) / 10));
}

function stored(): number {
  try {
    const v = Number(localStorage.getItem(KEY));
    return v > 0 ? clampSplit(v) : DEFAULT;
  } catch {
    return DEFAULT;
  }
}

/** The editor's share of the tab's height (percent) and the handle's pointer handler. */
export function useSplit(container: React.RefObject<HTMLElement | null>): {
  percent: number;
  onPointerDown(e: ReactPointerEvent<HTMLElement>): void;
  reset(): void;
} {
  const [percent, setPercent] = useState(stored);
  const save = (p: number): void => {
    try {
      localStorage.setItem(KEY, String(p));
    } catch {
      /* private mode: the split is not remembered */
    }
  };
  const onPointerDown = useCallback((e: ReactPointerEvent<HTMLElement>) => {
    const box = container.current?.getBoundingClientRect();
    if (!box) return;
    e.preventDefault();
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    let last = percent;
    const move = (ev: PointerEvent): void => {
      last = clampSplit(((ev.clientY - box.top) / box.height) * 100);
      setPercent(last);
    };
    const up = (): void => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      save(last);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  }, [percent, container]);
  const reset = useCallback(() => {
    setPercent(DEFAULT);
    save(DEFAULT);
  }, []);
  return { percent, onPointerDown, reset };
}
