import { inArray, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { forbidden } from '../../platform/http/errors.ts';
import { reachOf } from '../auth/scope.ts';
import { councils } from '../councils/councils.schema.ts';
import { COUNCIL_READ_ROLES } from './campaigns.policy.ts';
import { submissions } from './campaigns.schema.ts';

/**
 * The submissions a caller sees in a campaign overview, as a condition (`undefined`: all). The overview
 * compares councils, so it is the council side's: national admins everything, a regional coordinator the
 * region, a referent or tutor the council. Data providers fill sections, they do not oversee councils: 403.
 */
export function overviewVisibility(actor: Actor): SQL | undefined {
  const reach = reachOf(actor, COUNCIL_READ_ROLES);
  if (reach.all) return undefined;
  const parts = [
    reach.councilIds.length ? inArray(submissions.councilId, reach.councilIds) : undefined,
    reach.regionIds.length ? inArray(councils.regionId, reach.regionIds) : undefined,
  ].filter((p): p is SQL => !!p);
  if (!parts.length) throw forbidden();
  return or(...parts);
}
