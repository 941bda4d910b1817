import type { ResolvedBlock } from '@mosaico/contracts/reports';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './reports.css';
import { useFormat } from '../../ui/format.ts';
import type { ReportDocument } from './api.ts';
import { anchorOf, type Block } from './blocks.ts';
import { DataTable } from './DataTable.tsx';
import { KeyFigures } from './KeyFigures.tsx';
import { ReportFigure } from './ReportFigure.tsx';
import { ReportStatusBadge } from './ReportStatusBadge.tsx';
import { SourceRefs, SourcesBlock, TextsBlock } from './TextBlocks.tsx';

interface ReportDocumentViewProps {
  doc: ReportDocument;
  /** Replaces the read-only narrative (the editor, for those who may write). */
  renderNarrative?: (block: Block<'narrative'>) => ReactNode;
  /** Shown under each block (its comments). */
  blockFooter?: (blockKey: string, title: string) => ReactNode;
}

/** The narrative as stored: the server sanitises it to a short list of tags and safe links before saving. */
export function NarrativeHtml({ html, emptyText }: { html: string | undefined; emptyText: string }) {
  if (!html?.trim()) return <p className="text-secondary fst-italic">{emptyText}</p>;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the server (NARRATIVE_TAGS) when saved
  return <div className="report-narrative" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** The report as accessible HTML: cover facts, table of contents, chapters (h2) and blocks (h3). */
export function ReportDocumentView({ doc, renderNarrative, blockFooter }: ReportDocumentViewProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const s = doc.snapshot;
  const render = (b: ResolvedBlock) => {
    switch (b.kind) {
      case 'key_figures':
        return <KeyFigures block={b} />;
      case 'table':
        return <DataTable caption={b.title ?? ''} captionHidden={!!b.title} columns={b.columns} rows={b.rows} note={b.note} />;
      case 'chart':
      case 'map':
        return <ReportFigure block={b} reportId={doc.reportId} />;
      case 'texts':
        return <TextsBlock block={b} />;
      case 'narrative':
        return renderNarrative ? renderNarrative(b) : <NarrativeHtml html={doc.narratives[b.key]} emptyText={t('reports.view.narrativeEmpty')} />;
      case 'sources':
        return <SourcesBlock sources={s.sources} />;
    }
  };
  return (
    <div className="report-document" lang={doc.lang}>
      <section className="report-cover mb-4 p-4" aria-label={t('reports.view.cover')}>
        <p className="lead mb-2">{s.subtitle}</p>
        <dl className="row mb-0">
          {[
            [t('reports.fields.council'), s.council.name],
            [t('reports.fields.region'), s.council.regionName],
            [t('reports.fields.year'), String(s.year)],
            [t('reports.fields.status'), <ReportStatusBadge key="s" status={doc.status} />],
            [t('reports.fields.version'), String(doc.version)],
            [t('reports.fields.template'), `${s.template.name} (v${s.template.version})`],
            [t('reports.fields.generatedAt'), f.dateTime(s.generatedAt)],
            ...(doc.publishedAt ? [[t('reports.fields.publishedAt'), f.date(doc.publishedAt)]] : []),
          ].map(([label, value]) => (
            <div key={String(label)} className="col-12 col-md-6 col-lg-3 mb-2">
              <dt className="small fw-semibold">{label}</dt>
              <dd className="mb-0">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <nav className="report-toc mb-5" aria-labelledby="report-toc-title">
        <h2 id="report-toc-title" className="h4">
          {t('reports.view.toc')}
        </h2>
        <ol>
          {s.chapters.map((c) => (
            <li key={c.key}>
              <a href={`#${anchorOf(c.key)}`}>{c.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      {s.chapters.map((c) => (
        <section key={c.key} className="report-chapter mb-5" aria-labelledby={anchorOf(c.key)}>
          <h2 id={anchorOf(c.key)} className="h3 report-chapter-title" tabIndex={-1}>
            {c.title}
          </h2>
          {c.blocks.map((b) => (
            <div key={b.key} className={`report-block report-block-${b.kind} mb-4`} id={`block-${b.key}`}>
              {b.title && <h3 className="h5">{b.title}</h3>}
              {render(b)}
              {'sources' in b && Array.isArray(b.sources) && <SourceRefs indexes={b.sources} />}
              {blockFooter?.(b.key, b.title ?? c.title)}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
