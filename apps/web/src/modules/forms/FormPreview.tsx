import type { FormDefinition } from '@mosaico/form-engine/definition';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert.tsx';
import './forms.css';
import { CheckSummary } from './CheckSummary.tsx';
import { RuleResults } from './RuleResults.tsx';
import { FormRuntimeContext } from './runtime.ts';
import { SectionNav } from './SectionNav.tsx';
import { SectionView } from './SectionView.tsx';
import { usePreviewRuntime } from './usePreviewRuntime.ts';

const PREFIX = 'pv';

/**
 * The form as a respondent sees it, interactive but saving nothing: skip logic, required items, constraints,
 * computed values and rules are evaluated live by the shared engine, as the server will evaluate them.
 */
export function FormPreview({ definition }: { definition: FormDefinition }) {
  const { t } = useTranslation();
  const state = usePreviewRuntime(definition, PREFIX);
  const { check } = state;
  // Emptying remounts the controls, so nothing typed (not even text that was not a number) survives.
  const [generation, setGeneration] = useState(0);
  const [checkKey, setCheckKey] = useState(0);
  return (
    <section aria-labelledby={`${PREFIX}-title`} className="form-preview">
      <h2 id={`${PREFIX}-title`} className="h3">
        {t('forms.preview.title')}
      </h2>
      <Alert variant="info">
        <p className="mb-0">{t('forms.preview.notice')}</p>
      </Alert>
      {!check.ok && (
        <Alert variant="warning">
          <p className="mb-0">{t('forms.preview.notEvaluated')}</p>
        </Alert>
      )}
      <SectionNav sections={definition.sections} idPrefix={PREFIX} completeness={check.completeness} errors={state.errorsBySection} />
      {state.checkedAll && <CheckSummary definition={definition} idPrefix={PREFIX} issues={state.visible} rules={check.rules} checkKey={checkKey} />}
      <FormRuntimeContext.Provider value={state.runtime}>
        <form key={generation} id={`${PREFIX}-form`} noValidate aria-labelledby={`${PREFIX}-title`} onSubmit={(e) => e.preventDefault()}>
          {definition.sections.map((s) => (
            <SectionView key={s.code} section={s} idPrefix={PREFIX} />
          ))}
        </form>
      </FormRuntimeContext.Provider>
      <RuleResults rules={check.rules} skipped={check.skippedRules} total={definition.rules.length} idPrefix={PREFIX} />
      <div className="d-flex flex-wrap gap-2">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => {
            state.checkAll();
            setCheckKey((k) => k + 1);
          }}
        >
          {t('forms.preview.checkAll')}
        </button>
        <button
          type="button"
          className="btn btn-outline-secondary"
          onClick={() => {
            state.reset();
            setGeneration((g) => g + 1);
            setCheckKey(0);
          }}
        >
          {t('forms.preview.reset')}
        </button>
      </div>
    </section>
  );
}
