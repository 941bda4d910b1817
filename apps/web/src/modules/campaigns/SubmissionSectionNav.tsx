import type { Section } from '@mosaico/form-engine/definition';
import type { Completeness } from '@mosaico/form-engine/evaluate-form';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocalNode } from '../forms/LocalText.tsx';
import { percent } from './percent.ts';

/** A progress bar named by its label, its value also said in words (and shown beside it). */
export function ProgressBar({ labelledBy, done, text }: { labelledBy: string; done: Completeness; text: string }) {
  const ratio = done.expected ? done.filled / done.expected : 0;
  const value = Math.round(ratio * 100);
  return (
    <div className="progress entry-progress" role="progressbar" aria-labelledby={labelledBy} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value} aria-valuetext={text}>
      <div className={`progress-bar${ratio >= 1 ? ' is-complete' : ''}`} style={{ width: `${value}%` }} />
    </div>
  );
}

interface SubmissionSectionNavProps {
  sections: Section[];
  current: string;
  completeness: Record<string, Completeness>;
  errors: Record<string, number>;
  overall: Completeness;
  /** section code → organisation name, when assigned. */
  assignedTo: Record<string, string>;
  /** Per section: what the page adds to its line (open questions). */
  badges?: Record<string, ReactNode>;
  onGo: (code: string) => void;
}

/**
 * The sections the user reads, one shown at a time: each with its progress (items filled of those expected, as
 * a bar and in words), its errors, and who fills it; the overall completeness on top.
 */
export function SubmissionSectionNav({ sections, current, completeness, errors, overall, assignedTo, badges, onGo }: SubmissionSectionNavProps) {
  const { t, i18n } = useTranslation();
  const node = useLocalNode();
  const locale = i18n.language === 'en' ? 'en-GB' : 'it-IT';
  const words = (c: Completeness) => t('dataEntry.nav.progress', { filled: c.filled, expected: c.expected, percent: percent(c, locale) });
  // On a narrow screen the list would push the form a screen down: it opens on request there.
  const [expanded, setExpanded] = useState(false);
  const here = sections.find((s) => s.code === current);
  return (
    <nav aria-labelledby="sub-nav-title" className="entry-nav mb-4">
      <h3 id="sub-nav-title" className="h5">
        {t('dataEntry.nav.title')}
      </h3>
      <p id="sub-overall-label" className="mb-1 fw-semibold">
        {t('dataEntry.nav.overall')}
      </p>
      <ProgressBar labelledBy="sub-overall-label" done={overall} text={words(overall)} />
      <p className="small mb-3">{words(overall)}</p>
      <div className="d-lg-none mb-2">
        {here && (
          <p className="mb-2">
            {t('dataEntry.nav.current')} <strong>{node(here.title)}</strong>
          </p>
        )}
        <button type="button" className="btn btn-outline-primary btn-sm" aria-expanded={expanded} aria-controls="sub-nav-list" onClick={() => setExpanded((e) => !e)}>
          {expanded ? t('dataEntry.nav.hideAll') : t('dataEntry.nav.showAll', { count: sections.length })}
        </button>
      </div>
      <ol id="sub-nav-list" className={`entry-nav-list list-unstyled mb-0${expanded ? '' : ' d-none d-lg-block'}`}>
        {sections.map((s) => {
          const done = completeness[s.code] ?? { filled: 0, expected: 0 };
          const problems = errors[s.code] ?? 0;
          const isCurrent = s.code === current;
          return (
            <li key={s.code} className={isCurrent ? 'entry-nav-current' : undefined}>
              <Link
                id={`sub-nav-${s.code}`}
                to={{ search: `?sezione=${encodeURIComponent(s.code)}` }}
                aria-current={isCurrent ? 'step' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  setExpanded(false);
                  onGo(s.code);
                }}
              >
                {node(s.title)}
              </Link>
              <ProgressBar labelledBy={`sub-nav-${s.code}`} done={done} text={words(done)} />
              <p className="small mb-0 entry-nav-meta">
                <span>{done.expected ? t('dataEntry.nav.short', { filled: done.filled, expected: done.expected }) : t('dataEntry.nav.nothingExpected')}</span>
                {problems > 0 && <span className="badge bg-danger ms-2">{t('forms.preview.sectionErrors', { count: problems })}</span>}
                {s.kind === 'evaluative' && <span className="badge bg-primary ms-2">{t('forms.preview.evaluative')}</span>}
                {badges?.[s.code]}
                {assignedTo[s.code] && <span className="d-block text-secondary">{t('dataEntry.nav.assignedTo', { name: assignedTo[s.code] })}</span>}
              </p>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
