import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportDocument, ResolvedBlock, SourceRef } from '@mosaico/contracts/reports';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * A realistic report document for the renderers' tests and the benchmark, built from the real files shipped in
 * data/ (Istat POPSTRBIL1 foreign residents, SITUAS resident population, openpolis province boundaries), for any
 * province by its ITTER107 code. The snapshot builder produces the same shape from the database; this fixture
 * reads the files directly so the renderers can be tested without one. Only the narrative text is written here,
 * as a council would write it, and says so.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../..');
const dataFile = (p: string) => fs.readFileSync(path.join(root, 'data', p), 'utf8');

interface Province {
  itter: string;
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
}
interface Data {
  provinces: Province[];
  regionItter: Map<string, string>;
  /** `${area}|${dataType}|${sex}|${year}` → value */
  values: Map<string, number>;
  provisional: Set<string>;
  /** ISTAT province code → resident population at 31 Dec 2022 */
  population: Map<string, number>;
  topology: Topology<{ provinces: GeometryCollection<{ prov_istat_code: string; prov_name: string; reg_istat_code: string }> }>;
}

let cached: Data | null = null;
function loadData(): Data {
  if (cached) return cached;
  const provinces = dataFile('reference/raccordo_itter107_province_istat.csv')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => {
      const [itter, code, name, , regionCode, regionName] = l.split(',');
      return { itter, code, name, regionCode, regionName };
    });
  const regionItter = new Map(
    dataFile('reference/itter107_regioni.csv')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(','))
      .map((c) => [c[0], c[1]] as [string, string]),
  );
  const values = new Map<string, number>();
  const provisional = new Set<string>();
  for (const line of dataFile('statistics/istat_bilancio_stranieri_province_2019_2023_POPSTRBIL1.csv').split(/\r?\n/).slice(1)) {
    const c = line.split(',');
    if (c.length < 8) continue;
    const key = `${c[2]}|${c[3]}|${c[4]}|${c[5]}`;
    values.set(key, Number(c[6]));
    if (c[7] === 'p') provisional.add(key);
  }
  const population = new Map<string, number>();
  for (const line of dataFile('reference/comuni_popolazione_superficie_situas_2024.csv').trim().split(/\r?\n/).slice(1)) {
    const c = line.split(',');
    population.set(c[2], (population.get(c[2]) ?? 0) + Number(c[13]));
  }
  const topology = JSON.parse(dataFile('boundaries/openpolis_limits_IT_provinces_2023.topo.json'));
  cached = { provinces, regionItter, values, provisional, population, topology };
  return cached;
}

export const FIXTURE_SOURCES: SourceRef[] = [
  {
    name: 'Istat, Stranieri residenti – bilancio demografico (DCIS_POPSTRBIL1)',
    attribution: 'Fonte: Istat',
    licence: 'CC BY 4.0',
    url: 'https://esploradati.istat.it/databrowser/#/it/dw/categories/IT1,POP,1.0/POP_POPULATION/DCIS_POPSTRBIL1',
    date: '2023-01-01',
  },
  { name: 'Istat, SITUAS – popolazione residente al 31 dicembre 2022', attribution: 'Fonte: Istat', licence: 'CC BY 4.0', url: 'https://situas.istat.it/', date: '2022-12-31' },
  { name: 'openpolis, geojson-italy – confini delle province 2023', attribution: 'openpolis', licence: 'CC BY 4.0', url: 'https://github.com/openpolis/geojson-italy', date: '2023-01-01' },
];

