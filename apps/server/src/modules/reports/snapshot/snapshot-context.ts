import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { councils, councilTerritories } from '../../councils/councils.schema.ts';
import { type Computed, computeIndicators, type IndicatorRow, territoryTree } from '../../indicators/indicator-values.ts';
import type { CollectedScope } from '../../indicators/indicators.queries.ts';
import { indicators } from '../../indicators/indicators.schema.ts';
import type { FormData } from './form-data.ts';
import type { SnapshotSession } from './snapshot-session.ts';
import type { Provenance, SourceList } from './snapshot-sources.ts';
import type { Lang } from './snapshot-text.ts';

type TreeNode = Awaited<ReturnType<typeof territoryTree>>[number];
export type Place = Pick<TreeNode, 'id' | 'code' | 'name' | 'level' | 'parentId'>;

/** Everything a block resolver reads: the council's place, its figures, the form and where each figure comes from. */
export interface SnapshotContext {
  db: DbOrTx;
  lang: Lang;
  year: number;
  council: { id: number; name: string };
  province: Place;
  region: Place;
  nation: Place;
  /** The provinces of the region in force in the report's year, by name. */
  regionProvinces: Place[];
  figures: IndicatorFigures;
  provenance: Provenance;
  form: FormData;
  sources: SourceList;
  /** The batch's shared reads, when this council's figures are those everyone sees (no unapproved ones of its own). */
  shared: SnapshotSession | null;
}

/** Valid on 1 January of the year: the same rule as the indicators (a yearly figure is placed on that layout). */
const validIn = (t: TreeNode, year: number) => t.validFrom <= `${year}-01-01` && (t.validTo === null || t.validTo >= `${year}-01-01`);

/** The council, its province in force in the year (else its latest), the region, Italy and the region's provinces. */
export async function loadPlace(db: DbOrTx, councilId: number, year: number) {
  const [council] = await db.select({ id: councils.id, name: councils.name }).from(councils).where(eq(councils.id, councilId));
  if (!council) throw notFound(`consiglio ${councilId}`);
  const covered = new Set((await db.select({ id: councilTerritories.territoryId }).from(councilTerritories).where(eq(councilTerritories.councilId, councilId))).map((r) => r.id));
  const tree = await territoryTree(db);
  const provinces = tree.filter((t) => t.level === 'province' && covered.has(t.id));
  const province = provinces.find((t) => validIn(t, year)) ?? provinces.sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
  if (!province) throw notFound(`provincia del consiglio ${councilId}`);
  const region = tree.find((t) => t.id === province.parentId);
  const nation = tree.find((t) => t.level === 'nation');
  if (!region || !nation) throw notFound(`regione della provincia ${province.code}`);
  const regionProvinces = tree.filter((t) => t.level === 'province' && t.parentId === region.id && validIn(t, year)).sort((a, b) => a.name.localeCompare(b.name, 'it'));
  // A province outside the year's layout (a council asked for a year before its unit existed) is still shown.
  if (!regionProvinces.some((p) => p.id === province.id)) regionProvinces.push(province);
  return { council, province, region, nation, regionProvinces };
}

/** What the template asks of the indicators: codes and the years each is needed for. */
export interface FigureNeeds {
  codes: Set<string>;
  years: Set<number>;
}

/**
 * Every indicator value the snapshot shows, computed in ONE pass through the indicators module (one read of the
 * series per time rule) for the places asked (all of them when shared by a batch), over the years needed.
 * Visibility is the scope's: a council's own collected figures count even while provisional, others' only once
 * approved. A council sees national indicators and the custom ones of its own region (`forRegion`).
 */
export class IndicatorFigures {
  private constructor(
    private readonly rows: Map<string, IndicatorRow>,
    private readonly values: Map<string, Computed>,
    private readonly regionId: number | null,
  ) {}

  static async compute(db: DbOrTx, needs: FigureNeeds, only: Set<number> | undefined, scope: CollectedScope): Promise<IndicatorFigures> {
    const all = new Map((await db.select().from(indicators).orderBy(asc(indicators.code))).map((r) => [r.code, r]));
    const codes = [...needs.codes].filter((c) => all.has(c));
    const values = new Map<string, Computed>();
    if (codes.length && needs.years.size) {
      const computed = await computeIndicators(db, { codes, all, levels: ['province', 'region', 'nation'], years: [...needs.years].sort().map(String), only, scope });
      for (const [code, rows] of computed) for (const r of rows) values.set(`${code}|${r.territory.id}|${r.year}`, r.computed);
    }
    return new IndicatorFigures(all, values, null);
  }

  /** The same figures as a council of the region sees them: another region's custom indicators are not its to show. */
  forRegion(regionId: number): IndicatorFigures {
    return new IndicatorFigures(this.rows, this.values, regionId);
  }

  /** The indicator's definition, or undefined when the template names one the platform (or the region) lacks. */
  row(code: string): IndicatorRow | undefined {
    const row = this.rows.get(code);
    return row && (row.regionId === null || row.regionId === this.regionId) ? row : undefined;
  }

  /** The computed value at a place and year (null value with its reason when there are no figures). */
  at(code: string, placeId: number, year: number): Computed {
    const known = this.row(code) ? this.values.get(`${code}|${placeId}|${year}`) : undefined;
    return known ?? { value: null, numerator: null, denominator: null, reason: 'no_data', trace: { provisional: false, imported: false, collected: false } };
  }

  /** The data elements an indicator reads, through the indicators it uses too (for its sources). */
  elementsOf(code: string, seen = new Set<string>()): string[] {
    const row = this.row(code);
    if (!row || seen.has(code)) return [];
    seen.add(code);
    return [...new Set([...row.elements, ...row.uses.flatMap((u) => this.elementsOf(u, seen))])];
  }
}

/** The years [year − n + 1 … year], oldest first. */
export const yearsEnding = (year: number, n: number) => Array.from({ length: n }, (_, i) => year - n + 1 + i);
