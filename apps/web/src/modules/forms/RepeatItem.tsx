import type { Item } from '@mosaico/form-engine/definition';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ItemField } from './ItemField.tsx';
import { describedBy, ItemHelp, ItemIssues, RequiredText } from './ItemParts.tsx';
import { controlId, type Scope, useFormRuntime } from './runtime.ts';
import { useLocalText } from './text.ts';

const FOCUSABLE = 'input:not([type="hidden"]), select, textarea';

/** A repeating group: one fieldset per repetition with its own items, "Aggiungi" and "Rimuovi". */
export function RepeatItem({ item, scope }: { item: Item; scope: Scope }) {
  const { t } = useTranslation();
  const rt = useFormRuntime();
  const local = useLocalText();
  const key = rt.key.item(item.code, scope);
  const id = controlId(rt, key);
  const required = rt.isRequired(item.code, scope);
  const issues = rt.issues(key);
  const count = rt.repeatCount(item.code, scope);
  const label = local(item.label);
  const addButton = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLFieldSetElement>(null);
  // After adding, focus goes to the new repetition's first field; after removing, back to "Aggiungi".
  const [focusAfter, setFocusAfter] = useState<{ index: number } | 'add' | null>(null);

  useEffect(() => {
    if (focusAfter === null) return;
    if (focusAfter === 'add') addButton.current?.focus();
    else root.current?.querySelector<HTMLElement>(`#${id}-rep-${focusAfter.index} ${FOCUSABLE}`)?.focus();
    setFocusAfter(null);
  }, [focusAfter, id]);

  return (
    <fieldset ref={root} id={id} className="form-item form-item-repeat mb-4" aria-describedby={describedBy(id, { hint: !!item.help, issues: issues.length > 0 })}>
      <legend className="item-legend">
        {label}
        <RequiredText required={required} />
      </legend>
      <ItemHelp id={id} item={item} />
      {count === 0 && <p className="text-secondary">{t('forms.preview.noRepetitions')}</p>}
      {Array.from({ length: count }, (_, index) => {
        const inner: Scope = { repeat: item.code, index };
        const n = index + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a repetition is identified by its position, as in the values
          <fieldset key={index} id={`${id}-rep-${index}`} className="repetition">
            <legend className="repetition-legend">{t('forms.preview.repetition', { label, n })}</legend>
            {(item.items ?? []).map((child) => (
              <ItemField key={child.code} item={child} scope={inner} />
            ))}
            {!rt.readOnly && (
              <button
                type="button"
                className="btn btn-outline-danger btn-sm"
                onClick={() => {
                  rt.removeRepetition(item.code, index);
                  setFocusAfter('add');
                }}
              >
                {t('forms.preview.remove')}
                <span className="visually-hidden"> {t('forms.preview.repetition', { label, n })}</span>
              </button>
            )}
          </fieldset>
        );
      })}
      {!rt.readOnly && (
        <button
          ref={addButton}
          type="button"
          className="btn btn-outline-primary btn-sm"
          onClick={() => {
            rt.addRepetition(item.code);
            setFocusAfter({ index: count });
          }}
        >
          {t('forms.preview.add')}
          <span className="visually-hidden"> {label}</span>
        </button>
      )}
      <ItemIssues id={id} issues={issues} />
    </fieldset>
  );
}
