/** One turn of the conversation: the question, the streamed reply while running, then the answer. */
import type { ReactNode } from 'react';
import { StopIcon } from '../../ui/icons';
import { statusLabel, streamedSql, type AiRun } from './model';
import { AnswerBody } from './AnswerBody';
import type { RunRules } from './present';
import type { AiAnswer } from './types';
import './answer.css';

/** What an answer can do in the tab. */
export interface AnswerActions {
  insert(sql: string): void;
  run(sql: string): void;
  stop(): void;
  vote(answerId: string, vote: 'up' | 'down'): void;
  openSettings(): void;
}

/** Props of a turn. */
export interface AnswerCardProps {
  question: string;
  run: AiRun<AiAnswer>;
  /** The latest turn (only it shows the chips and Stop). */
  latest: boolean;
  vote?: 'up' | 'down' | undefined;
  rules: RunRules;
  actions: AnswerActions;
  /** The chips row, for the latest ask. */
  chips?: ReactNode;
  providerNames: Record<string, string>;
}

/** A question and its answer. */
export function AnswerCard(props: AnswerCardProps): ReactNode {
  const { run } = props;
  return (
    <article className="ai-turn" data-testid="ai-turn" data-state={run.state} aria-busy={run.state === 'running'}>
      <div className="ai-question">{props.question}</div>
      {run.state === 'running' && <Streaming run={run} onStop={props.actions.stop} />}
      {run.state === 'cancelled' && (
        <div className="ai-answer">
          {run.text && <pre className="ai-stream is-stale">{streamedSql(run.text) ?? run.text}</pre>}
          <div className="ai-status is-muted">Stopped.</div>
        </div>
      )}
      {run.state === 'failed' && (
        <div className="ai-answer ai-failed" role="alert" data-testid="ai-error">
          <div className="ai-failed-title">
            {run.error.message} <code className="ai-code">{run.error.code}</code>
          </div>
          {run.error.advice && <div className="ai-failed-advice">{run.error.advice}</div>}
          {/^AI_(NO_PROVIDER|BAD_KEY|MODEL_NOT_FOUND|LOCAL_ONLY|SPEND_CAP|QUOTA)$/.test(run.error.code) && (
            <button type="button" className="btn btn-small" onClick={props.actions.openSettings}>
              Open AI settings
            </button>
          )}
        </div>
      )}
      {run.state === 'done' && (
        <AnswerBody answer={run.result} providerNames={props.providerNames} rules={props.rules} actions={props.actions} vote={props.vote} chips={props.latest ? props.chips : undefined} />
      )}
    </article>
  );
}

function Streaming(props: { run: Extract<AiRun<AiAnswer>, { state: 'running' }>; onStop(): void }): ReactNode {
  const { run } = props;
  const sql = run.kind === 'ask' || run.kind === 'fix' ? streamedSql(run.text) : null;
  return (
    <div className="ai-answer">
      <div className="ai-status" data-testid="ai-status" role="status">
        <span className="spinner" />
        {statusLabel(run.status)}
        <span className="toolbar-spacer" />
        <button type="button" className="btn btn-small" onClick={props.onStop} title="Stop this request">
          <StopIcon size={10} /> Stop
        </button>
      </div>
      {run.text && (
        <pre className={`ai-stream${sql !== null ? ' is-sql' : ''}`} data-testid="ai-stream">
          {sql ?? run.text}
          <span className="ai-caret" aria-hidden="true" />
        </pre>
      )}
    </div>
  );
}
