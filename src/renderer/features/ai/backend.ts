/**
 * The AI panel's port to main. Components and the hook only see `AiBackend`; `contractBackend`
 * binds it to the contract (`ai.*`, `ai.providers.*` / settings), `fakeBackend` streams canned
 * answers for development and screenshots without a provider.
 */
import type { AiAnswer, AiReadiness, AskAnswer, PrivacySettings, PromptMessage, ThreadSummary } from './types';

/** Arguments of an ask. */
export interface AskRequest {
  connectionId: string;
  question: string;
  requestId: string;
  threadId?: string | undefined;
  include?: string[] | undefined;
  exclude?: string[] | undefined;
  bypassCache?: boolean | undefined;
}

/** A task on a piece of SQL (explain / optimise), or a fix with the real error. */
export interface SqlTaskRequest {
  connectionId: string;
  requestId: string;
  sql: string;
  threadId?: string | undefined;
  /** Fix only: the engine's error message. */
  error?: string | undefined;
}

/** Streaming callbacks: one subscription for all requests; the hook filters by requestId. */
export interface AiStreamHandlers {
  onToken(requestId: string, delta: string, round: number): void;
  onStatus(requestId: string, phase: string, detail?: string): void;
}

/** Everything the panel asks of main. */
export interface AiBackend {
  readiness(): Promise<AiReadiness>;
  ask(req: AskRequest): Promise<AskAnswer>;
  explain(req: SqlTaskRequest): Promise<AiAnswer>;
  fix(req: SqlTaskRequest): Promise<AiAnswer>;
  optimise(req: SqlTaskRequest): Promise<AiAnswer>;
  cancel(requestId: string): Promise<void>;
  /** The exact messages an ask would send. */
  preview(req: Omit<AskRequest, 'requestId'>): Promise<PromptMessage[]>;
  /** The tables the next ask would use (chips before the first answer). */
  context(connectionId: string, question: string): Promise<string[]>;
  threads(connectionId: string): Promise<ThreadSummary[]>;
  /** The turns of a past thread (question + SQL). */
  thread(threadId: string): Promise<Array<{ question: string; answer: AiAnswer }>>;
  feedback(answerId: string, vote: 'up' | 'down'): Promise<void>;
  privacy(connectionId: string): Promise<PrivacySettings>;
  savePrivacy(connectionId: string, settings: PrivacySettings): Promise<void>;
  /** Subscribes to streamed tokens and status lines; returns the unsubscribe. */
  subscribe(handlers: AiStreamHandlers): () => void;
}
