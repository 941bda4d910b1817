import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon.tsx';
import { reportFileUrl } from './api.ts';

/** PDF and Word downloads of a report (the public files once published). */
export function ReportDownloads({ id, isPublic }: { id: number; isPublic?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="btn btn-primary" href={reportFileUrl(id, 'pdf', { isPublic })} type="application/pdf" download>
        <Icon name="download" color="white" className="me-1" />
        {t('reports.download.pdf')}
      </a>
      <a
        className="btn btn-outline-primary"
        href={reportFileUrl(id, 'docx', { isPublic })}
        type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        download
      >
        <Icon name="download" color="primary" className="me-1" />
        {t('reports.download.docx')}
      </a>
    </>
  );
}
