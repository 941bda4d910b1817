import type { Section } from '@mosaico/form-engine/definition';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ItemField } from './ItemField.tsx';
import { sectionId } from './SectionNav.tsx';
import { useLocalNode } from './LocalText.tsx';

/** One section of the form: title (focusable, the target of the section menu), description, what the page adds, items. */
export function SectionView({ section, idPrefix, intro }: { section: Section; idPrefix: string; intro?: ReactNode }) {
  const { t } = useTranslation();
  const node = useLocalNode();
  const id = sectionId(idPrefix, section.code);
  return (
    <section id={id} aria-labelledby={`${id}-title`} className={`form-section mb-5${section.kind === 'evaluative' ? ' form-section-evaluative' : ''}`}>
      <h3 id={`${id}-title`} tabIndex={-1} className="h4 section-title">
        {node(section.title)}
      </h3>
      {section.kind === 'evaluative' && (
        <p>
          <span className="badge bg-primary">{t('forms.preview.evaluative')}</span>
        </p>
      )}
      {section.description && <p className="section-description">{node(section.description)}</p>}
      {intro}
      {section.items.map((item) => (
        <ItemField key={item.code} item={item} scope={null} />
      ))}
    </section>
  );
}
