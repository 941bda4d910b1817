import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { hasNationRole, requireActor } from '../auth/scope.ts';

/** Only national administrators bring statistics in, apply, roll back and edit mappings. */
export function requireImporter(ctx: Pick<Ctx, 'actor'>) {
  const actor = requireActor(ctx.actor);
  if (!hasNationRole(actor, 'national_admin')) throw new AppError('forbidden', 'forbidden');
  return actor;
}
