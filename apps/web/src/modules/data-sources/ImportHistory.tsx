import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { Table } from '../../ui/Table.tsx';
import { useDataSourceImports } from './api.ts';

const COUNTS = ['rows', 'new', 'changed', 'unchanged', 'errors'] as const;

/** The files imported from a data source: file, status, counts, when and who. */
export function ImportHistory({ dataSourceId, linkImports }: { dataSourceId: number; linkImports: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useDataSourceImports(dataSourceId);
  return (
    <section aria-labelledby="imports-title" className="mb-5">
      <h2 id="imports-title" className="h4">
        {t('dataSources.importsTitle')}
      </h2>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <QueryError error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Table
          caption={t('dataSources.importsCaption')}
          captionHidden
          rows={q.data.items}
          rowKey={(i) => i.id}
          empty={t('dataSources.importsNone')}
          columns={[
            { key: 'file', header: t('dataSources.importFile'), rowHeader: true, render: (i) => (linkImports ? <Link to={`/statistiche/importazioni/${i.id}`}>{i.fileName}</Link> : i.fileName) },
            { key: 'status', header: t('dataSources.importStatus'), render: (i) => t(`dataSources.importStatuses.${i.status}`, { defaultValue: i.status }) },
            ...COUNTS.map((c) => ({ key: c, header: t(`dataSources.importCounts.${c}`), numeric: true, render: (i: (typeof q.data.items)[number]) => f.integer(i.counts[c]) })),
            { key: 'when', header: t('dataSources.importWhen'), render: (i) => f.dateTime(i.appliedAt ?? i.createdAt) },
            { key: 'who', header: t('dataSources.importWho'), render: (i) => i.createdBy ?? t('dataSources.importSystem') },
          ]}
        />
      )}
    </section>
  );
}
