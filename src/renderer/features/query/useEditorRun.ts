/**
 * Connects the editor to runs: picks what to run (selection, statement at cursor, script),
 * prompts for parameters, highlights the running statement, marks errors at their position and
 * gives the focus back to the editor when the run ends.
 */
import { useRef, useState } from 'react';
import { closeCompletion } from '@codemirror/autocomplete';
import type { StateEffect } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { ConnectionSummary, RunOutcome } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { lineColumnAt, offsetOf } from '../../../shared/sqlCursor';
import { setErrorMark, setRunningRange } from '../editor/marks';
import { findParams, paramKeys, substituteParams, type ParamOccurrence } from '../editor/params';
import { errorMark, runTarget, type RunTarget } from '../editor/runModel';
import { useQueryRun } from './useQueryRun';

/** A parameter prompt waiting for the user. */
export interface ParamsPrompt {
  keys: string[];
  target: RunTarget;
  occurrences: ParamOccurrence[];
}

/** Run actions bound to an editor view. */
export function useEditorRun(
  connection: ConnectionSummary,
  view: React.RefObject<EditorView | null>,
  /** Told when a run changed the schema (DDL succeeded), so completion can re-read it. */
  onSchemaChanged?: () => void,
) {
  const dialect = connection.engine;
  const last = useRef<{ target: RunTarget; sent: string; exact: boolean } | null>(null);
  const [previousValues, setPreviousValues] = useState<Record<string, string>>({});
  const [prompt, setPrompt] = useState<ParamsPrompt | null>(null);
  /** Where the SQL of the latest run starts in the document (results show editor positions). */
  const [ranFrom, setRanFrom] = useState({ line: 1, column: 1, offset: 0 });

  const onEnd = (outcome: RunOutcome | null, _error: AppError | null) => {
    if (outcome?.statements.some((s) => s.kind === 'ddl' && !s.error)) onSchemaChanged?.();
    const v = view.current;
    if (!v) return;
    const effects: StateEffect<unknown>[] = [setRunningRange.of(null)];
    const ran = last.current;
    const mark = outcome && ran ? errorMark(outcome, ran.target, ran.sent, ran.exact) : null;
    if (mark && mark.at <= v.state.doc.length) effects.push(setErrorMark.of(mark));
    v.dispatch({
      effects,
      ...(mark
        ? { selection: { anchor: Math.min(mark.at, v.state.doc.length) }, scrollIntoView: true }
        : {}),
    });
    // Focus never gets lost after a run.
    v.focus();
  };

  const query = useQueryRun(connection.id, onEnd);

  const send = (target: RunTarget, sent: string, exact: boolean) => {
    last.current = { target, sent, exact };
    const v = view.current;
    if (v) setRanFrom({ ...lineColumnAt(v.state.doc.toString(), target.from), offset: target.from });
    v?.dispatch({
      effects: [setErrorMark.of(null), setRunningRange.of({ from: target.from, to: target.to })],
    });
    query.run(sent);
  };

  /** Runs the selection / statement at cursor (`current`) or the whole script. */
  const runFromEditor = (mode: 'current' | 'script') => {
    const v = view.current;
    if (!v || query.state.phase === 'running') return;
    closeCompletion(v);
    const sel = v.state.selection.main;
    const target = runTarget(v.state.doc.toString(), { from: sel.from, to: sel.to }, mode, dialect);
    if (!target) return;
    const occurrences = findParams(target.sql, dialect);
    if (occurrences.length > 0) setPrompt({ keys: paramKeys(occurrences), target, occurrences });
    else send(target, target.sql, true);
  };

  const submitParams = (vals: Record<string, string>) => {
    if (!prompt) return;
    setPreviousValues((p) => ({ ...p, ...vals }));
    setPrompt(null);
    send(
      prompt.target,
      substituteParams(prompt.target.sql, prompt.occurrences, vals, dialect),
      false,
    );
  };

  const cancelParams = () => {
    setPrompt(null);
    view.current?.focus();
  };

  /** Moves the cursor to a position in document coordinates (as the results show them). */
  const jumpTo = (pos: { line: number; column: number }) => {
    const v = view.current;
    if (!v) return;
    const at = offsetOf(v.state.doc.toString(), pos.line, pos.column);
    v.dispatch({ selection: { anchor: Math.min(at, v.state.doc.length) }, scrollIntoView: true });
    v.focus();
  };

  return { ...query, runFromEditor, jumpTo, ranFrom, prompt, submitParams, cancelParams, previousValues };
}
