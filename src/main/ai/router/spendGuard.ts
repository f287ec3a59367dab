/**
 * Spend-cap admission. Checking the logged totals alone lets concurrent requests all pass the
 * check and overshoot the cap together, so each paid request first reserves its estimated cost
 * here; the check and the hold happen in one synchronous step (the router lives in one process,
 * so nothing can interleave between them). The reservation is released once the request has been
 * logged with its actual cost (success, error or cancel), which then counts in its place.
 */
import { AppError } from '../../../shared/errors';
import type { AiPrice, AiSettings } from '../../../shared/contracts/aiSettings';
import type { ChatMessage } from '../types';
import type { AiLedger } from './ledger';
import { periodStarts } from './ledger';
import { costOf } from './prices';
import { DEFAULT_MAX_TOKENS } from './providers/types';

/** Rough token count of text (≈ 4 characters per token), as the prompt builder estimates it. */
export function estimateTextTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * Upper-end cost estimate of a completion: the prompt's estimated tokens at the input price (no
 * prompt-cache discount) plus the output budget (`maxTokens`, else the default the adapters send).
 */
export function estimateCompletionUsd(prices: AiPrice[], model: string, messages: ChatMessage[], maxTokens: number | undefined): number {
  const inputTokens = messages.reduce((n, m) => n + estimateTextTokens(m.content) + 4, 0); // + role/framing overhead
  return costOf(prices, model, { inputTokens, outputTokens: maxTokens ?? DEFAULT_MAX_TOKENS }, false).costUsd;
}

/** Cost estimate of an embedding call (input tokens only). */
export function estimateEmbedUsd(prices: AiPrice[], model: string, texts: string[]): number {
  const inputTokens = texts.reduce((n, t) => n + estimateTextTokens(t), 0);
  return costOf(prices, model, { inputTokens, outputTokens: 0 }, false).costUsd;
}

/** A held estimate; `release` is idempotent. */
export interface SpendReservation {
  readonly estimateUsd: number;
  release(): void;
}

/** In-process ledger of estimated costs of paid requests in flight. */
export class SpendGuard {
  private readonly held = new Map<number, number>();
  private nextId = 1;

  constructor(
    private readonly ledger: AiLedger,
    private readonly now: () => number,
  ) {}

  /** USD currently reserved by requests in flight. */
  reservedUsd(): number {
    let sum = 0;
    for (const v of this.held.values()) sum += v;
    return sum;
  }

  /**
   * Admits a paid request or throws `AI_SPEND_CAP` without reserving. Refused when the logged
   * spend plus what is in flight already reached a cap, or when this request's estimate would
   * take it past the cap.
   */
  admit(estimateUsd: number, settings: Pick<AiSettings, 'dailyCapUsd' | 'monthlyCapUsd'>): SpendReservation {
    const { day, month } = periodStarts(this.now());
    const inFlight = this.reservedUsd();
    const check = (cap: number | null, from: number, label: 'daily' | 'monthly'): void => {
      if (cap === null) return;
      const spent = this.ledger.totals(from).costUsd;
      const committed = spent + inFlight;
      if (committed >= cap || committed + estimateUsd > cap) throw capError(label, cap, spent, inFlight, estimateUsd);
    };
    check(settings.dailyCapUsd, day, 'daily');
    check(settings.monthlyCapUsd, month, 'monthly');
    const id = this.nextId++;
    this.held.set(id, estimateUsd);
    return { estimateUsd, release: () => void this.held.delete(id) };
  }
}

function capError(period: 'daily' | 'monthly', cap: number, spent: number, inFlight: number, estimate: number): AppError {
  const when = period === 'daily' ? "Today's" : "This month's";
  const pending = inFlight > 0 ? ` plus $${inFlight.toFixed(2)} for requests still running` : '';
  const reached = spent + inFlight >= cap ? 'reached' : `with this request (about $${estimate.toFixed(2)}) would pass`;
  return new AppError(
    'AI_SPEND_CAP',
    `${when} AI spend ($${spent.toFixed(2)}${pending}) ${reached} the ${period} cap of $${cap.toFixed(2)}; raise it in Settings → AI, or use a local model.`,
  );
}
