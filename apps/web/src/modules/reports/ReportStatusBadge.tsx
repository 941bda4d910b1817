import type { ReportStatus } from '@mosaico/contracts/reports';
import { useTranslation } from 'react-i18next';

const CLASSES: Record<ReportStatus, string> = {
  draft: 'bg-secondary',
  in_review: 'bg-primary',
  approved: 'bg-success',
  published: 'bg-dark',
  withdrawn: 'bg-warning text-dark',
};

/** A report's status in words (never colour alone). */
export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return <span className={`badge ${CLASSES[status]}`}>{t(`reports.status.${status}`)}</span>;
}
