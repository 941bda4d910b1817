import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useReport, useReportComments } from '../modules/reports/api.ts';
import { NarrativeBlock } from '../modules/reports/NarrativeBlock.tsx';
import { RegenerateReport } from '../modules/reports/RegenerateReport.tsx';
import { BlockComments, CommentThread } from '../modules/reports/ReportComments.tsx';
import { ReportDocumentView } from '../modules/reports/ReportDocumentView.tsx';
import { ReportDownloads } from '../modules/reports/ReportDownloads.tsx';
import { ReportVersions } from '../modules/reports/ReportVersions.tsx';
import { ReportWorkflow } from '../modules/reports/ReportWorkflow.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryError } from '../ui/QueryError.tsx';

/** One report (monografia): the HTML view with the editor, comments, workflow, versions and downloads. */
export function ReportPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const report = useReport(id);
  const comments = useReportComments(id);
  if (report.isPending) return <Loading />;
  if (report.isError) return <QueryError error={report.error} onRetry={() => report.refetch()} />;
  const r = report.data;
  const all = comments.data ?? [];
  const byBlock = (key: string | null) => all.filter((c) => (c.blockKey ?? null) === key);

  return (
    <>
      <Breadcrumb items={[{ label: t('reports.nav'), to: '/monografie' }, { label: `${r.councilName}, ${r.year}` }]} />
      {/* The report's title is in the report's language, whatever the interface's. */}
      <div lang={r.document.lang}>
        <PageTitle title={r.document.snapshot.title} documentTitle={t('reports.view.documentTitle', { council: r.councilName, year: r.year })} />
      </div>
      <div className="d-flex flex-wrap gap-2 mb-4">
        <ReportDownloads id={r.id} />
        {r.publicPath && (
          <Link className="btn btn-outline-secondary" to={r.publicPath}>
            {t('reports.view.publicLink')}
          </Link>
        )}
        {r.canEdit && r.status === 'draft' && <RegenerateReport report={r} />}
      </div>
      <ReportWorkflow report={r} />
      <ReportDocumentView
        doc={r.document}
        renderNarrative={(b) => (
          <NarrativeBlock reportId={r.id} block={b} narrative={r.narratives.find((n) => n.blockKey === b.key) ?? null} canEdit={r.canEdit} onReload={() => report.refetch()} />
        )}
        blockFooter={(key, title) => <BlockComments reportId={r.id} blockKey={key} title={title} comments={byBlock(key)} />}
      />
      <section aria-labelledby="report-comments-title" className="mb-5">
        <h2 id="report-comments-title" className="h4">
          {t('reports.comments.title', { count: r.commentCount })}
        </h2>
        {comments.isError ? (
          <QueryError error={comments.error} onRetry={() => comments.refetch()} />
        ) : (
          <CommentThread reportId={r.id} blockKey={null} comments={byBlock(null)} subject={null} />
        )}
      </section>
      <section aria-labelledby="report-versions-title" className="mb-5">
        <h2 id="report-versions-title" className="h4">
          {t('reports.versions.title')}
        </h2>
        <ReportVersions report={r} />
      </section>
    </>
  );
}
