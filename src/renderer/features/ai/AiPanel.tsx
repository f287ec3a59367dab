/**
 * The AI panel beside the editor: threads, privacy, the conversation (streamed answers, chips,
 * Insert/Run), and the ask box. State lives in `useAiPanel` (owned by the tab), so closing the
 * panel keeps the conversation.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import { openView } from '../../app/openView';
import { CloseIcon, PlusIcon } from '../../ui/icons';
import { AnswerCard, type AnswerActions } from './AnswerCard';
import { ContextChips } from './ContextChips';
import { PrivacyControl } from './PrivacyControl';
import { PromptPreview } from './PromptPreview';
import type { AiPanelState } from './useAiPanel';

/** Props of the panel. */
export interface AiPanelProps {
  ai: AiPanelState;
  connection: ConnectionSummary;
  /** Tables of the schema (the chips' picker). */
  allTables: string[];
  /** The connection's default schema (left off chip labels). */
  defaultSchema: string;
  insert(sql: string): void;
  run(sql: string): void;
  /** Editor actions on the selection, else the statement at the cursor. */
  explain(): void;
  optimise(): void;
  onClose(): void;
  /** Changes when the ask box should take the focus (opened by the shortcut, "Ask AI"). */
  focusTick: number;
}

/** The panel. */
export function AiPanel(props: AiPanelProps): ReactNode {
  const { ai, connection } = props;
  const openSettings = (): void => openView({ view: 'ai-settings', connectionId: connection.id, title: 'AI settings' });
  const openLog = (): void => openView({ view: 'ai-log', connectionId: connection.id, title: 'AI request log' });
  const actions: AnswerActions = { insert: props.insert, run: props.run, stop: ai.stop, vote: ai.vote, openSettings };
  const feed = useRef<HTMLDivElement>(null);
  const turns = ai.thread.turns;
  const lastTurn = turns[turns.length - 1];

  // Follow the stream: keep the newest text in view.
  const streamed = lastTurn?.run.text.length ?? 0;
  useEffect(() => {
    const el = feed.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [turns.length, streamed, lastTurn?.run.state]);

  const lastAskIndex = turns.map((t) => t.run.kind).lastIndexOf('ask');
  const chips = (
    <ContextChips
      used={ai.usedTables}
      sqlTables={ai.sqlTables}
      defaultSchema={props.defaultSchema}
      edits={ai.edits}
      allTables={props.allTables}
      examples={lastTurn?.run.state === 'done' && lastTurn.run.result.kind === 'ask' ? lastTurn.run.result.examples : undefined}
      onAdd={ai.addTable}
      onRemove={ai.removeTable}
    />
  );

  return (
    <aside className="ai-panel" aria-label="AI assistant" data-testid="ai-panel">
      <header className="ai-header">
        <span className="ai-title">AI</span>
        <select
          className="ai-threads"
          aria-label="Thread"
          value={ai.thread.threadId ?? ''}
          disabled={ai.running}
          onChange={(e) => (e.target.value ? ai.openThread(e.target.value) : ai.newThread())}
        >
          <option value="">{ai.thread.threadId ? 'New thread' : turns.length ? 'This thread' : 'New thread'}</option>
          {ai.threads.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title.length > 48 ? `${t.title.slice(0, 47)}…` : t.title}
            </option>
          ))}
        </select>
        <button type="button" className="ai-icon-btn" aria-label="New thread" title="New thread" onClick={ai.newThread} disabled={ai.running || turns.length === 0}>
          <PlusIcon size={12} />
        </button>
        <span className="toolbar-spacer" />
        <button type="button" className="ai-link" onClick={openSettings}>
          AI settings
        </button>
        <button type="button" className="ai-link" onClick={openLog}>
          Request log
        </button>
        <button type="button" className="ai-icon-btn" aria-label="Close the AI panel" title="Close (Ctrl+I)" onClick={props.onClose}>
          <CloseIcon size={12} />
        </button>
      </header>
      <PrivacyControl privacy={ai.privacy} onChange={ai.savePrivacy} connectionName={connection.name} />
      <div className="ai-feed" ref={feed}>
        {ai.readiness === null && <div className="ai-status is-muted">Checking AI settings…</div>}
        {ai.readiness && !ai.readiness.configured && (
          <div className="ai-empty" data-testid="ai-unconfigured">
            <div className="ai-empty-title">Add an API key or a local model (Ollama)</div>
            <p>
              QueryGenie uses your own provider: OpenAI, Anthropic, Gemini, or any OpenAI-compatible server such as Ollama or LM Studio. Only names, types, keys and
              comments leave the machine unless you allow more.
            </p>
            <div className="ai-empty-actions">
              <button type="button" className="btn btn-primary" onClick={openSettings}>
                Open AI settings
              </button>
              <button type="button" className="btn" onClick={ai.refresh}>
                Check again
              </button>
            </div>
          </div>
        )}
        {ai.readiness?.configured && turns.length === 0 && (
          <div className="ai-intro">
            <p>Ask a question about <strong>{connection.name}</strong> in plain words. The answer is SQL, checked against the schema and with EXPLAIN; nothing runs until you run it.</p>
            <p className="ai-intro-hint">The context is picked from the schema for each question; pin tables here to always include them.</p>
            {chips}
          </div>
        )}
        {turns.map((t, i) => (
          <AnswerCard
            key={t.run.requestId}
            question={t.question}
            run={t.run}
            latest={i === lastAskIndex}
            vote={t.run.state === 'done' && t.run.result.answerId ? ai.votes[t.run.result.answerId] : undefined}
            rules={{ readOnly: connection.readOnly, prod: connection.environment === 'prod' }}
            actions={actions}
            chips={chips}
            providerNames={ai.readiness?.providerNames ?? {}}
          />
        ))}
        {ai.editsPending && !ai.running && lastAskIndex >= 0 && (
          <div className="ai-reask">
            Context changed.
            <button type="button" className="btn btn-small" onClick={ai.reask}>
              Re-ask with these tables
            </button>
          </div>
        )}
      </div>
      <AskBox ai={ai} focusTick={props.focusTick} disabled={!ai.readiness?.configured} followUp={turns.length > 0} explain={props.explain} optimise={props.optimise} />
      {ai.preview && <PromptPreview preview={ai.preview} onClose={ai.closePreview} onSend={() => ai.sendAsk(ai.preview!.question)} />}
    </aside>
  );
}

