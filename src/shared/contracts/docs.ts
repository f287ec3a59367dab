/** Contract part — Schema documentation: descriptions, glossary, coverage, lint, snapshots and diff, comment write-back, export. */
// import { z } from 'zod';
// import { event, id, request } from './define';

/** Requests of this feature (method names must also be listed in contractNames.ts). */
export const docsRequests = {} as const;

/** Events of this feature (names must also be listed in contractNames.ts). */
export const docsEvents = {} as const;
