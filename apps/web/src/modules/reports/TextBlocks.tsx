import { useTranslation } from 'react-i18next';
import type { Block } from './blocks.ts';
import type { ReportDocument } from './api.ts';

/** Labelled texts (evaluative section, good practices, activities), each group under its own heading. */
export function TextsBlock({ block }: { block: Block<'texts'> }) {
  if (!block.groups.length || block.groups.every((g) => !g.entries.length)) return <p className="text-secondary">{block.empty ?? '—'}</p>;
  return (
    <>
      {block.groups.map((g, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: groups of a frozen snapshot never move
        <div key={i} className="mb-3">
          {g.heading && <h4 className="h6">{g.heading}</h4>}
          <dl className="report-texts">
            {g.entries.map((e, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: entries of a frozen snapshot never move
              <div key={j} className="mb-2">
                <dt>{e.label}</dt>
                <dd className="mb-0 report-text">{e.text}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </>
  );
}

/** Every source used in the report: publisher, attribution, licence and the date of the figures. */
export function SourcesBlock({ sources }: { sources: ReportDocument['snapshot']['sources'] }) {
  const { t } = useTranslation();
  if (!sources.length) return <p className="text-secondary">{t('reports.view.noSources')}</p>;
  return (
    <ol className="report-sources">
      {sources.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: blocks refer to sources by index
        <li key={i} id={`rep-source-${i + 1}`}>
          <span className="fw-semibold">{s.url ? <a href={s.url}>{s.name}</a> : s.name}</span>
          {s.attribution && <>. {s.attribution}</>}
          {s.licence && <>. {t('reports.view.licence', { licence: s.licence })}</>}
          {s.date && <>. {t('reports.view.dataDate', { date: s.date })}</>}
        </li>
      ))}
    </ol>
  );
}

/** The source numbers a block cites, linked to the list of sources. */
export function SourceRefs({ indexes }: { indexes: number[] }) {
  const { t } = useTranslation();
  if (!indexes.length) return null;
  return (
    <p className="small text-secondary">
      {t('reports.view.sourcesOfBlock')}{' '}
      {indexes.map((i, n) => (
        <span key={i}>
          {n > 0 && ', '}
          <a href={`#rep-source-${i + 1}`}>{i + 1}</a>
        </span>
      ))}
    </p>
  );
}
