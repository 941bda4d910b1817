import { useTranslation } from 'react-i18next';
import type { QuestionnaireSummary } from './api.ts';

/** Where a questionnaire belongs, in words: its council, its region, or the nation. */
export function usePlaceLabel() {
  const { t } = useTranslation();
  return (q: Pick<QuestionnaireSummary, 'council' | 'region'>) => (q.council ? q.council.name : q.region ? t('questionnaires.scopes.regionOf', { name: q.region.name }) : t('questionnaires.scopes.nation'));
}
