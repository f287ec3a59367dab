/** The AI router: public surface. */
export { createRouter, detectOllama, type AiRouterService, type ProviderInput } from './service';
export type { RouterDeps } from './context';
export type { ProviderConfig } from './providers';
export type { RetryPolicy } from './retry';
export { ENV_KEY_NAMES, AI_KEY_KIND } from './keys';
export { isLocalProvider, isLocalUrl } from './store';
