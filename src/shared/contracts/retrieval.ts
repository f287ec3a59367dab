/** Contract part — The local retrieval index per connection: status, build with progress, cancel, options. */
// import { z } from 'zod';
// import { event, id, request } from './define';

/** Requests of this feature (method names must also be listed in contractNames.ts). */
export const retrievalRequests = {} as const;

/** Events of this feature (names must also be listed in contractNames.ts). */
export const retrievalEvents = {} as const;
