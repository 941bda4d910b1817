import { romeInstant } from '@mosaico/contracts/events';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { CheckboxField, RequiredNote, SelectField, TextField } from '../../ui/Field.tsx';
import { useFlash } from '../../ui/Flash.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { type DefinitionIssue, DefinitionIssues } from '../forms/DefinitionIssues.tsx';
import { scopeValue, useAttachableEvents, useCreateQuestionnaire, useQuestionnaireScopes } from './api.ts';

const ID = 'qnew';

/**
 * A new questionnaire in one step: from the default feedback questionnaire or from a pasted definition (the
 * monitoring form's JSON format), for a place the user keeps, optionally attached to one of their events.
 */
export function NewQuestionnaireForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const flash = useFlash();
  const [params] = useSearchParams();
  const scopes = useQuestionnaireScopes();
  const events = useAttachableEvents();
  const create = useCreateQuestionnaire();
  const [source, setSource] = useState<'default' | 'json'>('default');
  const [json, setJson] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [eventId, setEventId] = useState(params.get('evento') ?? '');
  const [scopeChoice, setScopeChoice] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [closesOn, setClosesOn] = useState('');
  const [definitionIssues, setDefinitionIssues] = useState<{ list: DefinitionIssue[]; sent: unknown } | null>(null);
  const { errors, fromError, setLocal, clear } = useFormErrors({ fieldOf: (f) => (f === 'scopeType' || f === 'scopeId' ? 'scope' : f.startsWith('definition') ? 'definition' : f) });
  const scopeItems = scopes.data?.items ?? [];
  const eventItems = events.data?.items ?? [];
  const chosenEvent = eventItems.find((e) => String(e.id) === eventId);
  // An attached event decides the place; otherwise the only place, or the one chosen.
  const scope = chosenEvent ? scopeValue(chosenEvent) : scopeChoice || (scopeItems.length === 1 ? scopeValue(scopeItems[0]) : '');
  const labels = {
    source: t('questionnaires.newForm.source'),
    definition: t('questionnaires.newForm.definition'),
    title: t('questionnaires.fields.title'),
    description: t('questionnaires.fields.description'),
    scope: t('questionnaires.fields.scope'),
    eventId: t('questionnaires.fields.event'),
    closesAt: t('questionnaires.fields.closesAt'),
    template: t('questionnaires.newForm.source'),
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setDefinitionIssues(null);
    const local: Record<string, string> = {};
    let definition: unknown;
    if (source === 'json') {
      try {
        definition = JSON.parse(json);
      } catch {
        local.definition = t('questionnaires.newForm.notJson');
      }
    }
    if (!scope) local.scope = t('form.required');
    if (Object.keys(local).length) {
      setLocal(t('form.fixFields'), local);
      return;
    }
    const [scopeType, scopeId] = scope.split(':');
    try {
      const q = await create.mutateAsync({
        ...(source === 'default' ? { template: 'feedback-default' as const } : { definition }),
        ...(title.trim() ? { title: title.trim() } : {}),
        description: description.trim() || null,
        scopeType,
        ...(scopeId ? { scopeId: Number(scopeId) } : {}),
        eventId: eventId ? Number(eventId) : null,
        anonymous,
        // The last moment of the chosen day, in Italy.
        closesAt: closesOn ? romeInstant(closesOn, '23:59') : null,
      });
      flash.show(t('questionnaires.newForm.created', { title: q.title }), { path: `/questionari/${q.id}` });
      navigate(`/questionari/${q.id}`);
    } catch (err) {
      if (isApiError(err) && err.issues.some((i) => i.field.startsWith('definition.'))) setDefinitionIssues({ list: err.issues.filter((i) => i.field.startsWith('definition.')), sent: definition });
      fromError(err);
    }
  };

  return (
    <form id={ID} noValidate onSubmit={submit} className="mb-5">
      <RequiredNote />
      <ErrorSummary errors={errors} labels={labels} idPrefix={ID} />
      {definitionIssues && <DefinitionIssues id={`${ID}-definition-issues`} issues={definitionIssues.list} definition={definitionIssues.sent} />}
      <fieldset className="mb-4">
        <legend className="h5">{labels.source}</legend>
        <div className="form-check">
          <input className="form-check-input" type="radio" name="source" id={`${ID}-source-default`} checked={source === 'default'} onChange={() => setSource('default')} />
          <label className="form-check-label" htmlFor={`${ID}-source-default`}>
            {t('questionnaires.newForm.fromDefault')}
          </label>
        </div>
        <div className="form-check">
          <input className="form-check-input" type="radio" name="source" id={`${ID}-source-json`} checked={source === 'json'} onChange={() => setSource('json')} />
          <label className="form-check-label" htmlFor={`${ID}-source-json`}>
            {t('questionnaires.newForm.fromJson')}
          </label>
        </div>
      </fieldset>
      {source === 'json' && (
        <TextField id={`${ID}-definition`} label={labels.definition} required multiline rows={12} value={json} onChange={setJson} error={errors.fields.definition} hint={t('questionnaires.newForm.definitionHint')} />
      )}
      <TextField id={`${ID}-title`} label={labels.title} value={title} onChange={setTitle} error={errors.fields.title} hint={t('questionnaires.newForm.titleHint')} maxLength={300} />
      <TextField id={`${ID}-description`} label={labels.description} multiline value={description} onChange={setDescription} error={errors.fields.description} hint={t('questionnaires.newForm.descriptionHint')} maxLength={4000} />
      <SelectField
        id={`${ID}-eventId`}
        label={labels.eventId}
        value={eventId}
        onChange={setEventId}
        error={errors.fields.eventId}
        hint={t('questionnaires.newForm.eventHint')}
        emptyLabel={t('questionnaires.newForm.noEvent')}
        options={[...eventItems.map((e) => ({ value: String(e.id), label: e.title })), ...(eventId && !chosenEvent ? [{ value: eventId, label: t('questionnaires.eventN', { id: eventId }) }] : [])]}
      />
      <SelectField
        id={`${ID}-scope`}
        label={labels.scope}
        required
        value={scope}
        onChange={setScopeChoice}
        disabled={!!chosenEvent}
        error={errors.fields.scope}
        hint={chosenEvent ? t('questionnaires.newForm.scopeOfEvent') : t('questionnaires.newForm.scopeHint')}
        emptyLabel={t('form.choose')}
        options={scopeItems.map((s) => ({ value: scopeValue(s), label: s.scopeType === 'nation' ? t('questionnaires.scopes.nation') : s.scopeType === 'region' ? t('questionnaires.scopes.regionOf', { name: s.name }) : s.name }))}
      />
      <TextField id={`${ID}-closesAt`} label={labels.closesAt} type="date" value={closesOn} onChange={setClosesOn} error={errors.fields.closesAt} hint={t('questionnaires.newForm.closesHint')} />
      <CheckboxField id={`${ID}-anonymous`} label={t('questionnaires.newForm.anonymous')} checked={anonymous} onChange={setAnonymous} error={errors.fields.anonymous} hint={t('questionnaires.newForm.anonymousHint')} />
      <button type="submit" className="btn btn-primary mt-3" disabled={create.isPending}>
        {create.isPending ? t('questionnaires.newForm.creating') : t('questionnaires.newForm.create')}
      </button>
    </form>
  );
}
