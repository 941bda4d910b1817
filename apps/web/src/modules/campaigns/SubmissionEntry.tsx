import type { FormDefinition, Section } from '@mosaico/form-engine/definition';
import type { Completeness } from '@mosaico/form-engine/evaluate-form';
import { type FocusEvent, useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert.tsx';
import '../forms/forms.css';
import { compileOrNull } from '../forms/evaluation.ts';
import { keyParts } from '../forms/keyLabels.ts';
import { controlId, type FormRuntime, FormRuntimeContext, type ItemIssue } from '../forms/runtime.ts';
import { sectionId } from '../forms/SectionNav.tsx';
import { SectionView } from '../forms/SectionView.tsx';
import { useLocalText } from '../forms/text.ts';
import { usePreviewRuntime } from '../forms/usePreviewRuntime.ts';
import type { Submission } from './api.ts';
import { ConflictView } from './ConflictView.tsx';
import { CopySection } from './CopySection.tsx';
import { EntryItemAddons } from './EntryItemAddons.tsx';
import { EntryContext, type EntryContextValue } from './entryContext.ts';
import { usePreviousValues } from './entry-api.ts';
import { IssueSummary } from './IssueSummary.tsx';
import { copyPatch } from './previousCopy.ts';
import { SaveStatus } from './SaveStatus.tsx';
import { SubmissionSectionNav } from './SubmissionSectionNav.tsx';
import { useAutosave } from './useAutosave.ts';
import { useCommentSlots } from './useCommentSlots.tsx';
import './entry.css';

const PREFIX = 'sub';
const EDITABLE = new Set(['draft', 'returned']);

interface SubmissionEntryProps {
  submission: Submission;
  definition: FormDefinition;
  /** The section shown (from the page's address); the first readable one when unknown. */
  section: string | null;
  onSection: (code: string) => void;
  onReload: () => void;
  /** Receives the function that saves pending changes and waits for them (the workflow calls it before a move). */
  settleRef?: { current: (() => Promise<void>) | null };
}

const sumOf = (list: Completeness[]) => list.reduce((a, c) => ({ filled: a.filled + c.filled, expected: a.expected + c.expected }), { filled: 0, expected: 0 });

/**
 * The submission's form bound to its saved values, one section at a time: the live engine checks each value,
 * changes save by themselves (see useAutosave), and each item offers its history and, where the form says so,
 * last year's value to copy.
 */
export function SubmissionEntry({ submission, definition, section, onSection, onReload, settleRef }: SubmissionEntryProps) {
  const { t } = useTranslation();
  const local = useLocalText();
  const state = usePreviewRuntime(definition, PREFIX, submission.values);
  const readable = new Set(submission.readableSections);
  const writable = new Set(EDITABLE.has(submission.status) ? submission.writableSections : []);
  const sections = definition.sections.filter((s) => readable.has(s.code));
  const current: Section | undefined = sections.find((s) => s.code === section) ?? sections[0];
  const canSave = writable.size > 0;
  const autosave = useAutosave({ submission, values: state.values, enabled: canSave, onRebase: state.mergeValues });
  const compiled = useMemo(() => compileOrNull(definition), [definition]);
  const { settle } = autosave;
  useEffect(() => {
    if (!settleRef) return;
    settleRef.current = settle;
    return () => {
      settleRef.current = null;
    };
  }, [settleRef, settle]);
  const offersCopy = sections.some((s) => s.items.some((i) => i.copyLastYear));
  const previous = usePreviousValues(submission.id, offersCopy).data ?? null;
  const comments = useCommentSlots(submission.id, definition);

  const rowWord = useCallback((label: string, n: number) => t('forms.preview.repetition', { label, n }), [t]);
  const nameOf = useCallback(
    (key: string) => {
      const p = keyParts(definition, key, local, rowWord);
      return p.cell ? `${p.item} – ${p.cell}` : p.item;
    },
    [definition, local, rowWord],
  );

  const { serverIssues } = autosave;
  const runtime: FormRuntime = useMemo(
    () => ({
      ...state.runtime,
      issues: (key: string) => {
        const mine = state.runtime.issues(key);
        // The engine here and the server say the same thing in different words: show the server only when it adds something.
        const extra = (serverIssues[key] ?? []).filter((s) => !mine.some((m) => m.code === s.code || m.message === s.message));
        return [...extra, ...mine];
      },
      itemAddons: (item) => <EntryItemAddons item={item} />,
    }),
    [state.runtime, serverIssues],
  );

  const { mergeValues, values } = state;
  const entry: EntryContextValue = useMemo(
    () => ({
      submission,
      definition,
      previous,
      nameOf,
      copyItem: (code: string) => previous && mergeValues(copyPatch(values, previous.values, code)),
      comments,
    }),
    [submission, definition, previous, nameOf, mergeValues, values, comments],
  );

  const completeness = state.check.completeness;
  const overall = sumOf(sections.map((s) => completeness[s.code] ?? { filled: 0, expected: 0 }));
  const errors = useMemo(() => {
    const keys = new Set([...Object.keys(serverIssues), ...Object.entries(state.visible).filter(([, l]) => l.some((i) => i.severity === 'error')).map(([k]) => k)]);
    const out: Record<string, number> = {};
    for (const k of keys) {
      const s = state.check.sectionOf(k);
      if (s) out[s] = (out[s] ?? 0) + 1;
    }
    return out;
  }, [serverIssues, state.visible, state.check]);
  const assignedTo = Object.fromEntries(submission.assignments.filter((a) => a.organization).map((a) => [a.sectionCode, a.organization?.name ?? '']));

  // Changing section saves what was typed, and (when the person chose it) puts them at the section's title.
  const focusTitle = useRef(false);
  const shown = current?.code;
  const { flush } = autosave;
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    flush();
    if (focusTitle.current && shown) {
      focusTitle.current = false;
      const heading = document.getElementById(`${sectionId(PREFIX, shown)}-title`);
      heading?.focus({ preventScroll: true });
      heading?.scrollIntoView({ block: 'start' });
    }
  }, [shown, flush]);
  const go = (code: string) => {
    focusTitle.current = true;
    onSection(code);
  };

  // Leaving an item (not moving within its grid) saves it.
  const onLeave = (e: FocusEvent<HTMLFormElement>) => {
    const from = (e.target as HTMLElement).closest('[data-item]');
    const to = e.relatedTarget instanceof HTMLElement ? e.relatedTarget.closest('[data-item]') : null;
    if (from && from !== to) flush();
  };

  const refused = Object.keys(serverIssues).map((key) => ({ key, name: nameOf(key), target: controlId({ idPrefix: PREFIX }, key) }));
  const summaryLines = Object.entries(serverIssues).flatMap(([key, list]: [string, ItemIssue[]]) =>
    list.map((i, n) => ({ key: `${key}-${n}`, text: `${nameOf(key)}: ${i.message}`, target: controlId({ idPrefix: PREFIX }, key) })),
  );
  const index = current ? sections.indexOf(current) : -1;
  const before = index > 0 ? sections[index - 1] : null;
  const after = index >= 0 && index < sections.length - 1 ? sections[index + 1] : null;

  return (
    <section aria-labelledby={`${PREFIX}-title`} className="form-preview submission-entry mb-5">
      <h2 id={`${PREFIX}-title`} className="h3">
        {t('campaigns.entry.title')}
      </h2>
      {canSave ? (
        <p className="small text-secondary">{t('dataEntry.intro')}</p>
      ) : (
        <Alert variant="info">
          <p className="mb-0">{EDITABLE.has(submission.status) ? t('campaigns.entry.readOnly') : t('campaigns.entry.notEditable')}</p>
        </Alert>
      )}
      {autosave.rejection && summaryLines.length > 0 && (
        <IssueSummary id={`${PREFIX}-errors`} title={t('form.errorSummaryTitle')} message={autosave.rejection.message} lines={summaryLines} focusKey={autosave.rejection.key} />
      )}
      {autosave.conflict && <ConflictView conflict={autosave.conflict} definition={definition} nameOf={nameOf} onReload={onReload} />}
      <div className="row">
        <div className="col-12 col-lg-4">
          <SubmissionSectionNav sections={sections} current={current?.code ?? ''} completeness={completeness} errors={errors} overall={overall} assignedTo={assignedTo} badges={comments.sectionBadges} onGo={go} />
        </div>
        <div className="col-12 col-lg-8">
          <EntryContext.Provider value={entry}>
            <form
              id={`${PREFIX}-form`}
              noValidate
              aria-labelledby={`${PREFIX}-title`}
              onBlur={onLeave}
              onSubmit={(e) => {
                e.preventDefault();
                void autosave.saveNow();
              }}
            >
              {current && (
                <FormRuntimeContext.Provider value={writable.has(current.code) ? runtime : { ...runtime, readOnly: true }}>
                  <SectionView
                    key={current.code}
                    section={current}
                    idPrefix={PREFIX}
                    intro={
                      <>
                        {assignedTo[current.code] && <p className="text-secondary">{t('dataEntry.nav.assignedTo', { name: assignedTo[current.code] })}</p>}
                        {writable.has(current.code) && <CopySection section={current} form={compiled} values={state.values} previous={previous} onCopy={mergeValues} />}
                      </>
                    }
                  />
                </FormRuntimeContext.Provider>
              )}
            </form>
          </EntryContext.Provider>
          <nav aria-label={t('dataEntry.nav.pager')} className="d-flex flex-wrap justify-content-between gap-2 mb-4">
            {before ? (
              <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => go(before.code)}>
                {t('dataEntry.nav.previous', { title: local(before.title) })}
              </button>
            ) : (
              <span />
            )}
            {after && (
              <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => go(after.code)}>
                {t('dataEntry.nav.next', { title: local(after.title) })}
              </button>
            )}
          </nav>
        </div>
      </div>
      {canSave && <SaveStatus state={autosave.state} lastSaved={autosave.lastSaved} refused={refused} onSaveNow={() => void autosave.saveNow()} onReload={onReload} />}
    </section>
  );
}
