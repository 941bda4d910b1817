import type { EventKind } from '@mosaico/contracts/participation';

/** The kinds of event in Italian, as mails, calendar files and certificates print them (the web app's i18n has the same words). */
export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  training_day: 'Giornata formativa',
  course: 'Corso di formazione',
  regional_workshop: 'Workshop regionale',
  interregional_workshop: 'Workshop interregionale',
  seeding_meeting: 'Incontro di semina',
  stakeholder_meeting: 'Incontro con gli stakeholder',
  working_table_meeting: 'Riunione del tavolo di lavoro',
  council_plenary: 'Seduta plenaria del consiglio',
  national_conference: 'Conferenza nazionale',
  migration_day: 'Migration Day',
};
