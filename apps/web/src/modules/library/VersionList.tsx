import { useTranslation } from 'react-i18next';
import { Loading } from '../../ui/Loading.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { Table } from '../../ui/Table.tsx';
import { useFormat } from '../../ui/format.ts';
import { downloadUrl, useLibraryVersions } from './api.ts';
import { useFileSize } from './FileField.tsx';

/** Every version of a document, newest first, each with its download. */
export function VersionList({ documentId }: { documentId: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const size = useFileSize();
  const q = useLibraryVersions(documentId);
  return (
    <section aria-labelledby="library-versions-title" className="mb-5">
      <h2 id="library-versions-title" className="h4">
        {t('library.versions')}
      </h2>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <QueryError error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Table
          caption={t('library.versions')}
          captionHidden
          rows={q.data.items}
          rowKey={(v) => v.n}
          columns={[
            { key: 'n', header: t('library.fields.versionNumber'), rowHeader: true, render: (v) => t('library.versionN', { n: v.n }) },
            { key: 'file', header: t('library.fields.fileName'), render: (v) => <span className="text-break">{v.fileName}</span> },
            { key: 'type', header: t('library.fields.fileType'), render: (v) => v.fileType.toUpperCase() },
            { key: 'size', header: t('library.fields.size'), numeric: true, render: (v) => size(v.size) },
            { key: 'by', header: t('library.fields.uploadedBy'), render: (v) => `${v.uploadedBy?.name ?? '—'}, ${f.dateTime(v.uploadedAt)}` },
            { key: 'note', header: t('library.fields.note'), render: (v) => v.note ?? '—' },
            {
              key: 'download',
              header: t('common.actions'),
              render: (v) => (
                <a href={downloadUrl(documentId, v.n)} download={v.fileName}>
                  {t('library.downloadVersion', { n: v.n })}
                  <span className="visually-hidden"> ({v.fileName})</span>
                </a>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