function AskBox(props: { ai: AiPanelState; focusTick: number; disabled: boolean; followUp: boolean; explain(): void; optimise(): void }): ReactNode {
  const { ai } = props;
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (props.focusTick > 0) box.current?.focus();
  }, [props.focusTick]);
  const canSend = !props.disabled && !ai.running && ai.draft.trim().length > 0;
  return (
    <form
      className="ai-ask"
      onSubmit={(e) => {
        e.preventDefault();
        if (canSend) ai.ask(ai.draft);
      }}
    >
      <div className="ai-ask-tools">
        <span className="ai-ask-hint">Selection or statement at cursor:</span>
        <button type="button" className="ai-link" disabled={props.disabled || ai.running} onClick={props.explain} title="Explain the query in plain words (TL;DR, explanation, detail)">
          Explain in words
        </button>
        <button type="button" className="ai-link" disabled={props.disabled || ai.running} onClick={props.optimise} title="Findings from its plan, a faster rewrite or index suggestions">
          Optimise
        </button>
      </div>
      <textarea
        ref={box}
        className="ai-ask-input"
        aria-label="Ask a question"
        placeholder={props.followUp ? 'Ask a follow-up…' : 'Ask about your data, e.g. “top 10 customers by revenue”'}
        rows={3}
        value={ai.draft}
        disabled={props.disabled}
        onChange={(e) => ai.setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            if (canSend) ai.ask(ai.draft);
          }
        }}
      />
      <div className="ai-ask-row">
        <span className="ai-ask-hint">
          <kbd>Enter</kbd> sends · <kbd>Shift</kbd>+<kbd>Enter</kbd> new line
        </span>
        <span className="toolbar-spacer" />
        <button type="button" className="btn btn-small" disabled={!canSend} onClick={() => ai.openPreview(ai.draft)} title="See the exact prompt before sending">
          Preview prompt
        </button>
        <button type="submit" className="btn btn-small btn-primary" disabled={!canSend}>
          Ask
        </button>
      </div>
    </form>
  );
}
