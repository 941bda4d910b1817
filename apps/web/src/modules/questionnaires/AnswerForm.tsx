import type { FormDefinition } from '@mosaico/form-engine/definition';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { IssueSummary } from '../campaigns/IssueSummary.tsx';
import '../forms/forms.css';
import { controlId, FormRuntimeContext } from '../forms/runtime.ts';
import { SectionView } from '../forms/SectionView.tsx';
import { useLocalText } from '../forms/text.ts';
import { usePreviewRuntime } from '../forms/usePreviewRuntime.ts';
import { useErrorMessage } from '../../ui/QueryError.tsx';

const PREFIX = 'qa';

interface Problem {
  key: string;
  /** A rule across questions has no control of its own to link to. */
  rule?: boolean;
  label: string;
  message: string;
}

/**
 * A questionnaire to fill in, drawn by the monitoring form's renderers and checked live by the same engine the
 * server uses; on sending, every problem (the browser's or the server's) is listed with a link to its question.
 */
export function AnswerForm({ definition, send, pending }: { definition: FormDefinition; send: (values: Record<string, unknown>) => Promise<unknown>; pending: boolean }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const messageOf = useErrorMessage();
  const state = usePreviewRuntime(definition, PREFIX);
  const [problems, setProblems] = useState<{ key: number; message: string | null; list: Problem[] } | null>(null);
  const items = new Map(definition.sections.flatMap((s) => s.items).map((i) => [i.code, local(i.label)]));
  const labelOf = (key: string) => items.get(key.split(/[.[]/)[0]) ?? key;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    state.checkAll();
    const local = Object.entries(state.check.issues).flatMap(([key, list]) => list.filter((i) => i.severity === 'error').map((i) => ({ key, label: labelOf(key), message: i.message })));
    const rules = state.check.rules.filter((r) => r.severity === 'error').map((r) => ({ key: r.code, rule: true, label: t('questionnaires.answer.rule'), message: r.message }));
    if (local.length || rules.length) {
      setProblems((p) => ({ key: (p?.key ?? 0) + 1, message: t('questionnaires.answer.fix'), list: [...local, ...rules] }));
      return;
    }
    try {
      await send(state.values);
    } catch (err) {
      const list = isApiError(err) ? err.issues.map((i) => ({ key: i.field.replace(/^values\./, ''), label: labelOf(i.field.replace(/^values\./, '')), message: i.message })) : [];
      setProblems((p) => ({ key: (p?.key ?? 0) + 1, message: messageOf(err), list }));
    }
  };

  return (
    <FormRuntimeContext.Provider value={state.runtime}>
      {problems && (
        <IssueSummary
          id={`${PREFIX}-problems`}
          title={t('form.errorSummaryTitle')}
          message={problems.message}
          focusKey={problems.key}
          lines={problems.list.map((p) => ({ key: `${p.key}|${p.message}`, text: `${p.label}: ${p.message}`, target: p.rule ? undefined : controlId({ idPrefix: PREFIX }, p.key) }))}
        />
      )}
      <form id={`${PREFIX}-form`} noValidate onSubmit={submit} aria-label={local(definition.title)}>
        <p className="small">{t('questionnaires.answer.requiredNote')}</p>
        {definition.sections.map((s) => (
          <SectionView key={s.code} section={s} idPrefix={PREFIX} />
        ))}
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? t('questionnaires.answer.sending') : t('questionnaires.answer.send')}
        </button>
      </form>
    </FormRuntimeContext.Provider>
  );
}
