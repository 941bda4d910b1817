import { useTranslation } from 'react-i18next';
import type { SubmissionStatus } from './api.ts';

const CLASSES: Record<SubmissionStatus, string> = {
  draft: 'bg-secondary',
  submitted: 'bg-primary',
  returned: 'bg-warning text-dark',
  approved: 'bg-success',
  locked: 'bg-dark',
};

/** A submission's status in words (never colour alone). */
export function SubmissionStatusBadge({ status }: { status: SubmissionStatus }) {
  const { t } = useTranslation();
  return <span className={`badge ${CLASSES[status]}`}>{t(`campaigns.status.${status}`)}</span>;
}
