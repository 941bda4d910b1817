import { useTranslation } from 'react-i18next';
import type { ReviewLevel, SubmissionStatus } from './api.ts';

const CLASSES: Record<SubmissionStatus, string> = {
  draft: 'bg-secondary',
  submitted: 'bg-primary',
  returned: 'bg-warning text-dark',
  approved: 'bg-success',
  locked: 'bg-dark',
};

/** A submission's status in words (never colour alone), with the approval level it waits for. */
export function SubmissionStatusBadge({ status, reviewLevel }: { status: SubmissionStatus; reviewLevel?: ReviewLevel | null }) {
  const { t } = useTranslation();
  const text = status === 'submitted' && reviewLevel ? t(`campaigns.awaiting.${reviewLevel}`) : t(`campaigns.status.${status}`);
  return <span className={`badge ${CLASSES[status]}`}>{text}</span>;
}
