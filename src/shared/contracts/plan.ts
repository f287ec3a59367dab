/** Contract part — Plans and optimisation: advisor findings, what-if sandbox, workload, applying suggestions. */
// import { z } from 'zod';
// import { event, id, request } from './define';

/** Requests of this feature (method names must also be listed in contractNames.ts). */
export const planRequests = {} as const;

/** Events of this feature (names must also be listed in contractNames.ts). */
export const planEvents = {} as const;
