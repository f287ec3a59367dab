/** Contract part — ER diagrams: graph of a schema (whole or around a table), saved views, exports. */
// import { z } from 'zod';
// import { event, id, request } from './define';

/** Requests of this feature (method names must also be listed in contractNames.ts). */
export const erdRequests = {} as const;

/** Events of this feature (names must also be listed in contractNames.ts). */
export const erdEvents = {} as const;
