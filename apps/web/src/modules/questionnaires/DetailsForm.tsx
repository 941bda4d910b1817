import { romeInstant } from '@mosaico/contracts/events';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { useFlash } from '../../ui/Flash.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { romeDay } from '../../ui/format.ts';
import { type Questionnaire, useUpdateQuestionnaire } from './api.ts';

const ID = 'qdetails';

/** The day of a closing time as Italians see it (YYYY-MM-DD in Rome), for a date box. */
const closingDay = (iso: string | null) => (iso ? romeDay(iso) : '');

/** Title, description and closing day, changeable at any stage (the questions only while a draft). */
export function DetailsForm({ q }: { q: Questionnaire }) {
  const { t } = useTranslation();
  const flash = useFlash();
  const update = useUpdateQuestionnaire(q.id);
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(q.title);
  const [description, setDescription] = useState(q.description ?? '');
  const [closesOn, setClosesOn] = useState(closingDay(q.closesAt));
  const { errors, fromError, clear } = useFormErrors();
  const labels = { title: t('questionnaires.fields.title'), description: t('questionnaires.fields.description'), closesAt: t('questionnaires.fields.closesAt') };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    try {
      const closesAt = closesOn ? romeInstant(closesOn, '23:59') : null;
      await update.mutateAsync({ version: q.version, title: title.trim(), description: description.trim() || null, ...(closesOn !== closingDay(q.closesAt) ? { closesAt } : {}) });
      flash.show(t('questionnaires.details.saved'));
      setOpen(false);
    } catch (err) {
      fromError(err);
    }
  };

  if (!open) {
    return (
      <button type="button" className="btn btn-outline-primary mb-4 me-2" onClick={() => setOpen(true)} aria-expanded="false" aria-controls={ID}>
        {t('questionnaires.details.open')}
      </button>
    );
  }
  return (
    <form id={ID} noValidate onSubmit={save} className="mb-5" aria-labelledby={`${ID}-heading`}>
      <h2 id={`${ID}-heading`} className="h4">
        {t('questionnaires.details.open')}
      </h2>
      <ErrorSummary errors={errors} labels={labels} idPrefix={ID} />
      <TextField id={`${ID}-title`} label={labels.title} required value={title} onChange={setTitle} error={errors.fields.title} maxLength={300} />
      <TextField id={`${ID}-description`} label={labels.description} multiline value={description} onChange={setDescription} error={errors.fields.description} maxLength={4000} />
      <TextField id={`${ID}-closesAt`} label={labels.closesAt} type="date" value={closesOn} onChange={setClosesOn} error={errors.fields.closesAt} hint={t('questionnaires.newForm.closesHint')} />
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary" disabled={update.isPending}>
          {t('questionnaires.details.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
