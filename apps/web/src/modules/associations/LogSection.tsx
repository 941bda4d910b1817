import { LOG_ENTRY_KINDS } from '@mosaico/contracts/associations';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { todayInItaly, useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { Table } from '../../ui/Table.tsx';
import { type Association, useAddLogEntry, useAssociationLog } from './api.ts';


/** The dated log (status changes, contacts, meetings, notes) and, for editors, the form adding an entry. */
export function LogSection({ association: a }: { association: Association }) {
  const { t } = useTranslation();
  const f = useFormat();
  const log = useAssociationLog(a.id, true);
  const add = useAddLogEntry(a.id);
  const [v, setV] = useState({ date: todayInItaly(), kind: 'contact', summary: '' });
  const set = (k: keyof typeof v) => (value: string) => setV((p) => ({ ...p, [k]: value }));
  const { errors, fromError, clear } = useFormErrors();
  const labels = { date: t('associations.log.date'), kind: t('associations.log.kind'), summary: t('associations.log.summary') };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    try {
      await add.mutateAsync(v);
      setV({ date: todayInItaly(), kind: 'contact', summary: '' });
    } catch (err) {
      fromError(err);
    }
  };
  return (
    <section aria-labelledby="log-title" className="mb-5">
      <h2 id="log-title" className="h4">
        {t('associations.log.title')}
      </h2>
      {log.isPending ? (
        <Loading />
      ) : log.isError ? (
        <QueryError error={log.error} onRetry={() => log.refetch()} />
      ) : (
        <Table
          caption={t('associations.log.title')}
          captionHidden
          rows={log.data.items}
          rowKey={(l) => l.id}
          empty={t('associations.log.none')}
          columns={[
            { key: 'date', header: labels.date, rowHeader: true, render: (l) => f.date(l.date) },
            {
              key: 'kind',
              header: labels.kind,
              render: (l) =>
                l.kind === 'status_change' && l.toStatus
                  ? t('associations.log.statusChange', { from: t(`associations.statuses.${l.fromStatus ?? 'identified'}`), to: t(`associations.statuses.${l.toStatus}`) })
                  : t(`associations.log.kinds.${l.kind}`),
            },
            { key: 'summary', header: labels.summary, render: (l) => l.summary },
            { key: 'by', header: t('associations.log.by'), render: (l) => l.createdBy ?? '—' },
          ]}
        />
      )}
      {a.canEdit && (
        <form id="association-log" noValidate onSubmit={submit} className="row g-3 align-items-start mt-2">
          <h3 className="h5 col-12">{t('associations.log.add')}</h3>
          <div className="col-12">
            <ErrorSummary errors={errors} labels={labels} idPrefix="log" />
          </div>
          <div className="col-md-3">
            <TextField id="log-date" type="date" label={labels.date} required value={v.date} onChange={set('date')} error={errors.fields.date} max={todayInItaly()} />
          </div>
          <div className="col-md-3">
            <SelectField id="log-kind" label={labels.kind} required value={v.kind} onChange={set('kind')} error={errors.fields.kind} options={LOG_ENTRY_KINDS.map((k) => ({ value: k, label: t(`associations.log.kinds.${k}`) }))} />
          </div>
          <div className="col-md-6">
            <TextField id="log-summary" label={labels.summary} required value={v.summary} onChange={set('summary')} error={errors.fields.summary} maxLength={2000} />
          </div>
          <div className="col-12">
            <button type="submit" className="btn btn-outline-primary" disabled={add.isPending}>
              {t('associations.log.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
