import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useReportTemplate } from '../modules/reports/api.ts';
import { TemplateEditor } from '../modules/reports/TemplateEditor.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryError } from '../ui/QueryError.tsx';

/** One report template: its chapters and blocks, editable (each save is a new version). */
export function ReportTemplatePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const tpl = useReportTemplate(id);
  if (tpl.isPending) return <Loading />;
  if (tpl.isError) return <QueryError error={tpl.error} onRetry={() => tpl.refetch()} />;
  return (
    <>
      <Breadcrumb items={[{ label: t('reports.nav'), to: '/monografie' }, { label: t('reports.templates.title'), to: '/monografie/modelli' }, { label: tpl.data.name.it }]} />
      <PageTitle title={tpl.data.name.it} lead={t('reports.templates.version', { version: tpl.data.version })} />
      {tpl.data.description?.it && <p className="mb-5">{tpl.data.description.it}</p>}
      <TemplateEditor key={tpl.data.version} template={tpl.data} />
    </>
  );
}
