import { useTranslation } from 'react-i18next';

const CLASSES = { draft: 'bg-warning text-dark', open: 'bg-success', closed: 'bg-secondary' } as const;

/** A questionnaire's status as a badge: being written (amber), taking answers (green), closed (grey). */
export function StatusBadge({ status }: { status: keyof typeof CLASSES }) {
  const { t } = useTranslation();
  return <span className={`badge ${CLASSES[status]}`}>{t(`questionnaires.statuses.${status}`)}</span>;
}
