import { useTranslation } from 'react-i18next';
import { type SourceKey, sourcesOf } from './sources.ts';

/** The attribution under a chart, map or table: where its figures (and boundaries) come from. */
export function SourceNote({ elements, boundaries, className }: { elements: readonly string[]; boundaries?: string; className?: string }) {
  const { t } = useTranslation();
  const parts = sourcesOf(elements).map((s: SourceKey) => t(`analysis.sources.${s}`));
  if (boundaries) parts.push(t('analysis.sources.boundaries', { source: boundaries }));
  if (!parts.length) return null;
  return <p className={`small text-secondary source-note ${className ?? 'mb-3'}`}>{parts.join('; ')}.</p>;
}
