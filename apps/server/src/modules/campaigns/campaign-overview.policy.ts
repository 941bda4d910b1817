import { inArray, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { councils } from '../councils/councils.schema.ts';
import { councilSideReach } from './campaigns.policy.ts';
import { submissions } from './campaigns.schema.ts';

/**
 * The submissions a caller sees in a campaign overview, as a condition (`undefined`: all). The overview
 * compares councils, so it is the council side's: national admins everything, a regional coordinator the
 * region, a referent or tutor the council. Data providers fill sections, they do not oversee councils: 403.
 */
export function overviewVisibility(actor: Actor | null): SQL | undefined {
  const reach = councilSideReach(actor);
  if (reach.all) return undefined;
  return or(
    reach.councilIds.length ? inArray(submissions.councilId, reach.councilIds) : undefined,
    reach.regionIds.length ? inArray(councils.regionId, reach.regionIds) : undefined,
  );
}
