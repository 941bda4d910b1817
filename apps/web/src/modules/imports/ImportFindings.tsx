import { useTranslation } from 'react-i18next';
import { DescriptionList } from '../../ui/DescriptionList.tsx';
import { useFormat } from '../../ui/format.ts';
import { Table } from '../../ui/Table.tsx';
import { type ImportResult, isRunning } from './api.ts';

const COUNTS = ['rows', 'new', 'changed', 'unchanged', 'errors', 'unresolved', 'skipped'] as const;

/** What the dry run (or the apply) counted, with the apply's progress announced politely while it runs. */
export function ImportCounts({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { done, total } = result.progress;
  const percent = total ? Math.round((done / total) * 100) : 0;
  return (
    <section aria-labelledby="import-counts-title" className="mb-4">
      <h2 id="import-counts-title" className="h4">
        {t('imports.countsTitle')}
      </h2>
      <DescriptionList items={COUNTS.map((c) => ({ label: t(`imports.counts.${c}`), value: f.integer(result.counts[c]) }))} />
      {isRunning(result.status) && (
        <div className="mb-3">
          <div className="progress" style={{ height: '1rem' }}>
            <div
              className="progress-bar"
              role="progressbar"
              aria-label={t('imports.progressLabel')}
              aria-valuenow={percent}
              aria-valuemin={0}
              aria-valuemax={100}
              style={{ width: `${percent}%` }}
            />
          </div>
        </div>
      )}
      <p role="status" aria-live="polite" className="fw-semibold">
        {isRunning(result.status)
          ? t('imports.progress', { done: f.integer(done), total: f.integer(total), percent })
          : t(`imports.statusLine.${result.status}`, { rows: f.integer(result.counts.rows) })}
      </p>
      {result.failure && (
        <div className="alert alert-danger" role="alert">
          {result.failure.message}
        </div>
      )}
    </section>
  );
}

/** The file as read: SDMX dimensions with their codes, or table columns with samples. */
export function FileShape({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (result.dimensions) {
    return (
      <Table
        caption={t('imports.dimensionsTitle')}
        captionHidden
        rows={result.dimensions}
        rowKey={(d) => d.id}
        columns={[
          { key: 'id', header: t('imports.dimension'), rowHeader: true, render: (d) => <code>{d.id}</code> },
          { key: 'role', header: t('imports.role'), render: (d) => t(`imports.roles.${d.role}`) },
          { key: 'count', header: t('imports.codesTotal'), numeric: true, render: (d) => f.integer(d.codesTotal) },
          {
            key: 'codes',
            header: t('imports.codes'),
            render: (d) => `${d.codes.slice(0, 12).map((c) => c.code).join(', ')}${d.codesTotal > 12 ? ' …' : ''}`,
          },
        ]}
      />
    );
  }
  return (
    <Table
      caption={t('imports.columnsTitle')}
      captionHidden
      rows={result.columns ?? []}
      rowKey={(c) => c.name}
      columns={[
        { key: 'name', header: t('imports.map.column'), rowHeader: true, render: (c) => c.name },
        { key: 'samples', header: t('imports.map.samples'), render: (c) => c.samples.join(' · ') || '—' },
        { key: 'numeric', header: t('imports.numeric'), render: (c) => (c.numeric ? t('common.yes') : t('common.no')) },
        { key: 'empty', header: t('imports.emptyCells'), numeric: true, render: (c) => f.integer(c.empty) },
      ]}
    />
  );
}

/** Row errors with their line, and the territory codes nobody could resolve. */
export function ImportProblems({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      {result.mappingIssues.length > 0 && (
        <div className="alert alert-warning" role="alert">
          <h2 className="h5">{t('imports.mappingIssuesTitle')}</h2>
          <ul className="mb-0">
            {result.mappingIssues.map((i) => (
              <li key={`${i.field}-${i.code}`}>{i.message}</li>
            ))}
          </ul>
        </div>
      )}
      <section aria-labelledby="import-errors-title" className="mb-4">
        <h2 id="import-errors-title" className="h4">
          {t('imports.errorsTitle', { count: result.errorsTotal })}
        </h2>
        {result.errorsTotal > result.errors.length && <p>{t('imports.errorsFirst', { shown: result.errors.length, total: result.errorsTotal })}</p>}
        <Table
          caption={t('imports.errorsTitle', { count: result.errorsTotal })}
          captionHidden
          rows={result.errors}
          rowKey={(e) => `${e.line}-${e.column ?? ''}-${e.code}`}
          empty={t('imports.errorsNone')}
          columns={[
            { key: 'line', header: t('imports.line'), rowHeader: true, numeric: true, render: (e) => f.integer(e.line) },
            { key: 'column', header: t('imports.map.column'), render: (e) => e.column ?? '—' },
            { key: 'message', header: t('imports.message'), render: (e) => e.message },
          ]}
        />
      </section>
      <section aria-labelledby="import-unresolved-title" className="mb-4">
        <h2 id="import-unresolved-title" className="h4">
          {t('imports.unresolvedTitle')}
        </h2>
        <p className="small text-secondary">{t('imports.unresolvedHint')}</p>
        <Table
          caption={t('imports.unresolvedTitle')}
          captionHidden
          rows={result.unresolved}
          rowKey={(u) => u.code}
          empty={t('imports.unresolvedNone')}
          columns={[
            { key: 'code', header: t('imports.map.code'), rowHeader: true, render: (u) => <code>{u.code}</code> },
            { key: 'rows', header: t('imports.counts.rows'), numeric: true, render: (u) => f.integer(u.rows) },
          ]}
        />
      </section>
    </>
  );
}
