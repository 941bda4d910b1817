import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { Table } from '../../ui/Table.tsx';
import { useImports } from './api.ts';

/** The history of imports (of one data source when given), newest first. */
export function ImportList({ dataSourceId, page, hrefFor }: { dataSourceId?: number; page: number; hrefFor: (p: number) => string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useImports({ dataSourceId, page, pageSize: 20 });
  return (
    <section aria-labelledby="imports-history-title" className="mb-5">
      <h2 id="imports-history-title" className="h4">
        {t('imports.historyTitle')}
      </h2>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <QueryError error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <>
          <Table
            caption={t('imports.historyCaption')}
            captionHidden
            rows={q.data.items}
            rowKey={(i) => i.id}
            empty={t('imports.historyNone')}
            columns={[
              { key: 'file', header: t('imports.file'), rowHeader: true, render: (i) => <Link to={`/statistiche/importazioni/${i.id}`}>{i.fileName}</Link> },
              { key: 'status', header: t('imports.status'), render: (i) => t(`imports.statuses.${i.status}`) },
              { key: 'rows', header: t('imports.counts.rows'), numeric: true, render: (i) => f.integer(i.counts.rows) },
              { key: 'new', header: t('imports.counts.new'), numeric: true, render: (i) => f.integer(i.counts.new) },
              { key: 'changed', header: t('imports.counts.changed'), numeric: true, render: (i) => f.integer(i.counts.changed) },
              { key: 'errors', header: t('imports.counts.errors'), numeric: true, render: (i) => f.integer(i.counts.errors) },
              { key: 'when', header: t('imports.when'), render: (i) => f.dateTime(i.appliedAt ?? i.createdAt) },
              { key: 'who', header: t('imports.who'), render: (i) => i.createdBy?.name ?? '—' },
            ]}
          />
          <Pagination page={q.data.page} pageSize={q.data.pageSize} total={q.data.total} hrefFor={hrefFor} />
        </>
      )}
    </section>
  );
}
