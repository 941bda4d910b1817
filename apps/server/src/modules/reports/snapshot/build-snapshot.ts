import { type BlockSpec, type ReportSnapshot, type ResolvedBlock, type TemplateDefinition, templateDefinition } from '@mosaico/contracts/reports';
import type { Db } from '../../../platform/db/client.ts';
import { resolveElementSource } from './element-blocks.ts';
import { resolveActivities, resolveEvaluation, resolveFormItems, resolveGoodPractices } from './form-blocks.ts';
import { FormData } from './form-data.ts';
import { resolveCompareSource, resolveIndicatorSource, resolveKeyFigures } from './indicator-blocks.ts';
import { resolveMap } from './map-block.ts';
import { type FigureNeeds, IndicatorFigures, loadPlace, type SnapshotContext, yearsEnding } from './snapshot-context.ts';
import { type SnapshotSession, hasUnapprovedFigures } from './snapshot-session.ts';
import { Provenance, SourceList } from './snapshot-sources.ts';
import { formatNumber, type Lang, pick, say, WORDS } from './snapshot-text.ts';

export interface SnapshotInput {
  councilId: number;
  year: number;
  template: { id: number; version: number; name: string; definition: TemplateDefinition };
}

/** The indicators the template shows and the years it needs them for, so they are computed in one pass. */
function needsOf(definition: TemplateDefinition, year: number): FigureNeeds & { elements: Set<string>; from: number } {
  const needs = { codes: new Set<string>(), years: new Set<number>(), elements: new Set<string>(), from: year };
  const want = (codes: string[], years: number[]) => {
    for (const c of codes) needs.codes.add(c);
    for (const y of years) {
      needs.years.add(y);
      needs.from = Math.min(needs.from, y);
    }
  };
  for (const block of definition.chapters.flatMap((c) => c.blocks)) {
    if (block.kind === 'key_figures') want(block.indicators, [year - 1, year]);
    if (block.kind === 'map') want([block.indicator], [year]);
    if (block.kind !== 'table' && block.kind !== 'chart') continue;
    const s = block.source;
    if (s.type === 'indicators') want(s.indicators, yearsEnding(year, s.years));
    if (s.type === 'compare') want([s.indicator], [year]);
    if (s.type === 'element') {
      needs.elements.add(s.element);
      needs.from = Math.min(needs.from, year - s.years + 1);
    }
  }
  return needs;
}

async function resolveBlock(ctx: SnapshotContext, spec: BlockSpec): Promise<ResolvedBlock> {
  const title = spec.title ? pick(spec.title, ctx.lang) : null;
  switch (spec.kind) {
    case 'key_figures':
      return resolveKeyFigures(ctx, spec, title);
    case 'map':
      return resolveMap(ctx, spec, title ?? '');
    case 'evaluation':
      return resolveEvaluation(ctx, spec.key, title);
    case 'good_practices':
      return resolveGoodPractices(ctx, spec.key, title);
    case 'activities':
      return resolveActivities(ctx, spec.key, title);
    case 'narrative':
      return { kind: 'narrative', key: spec.key, title, hint: spec.hint ? pick(spec.hint, ctx.lang) || null : null };
    case 'sources':
      return { kind: 'sources', key: spec.key, title };
    case 'table':
    case 'chart': {
      const chart = spec.kind === 'chart' ? spec.chart : null;
      const s = spec.source;
      const t = title ?? '';
      if (s.type === 'indicators') return resolveIndicatorSource(ctx, spec.key, t, s, chart);
      if (s.type === 'compare') return resolveCompareSource(ctx, spec.key, t, s.indicator, chart);
      if (s.type === 'element') return resolveElementSource(ctx, spec.key, t, s, chart);
      const table = resolveFormItems(ctx, spec.key, t, s.items);
      if (!chart) return table;
      // Form items drawn as a chart: one bar per item with a figure.
      const rows = table.rows.filter((r) => typeof r[1] === 'number');
      const alt = rows.length ? `${t}: ${rows.map((r) => `${r[0]} ${formatNumber(r[1] as number, table.columns[1].decimals, ctx.lang)}`).join('; ')}.` : `${t}: ${table.note ?? say(WORDS.noData, ctx.lang)}`;
      return { kind: 'chart', key: spec.key, title: t, chart, categories: rows.map((r) => String(r[0])), series: [{ name: String(ctx.year), values: rows.map((r) => r[1] as number) }], unit: null, alt, sources: table.sources };
    }
  }
}

/**
 * Resolves every block of a template for a council and year from the data as they are now (the caller freezes
 * the result into a report version). Figures are read with the council's own visibility: its collected figures
 * count even while provisional, other councils' only once approved; imported statistics always.
 * A batch passes one `SnapshotSession` to all its calls, so the figures common to councils are computed once.
 */
export async function buildReportSnapshot(db: Db, input: SnapshotInput, lang: Lang = 'it', session?: SnapshotSession): Promise<ReportSnapshot> {
  const definition = templateDefinition.parse(input.template.definition);
  const { year } = input;
  const place = await loadPlace(db, input.councilId, year);
  const needs = needsOf(definition, year);
  const shared = session && !(await hasUnapprovedFigures(db, place.council.id)) ? session : null;
  const places = new Set([place.province, place.region, place.nation, ...place.regionProvinces].map((p) => p.id));
  const figures = (
    shared ? await shared.sharedFigures(needs) : await IndicatorFigures.compute(db, needs, places, { all: false, councilIds: [place.council.id] })
  ).forRegion(place.region.id);
  const elements = [...new Set([...needs.elements, ...[...needs.codes].flatMap((c) => figures.elementsOf(c))])];
  const provenance = shared
    ? await shared.sharedProvenance({ elements, from: needs.from, to: year, lang })
    : await Provenance.load(db, { elements, from: needs.from, to: year, councilId: place.council.id, lang });
  const form = await FormData.load(db, { councilId: place.council.id, councilName: place.council.name, year, lang });
  const ctx: SnapshotContext = { db, lang, year, ...place, figures, provenance, form, sources: new SourceList(lang), shared };

  const chapters: ReportSnapshot['chapters'] = [];
  for (const chapter of definition.chapters) {
    const blocks: ResolvedBlock[] = [];
    // In order, one after the other: the database handle serves one query at a time (PGlite), and the sources list
    // is numbered in reading order.
    for (const spec of chapter.blocks) blocks.push(await resolveBlock(ctx, spec));
    chapters.push({ key: chapter.key, title: pick(chapter.title, lang), blocks });
  }
  return {
    council: {
      id: place.council.id,
      name: place.council.name,
      provinceCode: place.province.code,
      provinceName: place.province.name,
      regionCode: place.region.code,
      regionName: place.region.name,
    },
    year,
    template: { id: input.template.id, version: input.template.version, name: input.template.name },
    generatedAt: new Date().toISOString(),
    title: say(WORDS.title(year), lang),
    subtitle: place.council.name,
    chapters,
    sources: ctx.sources.list,
  };
}
