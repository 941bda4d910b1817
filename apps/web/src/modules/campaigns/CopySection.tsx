import type { CompiledForm } from '@mosaico/form-engine/compile-form';
import type { Section } from '@mosaico/form-engine/definition';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { controlId } from '../forms/runtime.ts';
import type { EnteredValues } from '../forms/usePreviewRuntime.ts';
import type { PreviousValues } from './entry-api.ts';
import { focusWhenShown } from './itemLocator.ts';
import { copyAllPatch } from './previousCopy.ts';

interface CopySectionProps {
  section: Section;
  form: CompiledForm | null;
  values: EnteredValues;
  previous: PreviousValues | null;
  onCopy: (patch: EnteredValues) => void;
}

/** "Copia tutti i valori dell'anno precedente": fills the section's empty items marked copyLastYear, and says how many. */
export function CopySection({ section, form, values, previous, onCopy }: CopySectionProps) {
  const { t } = useTranslation();
  const [done, setDone] = useState<string | null>(null);
  if (!previous?.previous || !section.items.some((i) => i.copyLastYear)) return null;
  const year = previous.previous.campaign.year;
  const { patch, items } = copyAllPatch(form, section, values, previous.values);
  return (
    <div className="copy-section mb-3">
      {items.length > 0 && (
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          onClick={() => {
            onCopy(patch);
            setDone(t('dataEntry.previous.copiedAll', { count: items.length, year }));
            // The button goes once nothing is left to copy: the person continues from the first item filled.
            focusWhenShown(controlId({ idPrefix: 'sub' }, items[0].code));
          }}
        >
          {t('dataEntry.previous.copyAll', { year })}
        </button>
      )}
      {items.length > 0 && <span className="small text-secondary ms-2">{t('dataEntry.previous.copyAllHint', { count: items.length })}</span>}
      <p className="small mb-0" role="status" aria-live="polite">
        {done}
      </p>
    </div>
  );
}
