import type { ResolvedBlock } from '@mosaico/contracts/reports';
import { and, asc, eq } from 'drizzle-orm';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { boundarySets } from '../../territories/territories.schema.ts';
import { validAt } from '../../territories/territories.service.ts';
import { describeIndicator, indicatorSources, rankAlt, regionValues } from './indicator-blocks.ts';
import { licenceIn } from './snapshot-sources.ts';
import type { SnapshotContext } from './snapshot-context.ts';
import { say, WORDS } from './snapshot-text.ts';

interface GeoFeature {
  type: 'Feature';
  properties: { code: string; name: string };
  geometry: { type: string; coordinates: unknown };
}
interface Layout {
  id: string;
  attribution: string;
  validFrom: string;
  features: GeoFeature[];
}

/** Coordinates to 4 decimals (about 10 m): plenty for a choropleth, and a snapshot a quarter of the size. */
const trim = (c: unknown): unknown => (typeof c === 'number' ? Math.round(c * 1e4) / 1e4 : Array.isArray(c) ? c.map(trim) : c);

const layouts = new WeakMap<object, Map<string, Promise<Layout | null>>>();

/**
 * The province boundaries of the layout in force on 1 January of the year, as GeoJSON features carrying only
 * `code` and `name`. Boundary sets are reference data that never change while the server runs, so each layout is
 * read and converted once per database handle (a batch of 107 reports reads it once).
 */
function provinceLayout(db: DbOrTx, year: number): Promise<Layout | null> {
  let byYear = layouts.get(db);
  if (!byYear) {
    byYear = new Map();
    layouts.set(db, byYear);
  }
  const at = `${year}-01-01`;
  let layout = byYear.get(at);
  if (!layout) {
    layout = db
      .select()
      .from(boundarySets)
      .where(and(eq(boundarySets.level, 'province'), validAt(boundarySets, at)))
      .orderBy(asc(boundarySets.validFrom))
      .limit(1)
      .then(([set]) => {
        if (!set) return null;
        const topo = set.topology as Topology;
        const features = Object.values(topo.objects).flatMap((o) => {
          const fc = feature(topo, o as GeometryCollection) as unknown as { features: { properties: Record<string, unknown>; geometry: GeoFeature['geometry'] }[] };
          return fc.features.map((f) => ({
            type: 'Feature' as const,
            properties: { code: String(f.properties.code), name: String(f.properties.name) },
            geometry: { type: f.geometry.type, coordinates: trim(f.geometry.coordinates) },
          }));
        });
        return { id: set.id, attribution: set.attribution, validFrom: set.validFrom, features };
      });
    byYear.set(at, layout);
    // A failed read is not kept: the next report tries again.
    layout.catch(() => byYear.delete(at));
  }
  return layout;
}

/** A choropleth of the region's provinces for the indicator in the report's year, the council's province as focus. */
export async function resolveMap(ctx: SnapshotContext, spec: { key: string; indicator: string }, title: string): Promise<ResolvedBlock> {
  const d = describeIndicator(ctx, spec.indicator);
  const values = regionValues(ctx, spec.indicator);
  const layout = await provinceLayout(ctx.db, ctx.year);
  const codes = new Set(ctx.regionProvinces.map((p) => p.code));
  const features = layout ? layout.features.filter((f) => codes.has(f.properties.code)) : [];
  const sources = indicatorSources(ctx, [spec.indicator], ctx.year, ctx.year);
  if (layout) {
    sources.push(
      ctx.sources.add({
        name: say(WORDS.boundaries, ctx.lang),
        attribution: layout.attribution,
        licence: licenceIn(layout.attribution),
        url: null,
        first: layout.validFrom,
        last: layout.validFrom,
      }),
    );
  }
  let alt = rankAlt(ctx, title, spec.indicator, values);
  if (!d.known) alt += ` ${say(WORDS.unknownIndicator(spec.indicator), ctx.lang)}`;
  return {
    kind: 'map',
    key: spec.key,
    title,
    indicator: spec.indicator,
    unit: d.unit,
    decimals: d.decimals,
    period: String(ctx.year),
    geojson: { type: 'FeatureCollection', features },
    values: values.map((v) => ({ code: v.code, name: v.name, value: v.value })),
    focusCode: ctx.province.code,
    alt,
    sources: [...new Set(sources)],
  };
}
