import { targetBody } from '@mosaico/contracts/targets';
import type { Ctx } from '../../platform/context.ts';
import { createTarget } from './targets.service.ts';

/**
 * A demo target over the demo events' own years, so the programme page moves on a new demo database: the shipped
 * targets cover the programme of 2017–2019, when no demo event was held. Through the service, as an administrator.
 */
export async function loadTargetsDemo(ctx: Ctx) {
  await createTarget(
    ctx,
    targetBody.parse({
      name: 'Un Migration Day in ogni prefettura, 2025–2026 (demo)',
      description: 'Ogni consiglio presenta i dati e la monografia del territorio in una giornata aperta alla città, ogni anno.',
      scopeType: 'nation',
      metric: 'councils_with_event_per_year',
      eventKind: 'migration_day',
      yearFrom: 2025,
      yearTo: 2026,
      targetValue: 100,
    }),
  );
}
