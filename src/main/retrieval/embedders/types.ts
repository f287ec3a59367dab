/**
 * The embedder contract. The built-in lexical embedder is the offline default; provider
 * embedders (OpenAI, Gemini, an OpenAI-compatible local endpoint such as Ollama) are the
 * extension point: implement `Embedder` with the provider SDK from the AI issue, give it a
 * stable `id` that includes the model name (e.g. `openai:text-embedding-3-small`) and its
 * `dimensions`, and register it in `embedders/registry.ts`. The index records `id` and
 * `dimensions` and rebuilds itself when either changes.
 */

/** Turns texts into fixed-size vectors (one per text, same order). */
export interface Embedder {
  /** Stable id recorded in the index, e.g. `builtin:hash-v1`. */
  readonly id: string;
  /** Vector length. */
  readonly dimensions: number;
  /** Embeds texts; vectors are L2-normalised so cosine distance applies. */
  embed(texts: string[]): Promise<Float32Array[]>;
  /**
   * Optional: embeds a search query with per-term weights (normalised tokens → weight). Lexical
   * embedders use it for query-side IDF taken from the index; neural ones can leave it out.
   */
  embedQuery?(text: string, termWeight: (token: string) => number): Promise<Float32Array>;
}
