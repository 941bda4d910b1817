import { z } from 'zod';
import { SUBMISSION_STATUSES } from './campaigns.ts';

/**
 * The values the same council gave in the most recent earlier campaign of the same form (any version):
 * only keys that still exist with the same type and whose value the current version accepts, in the sections
 * the caller reads. `previous` is null (and `values` empty) when there is no such campaign.
 */
export const previousValues = z.object({
  previous: z
    .object({
      campaign: z.object({ id: z.number().int(), name: z.string(), year: z.number().int() }),
      /** The form version that campaign used. */
      formVersion: z.number().int(),
      status: z.enum(SUBMISSION_STATUSES),
    })
    .nullable(),
  values: z.record(z.string(), z.unknown()),
});
