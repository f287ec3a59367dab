/** A finished answer: validated SQL with Insert/Run, an explanation in layers, or optimisation findings. */
import { useState, type ReactNode } from 'react';
import { CheckIcon, PlayIcon, WarningIcon } from '../../ui/icons';
import type { AnswerActions } from './AnswerCard';
import { ThumbIcon } from '../../ui/icons';
import { formatCost, formatTokens, validationOf, type RunRules } from './present';
import type { AiAnswer, AnswerMeta, AskAnswer, ExplainAnswer, OptimiseAnswer } from './types';

/** Props of an answer body. */
export interface AnswerBodyProps {
  answer: AiAnswer;
  rules: RunRules;
  actions: AnswerActions;
  vote?: 'up' | 'down' | undefined;
  chips?: ReactNode;
  /** Provider ids → names, for the meta line. */
  providerNames: Record<string, string>;
}

/** The answer, by task. */
export function AnswerBody(props: AnswerBodyProps): ReactNode {
  const { answer } = props;
  const common = { actions: props.actions, rules: props.rules };
  return (
    <div className="ai-answer" data-testid="ai-answer" data-kind={answer.kind}>
      {answer.kind === 'ask' && <SqlResult answer={answer} {...common} />}
      {answer.kind === 'fix' && (
        <>
          {answer.changes && (
            <div className="ai-section">
              <div className="ai-section-title">What changed</div>
              <p className="ai-prose">{answer.changes}</p>
            </div>
          )}
          {/* The prose of a fix is its "what changed", shown above. */}
          <SqlResult answer={{ ...answer, kind: 'ask', note: undefined }} {...common} />
        </>
      )}
      {answer.kind === 'explain' && <Explanation answer={answer} />}
      {answer.kind === 'optimise' && <Optimisation answer={answer} {...common} />}
      {props.chips}
      <MetaLine answer={answer} providerNames={props.providerNames} vote={props.vote} onVote={props.actions.vote} />
    </div>
  );
}

function SqlResult(props: { answer: Omit<AskAnswer, 'kind'> & { kind: string }; actions: AnswerActions; rules: RunRules }): ReactNode {
  const { answer, actions } = props;
  const v = validationOf(answer, props.rules);
  return (
    <>
      {answer.note && <p className="ai-prose ai-note">{answer.note}</p>}
      <div className={`ai-validation is-${v.tone}`} data-testid="ai-validation">
        {v.tone === 'ok' ? <CheckIcon size={12} /> : <WarningIcon size={12} />}
        <span>{v.label}</span>
        {answer.repairs > 0 && <span className="ai-repairs">· {answer.repairs} repair{answer.repairs === 1 ? '' : 's'}</span>}
      </div>
      {answer.problems.length > 0 && (
        <ul className="ai-problems" data-testid="ai-problems">
          {answer.problems.map((p, i) => (
            <li key={i}>
              {p.message}
              {p.suggestions.length > 0 && <span className="ai-suggest"> — did you mean {p.suggestions.slice(0, 3).map((s) => `“${s}”`).join(', ')}?</span>}
            </li>
          ))}
        </ul>
      )}
      {/* Only SQL that passed validation is offered as runnable; the rest can be inserted and edited. */}
      {answer.sql && <SqlBlock sql={answer.sql} actions={actions} canRun={!answer.refused && answer.valid} />}
    </>
  );
}

/** A read-only SQL block with Insert and Run. */
function SqlBlock(props: { sql: string; actions: AnswerActions; canRun: boolean }): ReactNode {
  return (
    <div className="ai-sql-wrap">
      <pre className="ai-sql" data-testid="ai-sql" tabIndex={0} aria-label="Generated SQL">
        {props.sql}
      </pre>
      <div className="ai-sql-actions">
        <button type="button" className="btn btn-small" onClick={() => props.actions.insert(props.sql)} title="Insert at the cursor, or over the selection">
          Insert into editor
        </button>
        <button
          type="button"
          className="btn btn-small btn-primary"
          onClick={() => props.actions.run(props.sql)}
          disabled={!props.canRun}
          title={props.canRun ? 'Insert, then run it like any statement (writes ask for confirmation)' : 'Not runnable as it is: insert it to edit it'}
        >
          <PlayIcon size={10} /> Run
        </button>
      </div>
    </div>
  );
}

