import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { useFlash } from '../../ui/Flash.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { type DefinitionIssue, DefinitionIssues } from '../forms/DefinitionIssues.tsx';
import { type Questionnaire, useUpdateQuestionnaire } from './api.ts';

const ID = 'qdef';

/**
 * The questions of a draft as the monitoring form's JSON definition, to correct in place; the server checks it
 * with the form engine and every problem is listed with where it is.
 */
export function DefinitionEditor({ q }: { q: Questionnaire }) {
  const { t } = useTranslation();
  const flash = useFlash();
  const update = useUpdateQuestionnaire(q.id);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(() => JSON.stringify(q.definition, null, 2));
  const [issues, setIssues] = useState<{ list: DefinitionIssue[]; sent: unknown } | null>(null);
  const { errors, fromError, setLocal, clear } = useFormErrors({ fieldOf: () => 'definition' });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setIssues(null);
    let definition: unknown;
    try {
      definition = JSON.parse(text);
    } catch {
      setLocal(t('form.fixFields'), { definition: t('questionnaires.newForm.notJson') });
      return;
    }
    try {
      await update.mutateAsync({ version: q.version, definition });
      flash.show(t('questionnaires.edit.saved'));
      setOpen(false);
    } catch (err) {
      if (isApiError(err) && err.issues.some((i) => i.field.startsWith('definition.'))) setIssues({ list: err.issues, sent: definition });
      fromError(err);
    }
  };

  if (!open) {
    return (
      <button type="button" className="btn btn-outline-primary mb-4" onClick={() => setOpen(true)} aria-expanded="false" aria-controls={`${ID}-form`}>
        {t('questionnaires.edit.open')}
      </button>
    );
  }
  return (
    <form id={`${ID}-form`} noValidate onSubmit={save} className="mb-5">
      <ErrorSummary errors={errors} labels={{ definition: t('questionnaires.newForm.definition') }} idPrefix={ID} />
      {issues && <DefinitionIssues id={`${ID}-issues`} issues={issues.list} definition={issues.sent} />}
      <TextField id={`${ID}-definition`} label={t('questionnaires.newForm.definition')} multiline rows={18} value={text} onChange={setText} error={errors.fields.definition} hint={t('questionnaires.newForm.definitionHint')} />
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary" disabled={update.isPending}>
          {t('questionnaires.edit.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
