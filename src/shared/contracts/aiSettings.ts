/** Contract part — AI providers and their keys, per-task defaults, spend cap, usage, prices, cache, request log. */
// import { z } from 'zod';
// import { event, id, request } from './define';

/** Requests of this feature (method names must also be listed in contractNames.ts). */
export const aiSettingsRequests = {} as const;

/** Events of this feature (names must also be listed in contractNames.ts). */
export const aiSettingsEvents = {} as const;
