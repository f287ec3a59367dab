/** Contract part — AI tasks: ask, explain, fix, optimise, describe; threads, feedback, privacy per connection. */
// import { z } from 'zod';
// import { event, id, request } from './define';

/** Requests of this feature (method names must also be listed in contractNames.ts). */
export const aiRequests = {} as const;

/** Events of this feature (names must also be listed in contractNames.ts). */
export const aiEvents = {} as const;
