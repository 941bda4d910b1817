import { type FormEvent, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SelectField } from '../../ui/Field.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { QueryError, useErrorMessage } from '../../ui/QueryError.tsx';
import { Table } from '../../ui/Table.tsx';
import { useCampaigns } from '../campaigns/api.ts';
import { batchZipUrl, type ReportBatch, useBatch, useCreateBatch, useReportTemplates } from './api.ts';

/**
 * What the live region says: it changes only at each quarter and at the end, so a screen reader is told of the
 * progress without being interrupted at every council.
 */
function announcementOf(b: ReportBatch | undefined, t: TFunction) {
  if (!b) return '';
  if (b.status === 'done' || b.status === 'failed') return t('reports.batch.finished', { done: b.done, failed: b.failed, total: b.total });
  const quarter = b.total ? Math.floor(((b.done + b.failed) / b.total) * 4) : 0;
  return t('reports.batch.progressText', { percent: quarter * 25 });
}

function BatchProgress({ batchId }: { batchId: number }) {
  const { t } = useTranslation();
  const batch = useBatch(batchId);
  const announcement = announcementOf(batch.data, t);
  if (batch.isError) return <QueryError error={batch.error} onRetry={() => batch.refetch()} />;
  const b = batch.data;
  const finished = b ? b.done + b.failed : 0;
  const percent = b?.total ? Math.round((finished / b.total) * 100) : 0;
  const over = b && (b.status === 'done' || b.status === 'failed');
  return (
    <div className="mt-4">
      <h3 className="h5">{t('reports.batch.progressTitle', { id: batchId, year: b?.year ?? '' })}</h3>
      <div className="progress mb-2" style={{ height: '1.25rem' }}>
        <div
          className={`progress-bar ${b?.failed ? 'bg-warning' : 'bg-primary'}`}
          role="progressbar"
          aria-label={t('reports.batch.progressLabel')}
          aria-valuemin={0}
          aria-valuemax={b?.total ?? 0}
          aria-valuenow={finished}
          aria-valuetext={t('reports.batch.valueText', { finished, total: b?.total ?? 0, failed: b?.failed ?? 0 })}
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="mb-1">{b ? t('reports.batch.counts', { done: b.done, failed: b.failed, total: b.total, status: t(`reports.batch.status.${b.status}`) }) : t('common.loading')}</p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {over && b.done > 0 && (
        <a className="btn btn-primary my-3" href={batchZipUrl(b.id)} type="application/zip" download>
          <Icon name="download" color="white" className="me-1" />
          {t('reports.batch.zip')}
        </a>
      )}
      {b && b.items.length > 0 && (
        <Table
          caption={t('reports.batch.itemsCaption')}
          rows={b.items}
          rowKey={(i) => i.councilId}
          columns={[
            { key: 'council', header: t('reports.fields.council'), rowHeader: true, render: (i) => (i.reportId ? <Link to={`/monografie/${i.reportId}`}>{i.councilName}</Link> : i.councilName) },
            { key: 'status', header: t('reports.fields.status'), render: (i) => t(`reports.batch.itemStatus.${i.status}`) },
            { key: 'error', header: t('reports.batch.error'), render: (i) => (i.error ? <span className="text-danger">{i.error}</span> : '—') },
          ]}
        />
      )}
    </div>
  );
}

/** Every council's report of a campaign at once, as a background job: start it, follow it, download the ZIP. */
export function BatchPanel() {
  const { t } = useTranslation();
  const messageOf = useErrorMessage();
  const campaigns = useCampaigns();
  const templates = useReportTemplates();
  const create = useCreateBatch();
  const [params, setParams] = useSearchParams();
  const batchId = Number(params.get('lotto')) || null;
  const [campaignId, setCampaignId] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!campaignId) {
      setError(t('reports.batch.chooseCampaign'));
      document.getElementById('batch-campaign')?.focus();
      return;
    }
    setError(null);
    try {
      const b = await create.mutateAsync({ campaignId: Number(campaignId), templateId: templateId ? Number(templateId) : undefined });
      // The batch's number stays in the address: the progress survives a reload.
      const next = new URLSearchParams(params);
      next.set('lotto', String(b.id));
      setParams(next);
    } catch (err) {
      setError(messageOf(err));
    }
  };

  return (
    <section aria-labelledby="batch-title" className="card card-bg p-4 mb-5">
      <h2 id="batch-title" className="h4">
        {t('reports.batch.title')}
      </h2>
      <p>{t('reports.batch.lead')}</p>
      <form noValidate onSubmit={submit} className="row g-3 align-items-end" aria-labelledby="batch-title">
        <div className="col-md-5">
          <SelectField
            id="batch-campaign"
            label={t('reports.batch.campaign')}
            required
            value={campaignId}
            onChange={setCampaignId}
            emptyLabel={t('form.choose')}
            error={error ?? undefined}
            options={(campaigns.data ?? []).map((c) => ({ value: String(c.id), label: `${c.name} (${c.year})` }))}
          />
        </div>
        <div className="col-md-4">
          <SelectField
            id="batch-template"
            label={t('reports.fields.template')}
            value={templateId}
            onChange={setTemplateId}
            emptyLabel={t('reports.generate.defaultTemplate')}
            options={(templates.data ?? []).map((tp) => ({ value: String(tp.id), label: `${tp.name.it} (v${tp.version})` }))}
          />
        </div>
        <div className="col-md-3 mb-4">
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {t('reports.batch.submit')}
          </button>
        </div>
      </form>
      {batchId && <BatchProgress batchId={batchId} />}
    </section>
  );
}
