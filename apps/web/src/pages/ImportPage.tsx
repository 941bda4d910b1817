import type { ImportMapping } from '@mosaico/contracts/imports';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { RequireRole } from '../app/RequireAuth.tsx';
import { isNationalAdmin } from '../modules/auth/permissions.ts';
import { fileOf, rememberFile, startingMapping, useApplyImport, useDryRun, useImport, useRollbackImport } from '../modules/imports/api.ts';
import { FileShape, ImportCounts, ImportProblems } from '../modules/imports/ImportFindings.tsx';
import { SdmxMappingEditor } from '../modules/imports/SdmxMappingEditor.tsx';
import { TableMappingEditor } from '../modules/imports/TableMappingEditor.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { ErrorSummary } from '../ui/ErrorSummary.tsx';
import { useFormErrors } from '../ui/form.ts';
import { useFormat } from '../ui/format.ts';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { useErrorMessage } from '../ui/QueryError.tsx';

/** One import: what the dry run found, the mapping editor, apply with progress, and rollback. */
export function ImportPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const q = useImport(id);
  const apply = useApplyImport(id);
  const retry = useDryRun();
  const rollback = useRollbackImport(id);
  const messageOf = useErrorMessage();
  const { errors, fromError, clear } = useFormErrors();
  const [mapping, setMapping] = useState<{ id: number; value: ImportMapping } | null>(null);
  const [confirmRollback, setConfirmRollback] = useState(false);

  if (q.isPending && Number.isInteger(id)) return <Loading />;
  if (!q.data) {
    return (
      <LoadFailed
        error={q.error}
        notFoundTitle={t('imports.notFound')}
        parents={[{ label: t('imports.nav'), to: '/statistiche/importa' }]}
        back={{ to: '/statistiche/importa', label: t('imports.backToList') }}
        onRetry={() => q.refetch()}
      />
    );
  }
  const r = q.data;
  const current = mapping?.id === r.id ? mapping.value : (r.mapping ?? startingMapping(r));
  const edited = current && JSON.stringify(current) !== JSON.stringify(r.mapping);
  const editable = r.status === 'dry_run' || r.status === 'failed';
  const pending = fileOf(r.id);
  const setCurrent = (value: ImportMapping) => setMapping({ id: r.id, value });

  const doApply = async () => {
    clear();
    try {
      await apply.mutateAsync(edited ? (current ?? undefined) : undefined);
    } catch (err) {
      fromError(err);
    }
  };
  const doRetry = async () => {
    if (!pending || !current) return;
    clear();
    try {
      const next = await retry.mutateAsync({ file: pending.file, dataSourceId: pending.dataSourceId, mapping: current });
      rememberFile(next.id, pending.file, pending.dataSourceId);
      navigate(`/statistiche/importazioni/${next.id}`);
    } catch (err) {
      fromError(err);
    }
  };

  return (
    <RequireRole allow={isNationalAdmin}>
      <Breadcrumb items={[{ label: t('imports.nav'), to: '/statistiche/importa' }, { label: r.fileName }]} />
      {/* File names are long words: let them wrap. */}
      <div className="text-break">
        <PageTitle title={t('imports.detailTitle', { file: r.fileName })} lead={t(`imports.statuses.${r.status}`)} documentTitle={t('imports.detailTitle', { file: r.fileName })} />
      </div>
      <p className="small text-secondary">
        {r.dataflow ? t('imports.dataflow', { dataflow: r.dataflow }) : t('imports.table')} · {t('imports.createdBy', { who: r.createdBy?.name ?? '—', when: f.dateTime(r.createdAt) })}
        {r.dataSourceId && (
          <>
            {' · '}
            <Link to={`/basi-dati/${r.dataSourceId}`}>{t('imports.sourceLink')}</Link>
          </>
        )}
      </p>
      <ImportCounts result={r} />
      <ErrorSummary errors={errors} labels={{}} idPrefix="apply" />

      {r.status === 'applied' && (
        <div className="mb-4">
          {rollback.isError && (
            <div className="alert alert-danger" role="alert">
              {messageOf(rollback.error)}
            </div>
          )}
          {confirmRollback ? (
            <div className="alert alert-warning">
              <p>{t('imports.confirmRollback')}</p>
              <div className="d-flex gap-2">
                <button type="button" className="btn btn-danger" disabled={rollback.isPending} onClick={() => rollback.mutate(undefined, { onSettled: () => setConfirmRollback(false) })}>
                  {t('imports.confirmRollbackButton')}
                </button>
                <button type="button" className="btn btn-outline-secondary" onClick={() => setConfirmRollback(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="btn btn-outline-danger" onClick={() => setConfirmRollback(true)}>
              {t('imports.rollback')}
            </button>
          )}
        </div>
      )}

      <section aria-labelledby="import-shape-title" className="mb-4">
        <h2 id="import-shape-title" className="h4">
          {r.dimensions ? t('imports.dimensionsTitle') : t('imports.columnsTitle')}
        </h2>
        <FileShape result={r} />
      </section>

      <section aria-labelledby="import-mapping-title" className="mb-4">
        <h2 id="import-mapping-title" className="h4">
          {t('imports.mappingTitle')}
        </h2>
        <p className="small text-secondary">{t(`imports.mappingSources.${r.mappingSource}`)}</p>
        {editable ? (
          <form
            id="import-mapping"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void doApply();
            }}
          >
            {current.kind === 'sdmx' ? (
              <SdmxMappingEditor mapping={current} dimensions={r.dimensions ?? []} onChange={setCurrent} />
            ) : (
              <TableMappingEditor mapping={current} columns={r.columns ?? []} onChange={setCurrent} />
            )}
            {edited && <p className="fw-semibold">{pending ? t('imports.editedRetry') : t('imports.editedApply')}</p>}
            <div className="d-flex flex-wrap gap-2">
              <button type="submit" className="btn btn-primary" disabled={apply.isPending || retry.isPending}>
                {t('imports.apply')}
              </button>
              {edited && pending && (
                <button type="button" className="btn btn-outline-primary" disabled={retry.isPending} onClick={doRetry}>
                  {retry.isPending ? t('imports.checking') : t('imports.retry')}
                </button>
              )}
            </div>
          </form>
        ) : r.mapping ? (
          <details>
            <summary>{t('imports.mappingUsed')}</summary>
            <pre className="small bg-light p-2">{JSON.stringify(r.mapping, null, 2)}</pre>
          </details>
        ) : (
          <p>{t('imports.noMapping')}</p>
        )}
      </section>

      <ImportProblems result={r} />
    </RequireRole>
  );
}
