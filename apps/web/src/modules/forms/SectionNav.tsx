import type { Item, Section } from '@mosaico/form-engine/definition';
import type { Completeness } from '@mosaico/form-engine/evaluate-form';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalNode } from './LocalText.tsx';

/** Items of a list, counting those inside repeat groups (as the server's item count does). */
export function countItems(items: Item[]): number {
  return items.reduce((n, i) => n + 1 + (i.items ? countItems(i.items) : 0), 0);
}

export const sectionId = (prefix: string, code: string) => `${prefix}-sec-${code}`;

/** Moves focus to a section's heading (and scrolls to it) without changing the page's address. */
export function goToSection(e: MouseEvent<HTMLAnchorElement>, id: string) {
  const heading = document.getElementById(`${id}-title`);
  if (!heading) return;
  e.preventDefault();
  heading.focus({ preventScroll: true });
  heading.scrollIntoView({ block: 'start' });
}

interface SectionNavProps {
  sections: Section[];
  idPrefix: string;
  /** Per section: relevant items filled and expected (from the engine). */
  completeness?: Record<string, Completeness>;
  /** Per section: item issues to fix. */
  errors?: Record<string, number>;
}

/** The form's sections as a menu of anchors, with each one's item count and progress; the evaluative ones are marked. */
export function SectionNav({ sections, idPrefix, completeness, errors }: SectionNavProps) {
  const { t } = useTranslation();
  const node = useLocalNode();
  return (
    <nav aria-labelledby={`${idPrefix}-nav-title`} className="section-nav mb-4">
      <h3 id={`${idPrefix}-nav-title`} className="h5">
        {t('forms.preview.sections')}
      </h3>
      <ol className="section-nav-list list-unstyled">
        {sections.map((s) => {
          const id = sectionId(idPrefix, s.code);
          const problems = errors?.[s.code] ?? 0;
          const done = completeness?.[s.code];
          return (
            <li key={s.code}>
              <a href={`#${id}`} onClick={(e) => goToSection(e, id)}>
                {node(s.title)}
              </a>{' '}
              <span className="text-secondary small">{t('forms.preview.itemCount', { count: countItems(s.items) })}</span>
              {done && done.expected > 0 && <span className="small ms-2">{t('forms.preview.progress', { filled: done.filled, expected: done.expected })}</span>}
              {s.kind === 'evaluative' && <span className="badge bg-primary ms-2">{t('forms.preview.evaluative')}</span>}
              {problems > 0 && <span className="badge bg-danger ms-2">{t('forms.preview.sectionErrors', { count: problems })}</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
