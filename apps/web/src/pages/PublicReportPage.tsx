import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { usePublicReport } from '../modules/reports/api.ts';
import { ReportDocumentView } from '../modules/reports/ReportDocumentView.tsx';
import { ReportDownloads } from '../modules/reports/ReportDownloads.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryError } from '../ui/QueryError.tsx';

/** A published report on the public portal: read-only, with its PDF and Word files; no sign-in. */
export function PublicReportPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const report = usePublicReport(id);
  if (report.isPending) return <Loading />;
  if (report.isError) return <QueryError error={report.error} onRetry={() => report.refetch()} />;
  const doc = report.data;
  const s = doc.snapshot;
  return (
    <>
      <Breadcrumb items={[{ label: t('reports.public.nav'), to: '/portale/monografie' }, { label: `${s.council.name}, ${s.year}` }]} />
      {/* The report's title is in the report's language, whatever the interface's. */}
      <div lang={doc.lang}>
        <PageTitle title={s.title} documentTitle={t('reports.view.documentTitle', { council: s.council.name, year: s.year })} />
      </div>
      <div className="d-flex flex-wrap gap-2 mb-4">
        <ReportDownloads id={id} isPublic />
      </div>
      <ReportDocumentView doc={doc} />
    </>
  );
}
