import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { RequiredNote, SelectField, TextField } from '../../ui/Field.tsx';
import { useFlash } from '../../ui/Flash.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { Table } from '../../ui/Table.tsx';
import { useAddContact, useContacts } from './api.ts';
import { CONTACT_KINDS } from '@mosaico/contracts/vocabulary';

function today() {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The dated log of contacts and agreements with an organisation, and the form to add one. */
export function ContactLog({ organizationId, canAdd }: { organizationId: number; canAdd: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const flash = useFlash();
  const contacts = useContacts(organizationId);
  const add = useAddContact(organizationId);
  const { errors, fromError, clear } = useFormErrors();
  const [values, setValues] = useState({ date: today(), kind: 'contact', summary: '' });
  const set = (k: keyof typeof values) => (v: string) => setValues((s) => ({ ...s, [k]: v }));
  const labels = { date: t('contacts.fields.date'), kind: t('contacts.fields.kind'), summary: t('contacts.fields.summary') };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    try {
      await add.mutateAsync({ date: values.date, kind: values.kind as never, summary: values.summary });
      setValues({ date: today(), kind: 'contact', summary: '' });
      flash.show(t('contacts.added'));
    } catch (err) {
      fromError(err);
    }
  };

  const sorted = [...(contacts.data ?? [])].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
  return (
    <section aria-labelledby="contacts-title" className="mb-5">
      <h2 id="contacts-title" className="h4">
        {t('contacts.title')}
      </h2>
      {contacts.isPending ? (
        <Loading />
      ) : contacts.isError ? (
        <QueryError error={contacts.error} onRetry={() => contacts.refetch()} />
      ) : (
        <Table
          caption={t('contacts.caption')}
          captionHidden
          rows={sorted}
          rowKey={(c) => c.id}
          empty={t('contacts.none')}
          columns={[
            { key: 'date', header: t('contacts.fields.date'), rowHeader: true, render: (c) => f.date(c.date) },
            { key: 'kind', header: t('contacts.fields.kind'), render: (c) => t(`organizations.contactKinds.${c.kind}`) },
            { key: 'summary', header: t('contacts.fields.summary'), render: (c) => <span className="pre-line">{c.summary}</span> },
            { key: 'by', header: t('contacts.createdBy'), render: (c) => c.createdBy ?? '—' },
          ]}
        />
      )}

      {canAdd && (
        <form id="contact-form" noValidate onSubmit={submit} aria-labelledby="contact-form-title" className="mt-4">
          <h3 id="contact-form-title" className="h5">
            {t('contacts.addTitle')}
          </h3>
          <RequiredNote />
          <ErrorSummary errors={errors} labels={labels} idPrefix="contact" />
          <div className="row">
            <div className="col-md-4">
              <TextField id="contact-date" type="date" label={labels.date} required value={values.date} onChange={set('date')} error={errors.fields.date} />
            </div>
            <div className="col-md-8">
              <SelectField
                id="contact-kind"
                label={labels.kind}
                required
                value={values.kind}
                onChange={set('kind')}
                error={errors.fields.kind}
                options={CONTACT_KINDS.map((k) => ({ value: k, label: t(`organizations.contactKinds.${k}`) }))}
              />
            </div>
          </div>
          <TextField id="contact-summary" label={labels.summary} required multiline rows={3} maxLength={2000} value={values.summary} onChange={set('summary')} error={errors.fields.summary} />
          <button type="submit" className="btn btn-primary" disabled={add.isPending}>
            {t('contacts.add')}
          </button>
        </form>
      )}
    </section>
  );
}
