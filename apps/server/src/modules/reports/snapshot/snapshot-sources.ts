import type { SourceRef } from '@mosaico/contracts/reports';
import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { dataElements } from '../../data-values/data-values.schema.ts';
import { forms } from '../../forms/forms.schema.ts';
import { dataSources } from '../../statistics/data-sources.schema.ts';
import { imports } from '../../statistics/imports.schema.ts';
import { formatDate, type Lang, pick, periodLabel, say, WORDS } from './snapshot-text.ts';

/** A source line before its date is written: the periods of the figures taken from it so far. */
export type SourceSpan = Omit<SourceRef, 'date'> & { first: string | null; last: string | null };

/**
 * The report's list of sources: one line per source, whatever blocks use it, dated with the span of the periods
 * of all the figures taken from it (so Istat's balance appears once, "2019–2023", not once per block).
 */
export class SourceList {
  private readonly spans: SourceSpan[] = [];
  private readonly index = new Map<string, number>();

  constructor(private readonly lang: Lang) {}

  add(ref: SourceSpan): number {
    const key = JSON.stringify([ref.name, ref.attribution, ref.licence, ref.url]);
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.spans.length;
      this.spans.push({ ...ref });
      this.index.set(key, i);
    } else {
      const s = this.spans[i];
      if (ref.first && (!s.first || ref.first < s.first)) s.first = ref.first;
      if (ref.last && (!s.last || ref.last > s.last)) s.last = ref.last;
    }
    return i;
  }

  addAll(refs: SourceSpan[]): number[] {
    return [...new Set(refs.map((r) => this.add(r)))];
  }

  get list(): SourceRef[] {
    // Daily periods (the reception dashboard's) print as dates of the report's language, years as they are.
    const show = (p: string) => formatDate(p, this.lang);
    return this.spans.map(({ first, last, ...ref }) => ({ ...ref, date: first && last ? periodLabel(show(first), show(last)) : first || last ? show((first ?? last) as string) : null }));
  }
}

/** A short licence name for the Creative Commons URIs data sources give ("CC BY 4.0"), else the URI itself. */
export function licenceName(uri: string | null): string | null {
  if (!uri) return null;
  const cc = /creativecommons\.org\/licenses\/([a-z-]+)\/(\d\.\d)/i.exec(uri);
  if (cc) return `CC ${cc[1].toUpperCase()} ${cc[2]}`;
  if (/creativecommons\.org\/publicdomain\/zero\/1\.0/i.test(uri)) return 'CC0 1.0';
  return uri;
}

/** The licence named in a free-text attribution ("openpolis — geojson-italy (CC BY 4.0), su dati Istat"). */
export const licenceIn = (text: string) => /CC[ -]?(BY(?:[- ](?:SA|ND|NC))*|0)[ -]?(\d\.\d)?/i.exec(text)?.[0] ?? null;

/** The credit line a source asks for: the quoted «Fonte: …» of its access conditions, else its rights holder. */
function attributionOf(s: { accessConditions: string | null; rightsHolderName: string; publisherName: string }): string | null {
  const quoted = /«(Fonte:[^»]+)»/.exec(s.accessConditions ?? '')?.[1];
  if (quoted) return quoted.trim();
  const holder = s.rightsHolderName || s.publisherName;
  return holder ? `Fonte: ${holder}` : null;
}

interface Seen {
  element: string;
  /** The import a value came from; null for the monitoring forms. */
  importId: number | null;
  year: number;
  first: string;
  last: string;
}

interface ImportSource {
  name: string;
  attribution: string | null;
  licence: string | null;
  url: string | null;
}

/**
 * Where the figures of the snapshot come from: for each data element read, which imports (and so which inventory
 * sources) stored values in each year, and whether councils' forms did, under the council's visibility. One query
 * for the whole report; blocks then ask for the sources of their elements over their years.
 */
export class Provenance {
  private constructor(
    private readonly seen: Seen[],
    private readonly importSources: Map<number, ImportSource>,
    private readonly formTitles: Map<string, string>,
    private readonly lang: Lang,
  ) {}

