import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useReportTemplates } from '../modules/reports/api.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { useFormat } from '../ui/format.ts';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryError } from '../ui/QueryError.tsx';
import { Table } from '../ui/Table.tsx';

/** Report templates (national admins): each with its current version. */
export function ReportTemplatesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useReportTemplates();
  return (
    <>
      <Breadcrumb items={[{ label: t('reports.nav'), to: '/monografie' }, { label: t('reports.templates.title') }]} />
      <PageTitle title={t('reports.templates.title')} lead={t('reports.templates.lead')} />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Table
          caption={t('reports.templates.caption')}
          captionHidden
          rows={list.data}
          rowKey={(tp) => tp.id}
          empty={t('reports.templates.none')}
          columns={[
            { key: 'name', header: t('reports.templates.name'), rowHeader: true, render: (tp) => <Link to={`/monografie/modelli/${tp.id}`}>{tp.name.it}</Link> },
            { key: 'version', header: t('reports.fields.version'), numeric: true, render: (tp) => tp.version },
            { key: 'default', header: t('reports.templates.default'), render: (tp) => (tp.isDefault ? t('common.yes') : t('common.no')) },
            { key: 'updated', header: t('reports.fields.updatedAt'), render: (tp) => f.dateTime(tp.updatedAt) },
          ]}
        />
      )}
    </>
  );
}
