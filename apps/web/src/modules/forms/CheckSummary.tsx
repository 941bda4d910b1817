import type { FormDefinition } from '@mosaico/form-engine/definition';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleOutcome } from './evaluation.ts';
import { keyParts } from './keyLabels.ts';
import { controlId, type ItemIssue } from './runtime.ts';
import { useLocalText } from './text.ts';
import { focusControl } from '../../ui/focusControl.ts';

interface CheckSummaryProps {
  definition: FormDefinition;
  idPrefix: string;
  issues: Record<string, ItemIssue[]>;
  rules: RuleOutcome[];
  /** Changes at each request to check the form, so the summary takes focus again. */
  checkKey: number;
}



/**
 * The outcome of "Controlla la scheda": every item problem with a link to it, and the rules that fail,
 * as a submission would be judged. It takes focus when asked for, and follows the values afterwards.
 */
export function CheckSummary({ definition, idPrefix, issues, rules, checkKey }: CheckSummaryProps) {
  const { t } = useTranslation();
  const local = useLocalText();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (checkKey > 0) ref.current?.focus();
  }, [checkKey]);

  const rowWord = (label: string, n: number) => t('forms.preview.repetition', { label, n });
  // One line per item and message: the cells of a grid that share a message are listed together.
  const lines = new Map<string, { key: string; item: string; cells: string[]; message: string }>();
  for (const [key, list] of Object.entries(issues)) {
    const { item, cell } = keyParts(definition, key, local, rowWord);
    for (const issue of list) {
      if (issue.severity !== 'error') continue;
      const id = `${item}|${issue.message}`;
      const line = lines.get(id) ?? { key, item, cells: [], message: issue.message };
      if (cell) line.cells.push(cell);
      lines.set(id, line);
    }
  }
  const entries = [...lines.values()];
  const ruleErrors = rules.filter((r) => r.severity === 'error').length;
  const warnings = rules.length - ruleErrors;
  const clean = entries.length === 0 && ruleErrors === 0;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a named, focusable group announced when the check is asked for
    <div ref={ref} tabIndex={-1} role="group" aria-labelledby={`${idPrefix}-check-title`} className={`alert ${clean ? 'alert-success' : 'alert-danger error-summary'} mb-4`}>
      <h3 id={`${idPrefix}-check-title`} className="h5">
        {clean ? t('forms.preview.checkClean') : t('forms.preview.checkTitle', { count: entries.length + ruleErrors })}
      </h3>
      {entries.length > 0 && (
        <ul className="mb-2">
          {entries.map((line) => (
            <li key={`${line.item}|${line.message}`}>
              <a href={`#${controlId({ idPrefix }, line.key)}`} onClick={(e) => focusControl(e, controlId({ idPrefix }, line.key))}>
                {line.item}
                {line.cells.length > 0 && ` – ${line.cells.join('; ')}`}: {line.message}
              </a>
            </li>
          ))}
        </ul>
      )}
      {(ruleErrors > 0 || warnings > 0) && (
        <p className="mb-0">
          <a href={`#${idPrefix}-rules-title`} onClick={(e) => focusControl(e, `${idPrefix}-rules-title`)}>
            {t('forms.preview.checkRules', { errors: ruleErrors, warnings })}
          </a>
        </p>
      )}
    </div>
  );
}