  /** `councilId`: whose unapproved figures count (null: only approved ones, as for a batch's shared reads). */
  static async load(db: DbOrTx, opts: { elements: string[]; from: number; to: number; councilId: number | null; lang: Lang }): Promise<Provenance> {
    if (!opts.elements.length) return new Provenance([], new Map(), new Map(), opts.lang);
    const result = await db.execute(sql`
      select de.code as element, case when dv.source_type = 'import' then dv.source_id end as import_id, left(dv.period, 4) as year,
        min(dv.period) as first, max(dv.period) as last
      from data_values dv join data_elements de on de.id = dv.data_element_id
      where de.code in (${sql.join(opts.elements.map((e) => sql`${e}`), sql`, `)})
        and dv.period >= ${String(opts.from)} and dv.period < ${String(opts.to + 1)}
        and (dv.source_type = 'import' or not dv.provisional or dv.council_id = ${opts.councilId ?? -1})
      group by 1, 2, 3`);
    const seen = (result as unknown as { rows: { element: string; import_id: number | null; year: string; first: string; last: string }[] }).rows.map((r) => ({
      element: r.element,
      importId: r.import_id === null ? null : Number(r.import_id),
      year: Number(r.year),
      first: r.first,
      last: r.last,
    }));
    const importIds = [...new Set(seen.flatMap((s) => (s.importId === null ? [] : [s.importId])))];
    const importRows = importIds.length
      ? await db
          .select({ id: imports.id, fileName: imports.fileName, appliedAt: imports.appliedAt, source: dataSources })
          .from(imports)
          .leftJoin(dataSources, sql`${dataSources.id} = ${imports.dataSourceId}`)
          .where(inArray(imports.id, importIds))
      : [];
    const importSources = new Map<number, ImportSource>();
    for (const r of importRows) {
      const s = r.source;
      importSources.set(
        r.id,
        s
          ? {
              name: [s.publisherName, pick(s.title, opts.lang)].filter(Boolean).join(', '),
              attribution: attributionOf(s),
              licence: licenceName(s.licenseUri),
              url: s.landingPage ?? s.accessUrl ?? null,
            }
          : {
              // An import not linked to the inventory: name the file and when it was loaded, claim nothing else.
              name: `${say(WORDS.importedFile(r.fileName), opts.lang)}${r.appliedAt ? ` (${formatDate(r.appliedAt.toISOString(), opts.lang)})` : ''}`,
              attribution: null,
              licence: null,
              url: null,
            },
      );
    }
    const formElements = await db
      .select({ code: dataElements.code, title: forms.title })
      .from(dataElements)
      .innerJoin(forms, sql`${forms.code} = ${dataElements.formCode}`)
      .where(inArray(dataElements.code, opts.elements));
    const formTitles = new Map(formElements.map((f) => [f.code, pick(f.title as { it: string; en?: string }, opts.lang)]));
    return new Provenance(seen, importSources, formTitles, opts.lang);
  }

  /** The source lines of figures of these elements in the years [from … to] (each with the periods it covers). */
  refs(elements: string[], from: number, to: number): SourceSpan[] {
    const wanted = new Set(elements);
    const spans = new Map<string, SourceSpan>();
    for (const s of this.seen) {
      if (!wanted.has(s.element) || s.year < from || s.year > to) continue;
      let ref: Omit<SourceRef, 'date'> | undefined;
      if (s.importId !== null) ref = this.importSources.get(s.importId);
      else {
        const form = this.formTitles.get(s.element) ?? s.element.split('.')[0];
        ref = { name: `${form} ${s.year}`, attribution: say(WORDS.collectedAttribution, this.lang), licence: null, url: null };
      }
      if (!ref) continue;
      const key = JSON.stringify(ref);
      const span = spans.get(key);
      if (!span) spans.set(key, { ...ref, first: s.first, last: s.last });
      else {
        if (s.first < (span.first ?? s.first)) span.first = s.first;
        if (s.last > (span.last ?? s.last)) span.last = s.last;
      }
    }
    return [...spans.values()];
  }
}