function Explanation({ answer }: { answer: ExplainAnswer }): ReactNode {
  const [open, setOpen] = useState(false);
  const detail = [
    ['Joins', answer.detail.joins],
    ['Filters', answer.detail.filters],
    ['Performance', answer.detail.performance],
  ].filter(([, text]) => text?.trim());
  return (
    <div className="ai-explain" data-testid="ai-explain">
      {answer.tldr && (
        <p className="ai-tldr">
          <span className="ai-tag">TL;DR</span> {answer.tldr}
        </p>
      )}
      {answer.explanation && <p className="ai-prose">{answer.explanation}</p>}
      {detail.length > 0 && (
        <div className="ai-section">
          <button type="button" className="ai-disclosure" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
            {open ? '▾' : '▸'} Detail
          </button>
          {open && (
            <dl className="ai-detail">
              {detail.map(([title, text]) => (
                <div key={title}>
                  <dt>{title}</dt>
                  <dd>{text}</dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      )}
    </div>
  );
}

function Optimisation(props: { answer: OptimiseAnswer; actions: AnswerActions; rules: RunRules }): ReactNode {
  const { answer, actions } = props;
  return (
    <>
      {answer.findings.length > 0 && (
        <div className="ai-section">
          <div className="ai-section-title">Findings</div>
          <ul className="ai-findings">
            {answer.findings.map((f, i) => (
              <li key={i}>{f}</li>
            ))}
          </ul>
        </div>
      )}
      {answer.rewrite && (
        <div className="ai-section">
          <div className="ai-section-title">Rewritten query</div>
          <SqlResult answer={{ ...answer.rewrite, kind: 'ask' }} actions={actions} rules={props.rules} />
        </div>
      )}
      {answer.indexes.length > 0 && (
        <div className="ai-section">
          <div className="ai-section-title">Index suggestions</div>
          {answer.indexes.map((ddl, i) => (
            <div key={i} className="ai-sql-wrap">
              <pre className="ai-sql">{ddl}</pre>
              <div className="ai-sql-actions">
                <button type="button" className="btn btn-small" onClick={() => actions.insert(ddl)}>
                  Insert into editor
                </button>
              </div>
            </div>
          ))}
        </div>
      )}
    </>
  );
}

function MetaLine(props: { answer: AnswerMeta; providerNames: Record<string, string>; vote?: 'up' | 'down' | undefined; onVote(answerId: string, v: 'up' | 'down'): void }): ReactNode {
  const { answer } = props;
  const id = answer.answerId;
  return (
    <div className="ai-meta" data-testid="ai-meta">
      <span title="Provider / model">
        {props.providerNames[answer.provider] ?? answer.provider} · {answer.model}
      </span>
      <span title={`${answer.tokens.input} in · ${answer.tokens.output} out`}>{formatTokens(answer.tokens.input + answer.tokens.output)} tokens</span>
      <span>{answer.cached ? 'cached' : formatCost(answer.costUsd)}</span>
      <span className="toolbar-spacer" />
      {id && (
        <span className="ai-votes" role="group" aria-label="Rate this answer">
          <button type="button" className={`ai-vote${props.vote === 'up' ? ' is-on' : ''}`} aria-pressed={props.vote === 'up'} aria-label="Good answer" onClick={() => props.onVote(id, 'up')}>
            <ThumbIcon />
          </button>
          <button type="button" className={`ai-vote${props.vote === 'down' ? ' is-on' : ''}`} aria-pressed={props.vote === 'down'} aria-label="Bad answer" onClick={() => props.onVote(id, 'down')}>
            <ThumbIcon down />
          </button>
        </span>
      )}
    </div>
  );
}
