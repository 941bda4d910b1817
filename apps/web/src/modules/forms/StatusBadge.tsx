import { useTranslation } from 'react-i18next';

/** A version's status as a badge: drafts in amber (still changing), published in green. */
export function StatusBadge({ status }: { status: 'draft' | 'published' }) {
  const { t } = useTranslation();
  return <span className={`badge ${status === 'published' ? 'bg-success' : 'bg-warning text-dark'}`}>{t(`forms.status.${status}`)}</span>;
}
