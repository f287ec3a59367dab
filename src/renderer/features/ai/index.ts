/** The AI panel's public surface for the query tab. */
export { AiFixBar, AiPane, AiToggle } from './AiPane';
export { useAiHost, type AiHost } from './useAiHost';
