import type { EventKind } from '@mosaico/contracts/participation';
import type { TargetMetric } from '@mosaico/contracts/targets';
import type { DbOrTx } from '../../platform/db/client.ts';
import { programmeTargets } from './targets.schema.ts';

interface ShippedTarget {
  seedKey: string;
  name: string;
  description: string;
  metric: TargetMetric;
  eventKind: EventKind;
  yearFrom: number;
  yearTo: number;
  targetValue: number;
}

/**
 * The targets the programme documents set (seeds/comin-3.0.txt: Com.In.3.0 from January 2017, five southern
 * regions, 18 local working groups; seeds/cti-governance-service.txt: the councils' governance service,
 * February 2017 – February 2019, a Migration Day in every prefecture at the end of each year). National targets:
 * the programme counts across its regions, and the per-region rows show where the work was done. Administrators
 * change the years or values to the programme they run.
 */
export const SHIPPED_TARGETS: ShippedTarget[] = [
  {
    seedKey: 'comin3-course-hours',
    name: 'Formazione dei Gruppi di Lavoro Locali: 18 percorsi × 30 ore = 540 ore',
    description: 'Com.In.3.0, seconda macroazione: 18 percorsi formativi di 30 ore per i GdLL dei territori.',
    metric: 'hours_delivered',
    eventKind: 'course',
    yearFrom: 2017,
    yearTo: 2019,
    targetValue: 540,
  },
  {
    seedKey: 'comin3-courses',
    name: 'Percorsi formativi per i Gruppi di Lavoro Locali',
    description: 'Com.In.3.0: un percorso per ciascuna delle 18 aree territoriali.',
    metric: 'event_count',
    eventKind: 'course',
    yearFrom: 2017,
    yearTo: 2019,
    targetValue: 18,
  },
  {
    seedKey: 'comin3-seeding',
    name: 'Incontri di semina per costituire i Gruppi di Lavoro Locali',
    description: 'Com.In.3.0, prima macroazione: 18 incontri di semina nei territori designati (10 reti consolidate e 8 nuovi nodi).',
    metric: 'event_count',
    eventKind: 'seeding_meeting',
    yearFrom: 2017,
    yearTo: 2019,
    targetValue: 18,
  },
  {
    seedKey: 'comin3-regional-workshops',
    name: 'Workshop di approfondimento regionali (uno per regione)',
    description: 'Com.In.3.0: un workshop in ciascuna delle cinque regioni partner.',
    metric: 'event_count',
    eventKind: 'regional_workshop',
    yearFrom: 2017,
    yearTo: 2019,
    targetValue: 5,
  },
  {
    seedKey: 'comin3-interregional-workshops',
    name: 'Workshop interregionali',
    description: 'Com.In.3.0: 5 workshop interregionali di scambio e confronto.',
    metric: 'event_count',
    eventKind: 'interregional_workshop',
    yearFrom: 2017,
    yearTo: 2019,
    targetValue: 5,
  },
  {
    seedKey: 'comin3-interregional-hours',
    name: 'Ore dei workshop interregionali',
    description: 'Com.In.3.0: i workshop interregionali valgono altre 60 ore di formazione.',
    metric: 'hours_delivered',
    eventKind: 'interregional_workshop',
    yearFrom: 2017,
    yearTo: 2019,
    targetValue: 60,
  },
  {
    seedKey: 'comin3-national-conferences',
    name: 'Convegni nazionali',
    description: 'Com.In.3.0: due convegni nazionali sulle questioni sviluppate dal progetto.',
    metric: 'event_count',
    eventKind: 'national_conference',
    yearFrom: 2017,
    yearTo: 2019,
    targetValue: 2,
  },
  {
    seedKey: 'cti-migration-day',
    name: 'Un Migration Day in ogni prefettura, ogni anno',
    description: 'Servizio di supporto alla governance dei CC.TT.I. (WP4): al termine di ciascuna annualità, in ogni prefettura, una giornata dedicata all’integrazione e alla presentazione dei rapporti provinciali.',
    metric: 'councils_with_event_per_year',
    eventKind: 'migration_day',
    yearFrom: 2017,
    yearTo: 2018,
    targetValue: 100,
  },
];

/** Loads the shipped targets on a database that has none: once there are targets, the administrators' work is never overwritten (a deleted one stays deleted). */
export async function seedProgrammeTargets(db: DbOrTx): Promise<number> {
  const existing = await db.select({ id: programmeTargets.id }).from(programmeTargets).limit(1);
  if (existing.length) return 0;
  const rows = await db
    .insert(programmeTargets)
    .values(SHIPPED_TARGETS.map((t) => ({ ...t, scopeType: 'nation' as const, regionId: null })))
    .onConflictDoNothing({ target: programmeTargets.seedKey })
    .returning({ id: programmeTargets.id });
  return rows.length;
}