/** A report document for the province with this ITTER107 code (default Milano, ITC45), year 2023. */
export function buildFixtureDocument(itter = 'ITC45', overrides: Partial<Pick<ReportDocument, 'status' | 'publishedAt' | 'narratives'>> = {}): ReportDocument {
  const d = loadData();
  const prov = d.provinces.find((p) => p.itter === itter);
  if (!prov) throw new Error(`unknown province ${itter}`);
  const regionItter = d.regionItter.get(prov.regionCode) ?? '';
  const siblings = d.provinces.filter((p) => p.regionCode === prov.regionCode).sort((a, b) => a.name.localeCompare(b.name, 'it'));
  const v = (area: string, type: string, year: number, sex = '9') => d.values.get(`${area}|${type}|${sex}|${year}`) ?? null;
  const years = [2019, 2020, 2021, 2022, 2023];
  const pop = (codes: string[]) => codes.reduce((s, c) => s + (d.population.get(c) ?? 0), 0);
  const share = (foreign: number | null, population: number) => (foreign === null || population === 0 ? null : Math.round((foreign / population) * 1000) / 10);
  const residents = v(itter, 'FJAN', 2023);
  const previous = v(itter, 'FJAN', 2022);
  const regionPop = pop(siblings.map((s) => s.code));
  const italyPop = [...d.population.values()].reduce((a, b) => a + b, 0);
  const flows = (type: string, label: string, unit: string | null = null) => ({
    indicator: type,
    label,
    unit,
    decimals: 0,
    period: '2022',
    value: v(itter, type, 2022),
    previous: v(itter, type, 2021),
    change: v(itter, type, 2022) === null || v(itter, type, 2021) === null ? null : (v(itter, type, 2022) as number) - (v(itter, type, 2021) as number),
    region: v(regionItter, type, 2022),
    italy: v('IT', type, 2022),
    provisional: false,
    reason: null,
  });

  const keyFigures: ResolvedBlock = {
    kind: 'key_figures',
    key: 'cifre_chiave',
    title: 'Cifre chiave',
    sources: [0, 1],
    items: [
      { indicator: 'stranieri_residenti', label: 'Stranieri residenti al 1° gennaio', unit: null, decimals: 0, period: '2023', value: residents, previous, change: residents !== null && previous !== null ? residents - previous : null, region: v(regionItter, 'FJAN', 2023), italy: v('IT', 'FJAN', 2023), provisional: false, reason: null },
      { indicator: 'quota_stranieri', label: 'Stranieri sulla popolazione residente', unit: '%', decimals: 1, period: '2023', value: share(residents, pop([prov.code])), previous: null, change: null, region: share(v(regionItter, 'FJAN', 2023), regionPop), italy: share(v('IT', 'FJAN', 2023), italyPop), provisional: false, reason: null },
      flows('ACQCITIZ', 'Acquisizioni di cittadinanza italiana'),
      flows('FLBIRTH', 'Nati stranieri'),
      flows('FREGOTHC', 'Iscritti dall’estero'),
    ],
  };
  const trendTable: ResolvedBlock = {
    kind: 'table',
    key: 'tabella_andamento',
    title: `Stranieri residenti al 1° gennaio per sesso, provincia di ${prov.name}, 2019–2023`,
    sources: [0],
    columns: [
      { label: 'Anno', numeric: false, unit: null, decimals: 0 },
      { label: 'Maschi', numeric: true, unit: null, decimals: 0 },
      { label: 'Femmine', numeric: true, unit: null, decimals: 0 },
      { label: 'Totale', numeric: true, unit: null, decimals: 0 },
    ],
    rows: years.map((y) => [String(y), v(itter, 'FJAN', y, '1'), v(itter, 'FJAN', y, '2'), v(itter, 'FJAN', y)]),
    note: null,
  };
  const trendChart: ResolvedBlock = {
    kind: 'chart',
    key: 'grafico_andamento',
    title: 'Stranieri residenti al 1° gennaio per sesso, 2019–2023',
    sources: [0],
    chart: 'line',
    categories: years.map(String),
    series: [
      { name: 'Maschi', values: years.map((y) => v(itter, 'FJAN', y, '1')) },
      { name: 'Femmine', values: years.map((y) => v(itter, 'FJAN', y, '2')) },
    ],
    unit: null,
    alt: `Grafico a linee: stranieri residenti nella provincia di ${prov.name} dal 2019 al 2023, maschi da ${fmt(v(itter, 'FJAN', 2019, '1'))} a ${fmt(v(itter, 'FJAN', 2023, '1'))}, femmine da ${fmt(v(itter, 'FJAN', 2019, '2'))} a ${fmt(v(itter, 'FJAN', 2023, '2'))}.`,
  };
  const flowTypes = [
    ['FLBIRTH', 'Nati stranieri'],
    ['FREGOTHC', 'Iscritti dall’estero'],
  ] as const;
  const flowChart: ResolvedBlock = {
    kind: 'chart',
    key: 'grafico_ingressi',
    title: 'Nuovi residenti stranieri per tipo di ingresso, 2019–2023',
    sources: [0],
    chart: 'stacked',
    categories: years.map(String),
    series: flowTypes.map(([t, name]) => ({ name, values: years.map((y) => v(itter, t, y)) })),
    unit: null,
    alt: `Grafico a barre sovrapposte: nel 2023 nella provincia di ${prov.name} ${fmt(v(itter, 'FLBIRTH', 2023))} nati stranieri e ${fmt(v(itter, 'FREGOTHC', 2023))} iscritti dall’estero (dati provvisori); nel 2019 erano ${fmt(v(itter, 'FLBIRTH', 2019))} e ${fmt(v(itter, 'FREGOTHC', 2019))}.`,
  };
  const compareValues = siblings.map((s) => ({ code: s.code, name: s.name, value: v(s.itter, 'FJAN', 2023) }));
  const compareChart: ResolvedBlock = {
    kind: 'chart',
    key: 'grafico_confronto',
    title: `Stranieri residenti al 1° gennaio 2023 nelle province della regione ${prov.regionName}`,
    sources: [0],
    chart: 'bar',
    categories: compareValues.map((c) => c.name),
    series: [{ name: 'Stranieri residenti', values: compareValues.map((c) => c.value) }],
    unit: null,
    alt: `Grafico a barre: stranieri residenti al 1° gennaio 2023 nelle ${siblings.length} province della regione ${prov.regionName}; ${compareValues.map((c) => `${c.name} ${fmt(c.value)}`).join(', ')}.`,
  };
  const shares = siblings.map((s) => ({ code: s.code, name: s.name, value: share(v(s.itter, 'FJAN', 2023), pop([s.code])) }));
  const geojson = feature(d.topology, d.topology.objects.provinces) as unknown as { features: { properties: { prov_istat_code: string; reg_istat_code: string } }[] };
  const features = geojson.features
    .filter((f) => f.properties.reg_istat_code === prov.regionCode)
    .map((f) => ({ ...f, properties: { code: f.properties.prov_istat_code, name: (f.properties as { prov_name?: string }).prov_name } }));
  const map: ResolvedBlock = {
    kind: 'map',
    key: 'mappa_quota',
    title: `Stranieri ogni 100 residenti nelle province della regione ${prov.regionName}, 1° gennaio 2023`,
    sources: [0, 1, 2],
    indicator: 'quota_stranieri',
    unit: '%',
    decimals: 1,
    period: '2023',
    geojson: { type: 'FeatureCollection', features },
    values: shares,
    focusCode: prov.code,
    alt: `Mappa delle province della regione ${prov.regionName} colorate per quota di stranieri sulla popolazione residente; la provincia di ${prov.name} (evidenziata) ha ${fmt(share(residents, pop([prov.code])), 1)}%. ${shares.map((s) => `${s.name} ${fmt(s.value, 1)}%`).join(', ')}.`,
  };
  const compareTable: ResolvedBlock = {
    kind: 'table',
    key: 'tabella_confronto',
    title: `Stranieri residenti e quota sulla popolazione, province della regione ${prov.regionName}, 1° gennaio 2023`,
    sources: [0, 1],
    columns: [
      { label: 'Provincia', numeric: false, unit: null, decimals: 0 },
      { label: 'Stranieri residenti', numeric: true, unit: null, decimals: 0 },
      { label: 'Popolazione residente', numeric: true, unit: null, decimals: 0 },
      { label: 'Quota stranieri', numeric: true, unit: '%', decimals: 1 },
    ],
    rows: siblings.map((s) => [s.name, v(s.itter, 'FJAN', 2023), d.population.get(s.code) ?? null, share(v(s.itter, 'FJAN', 2023), pop([s.code]))]),
    note: 'Popolazione residente al 31 dicembre 2022 (Istat, SITUAS).',
  };
  const narratives: Record<string, string> = {
    introduzione: `<p>Questo testo è un esempio di narrativa scritto per le prove del generatore, come lo scriverebbe il Consiglio territoriale per l’immigrazione di ${prov.name}.</p><p>Al 1° gennaio 2023 risiedevano nella provincia <strong>${fmt(residents)}</strong> cittadini stranieri, ${residents !== null && previous !== null && residents >= previous ? 'in aumento' : 'in calo'} rispetto all’anno precedente (${fmt(previous)}).</p><h3>Punti di attenzione</h3><ul><li>la crescita degli <em>iscritti dall’estero</em> nel 2022 e nel 2023;</li><li>il calo delle nascite da genitori stranieri;</li><li>l’aumento delle acquisizioni di cittadinanza.</li></ul><p>I dati sono consultabili sul sito dell’<a href="https://www.istat.it/">Istat</a>.</p>`,
    sintesi: `<h3>Sintesi del Consiglio</h3><p>Testo di esempio per le prove: il Consiglio propone di rafforzare i servizi di orientamento per i nuovi arrivati.</p><blockquote>Le proposte sono discusse nella seduta plenaria.</blockquote><table><caption>Priorità proposte</caption><thead><tr><th scope="col">Area</th><th scope="col">Priorità</th></tr></thead><tbody><tr><td>Lavoro</td><td>Alta</td></tr><tr><td>Casa</td><td>Media</td></tr></tbody></table>`,
    ...overrides.narratives,
  };
  return {
    reportId: Number.parseInt(prov.code, 10),
    version: 1,
    status: overrides.status ?? 'draft',
    publishedAt: overrides.publishedAt ?? null,
    lang: 'it',
    narratives,
    snapshot: {
      council: { id: Number.parseInt(prov.code, 10), name: `Consiglio territoriale per l’immigrazione di ${prov.name}`, provinceCode: prov.code, provinceName: prov.name, regionCode: prov.regionCode, regionName: prov.regionName },
      year: 2023,
      template: { id: 1, version: 1, name: 'Monografia provinciale' },
      generatedAt: '2026-11-22T20:00:00.000Z',
      title: `Monografia provinciale sull’immigrazione – ${prov.name}`,
      subtitle: 'Anno 2023',
      sources: FIXTURE_SOURCES,
      chapters: [
        { key: 'fenomeno', title: 'Il fenomeno migratorio nella provincia', blocks: [keyFigures, { kind: 'narrative', key: 'introduzione', title: null, hint: 'Descrivete il fenomeno.' }, trendChart, trendTable] },
        { key: 'confronto', title: 'La provincia nella regione', blocks: [map, compareChart, compareTable] },
        { key: 'movimenti', title: 'Movimenti della popolazione straniera', blocks: [flowChart] },
        {
          key: 'attivita',
          title: 'Attività del Consiglio e sintesi valutativa',
          blocks: [
            { kind: 'texts', key: 'valutazione', title: 'Sintesi valutativa dalla scheda di monitoraggio', sources: [], groups: [], empty: 'La scheda di monitoraggio dell’anno non è ancora stata compilata.' },
            { kind: 'narrative', key: 'sintesi', title: 'Considerazioni del Consiglio', hint: null },
          ],
        },
        { key: 'fonti', title: 'Fonti e note', blocks: [{ kind: 'sources', key: 'fonti', title: null }] },
      ],
    },
  } as ReportDocument;
}

function fmt(n: number | null, decimals = 0): string {
  return n === null ? 'n.d.' : n.toLocaleString('it-IT', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: 'always' } as Intl.NumberFormatOptions);
}

/** The ITTER107 codes of every province in the shipped data (107). */
export function fixtureProvinceCodes(): string[] {
  return loadData().provinces.map((p) => p.itter);
}
