import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, client, createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { type People, seedPeople, signInAs } from '../users/users.fixtures.ts';
import { putValues, registerTestElements, territoryAt } from './indicators.fixtures.ts';

let t: TestApp;
let p: People;
let admin: Client;
let coordinator: Client;
let milano: Client;
let napoli: Client;
let tutor: Client;
let provider: Client;
let el: Record<string, number>;
const id: Record<string, number> = {};

type Row = { territory: { code: string; name: string; level: string }; period: string; value: number | null; numerator: number | null; denominator: number | null; reason: string | null; provisional: boolean; sources: string[] };
const values = async (c: Client, code: string, query: string) => {
  const res = await c.get(`/api/v1/indicators/${code}/values?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Row[];
};
const one = async (c: Client, code: string, query: string, name: string) => (await values(c, code, query)).find((r) => r.territory.name === name);

beforeAll(async () => {
  t = await createTestApp();
  p = await seedPeople(t);
  [admin, coordinator, milano, napoli, tutor, provider] = await Promise.all([p.admin, p.coordinator, p.milano, p.napoli, p.tutor, p.dataProvider].map((x) => signInAs(t, x)));
  el = await registerTestElements(t);
  for (const [key, level, name] of [
    ['mi', 'province', 'Milano'],
    ['bg', 'province', 'Bergamo'],
    ['na', 'province', 'Napoli'],
    ['lombardia', 'region', 'Lombardia'],
    ['it', 'nation', 'Italia'],
  ] as const) {
    id[key] = (await territoryAt(t, level, name)).id;
  }
  const comuniMi = await Promise.all(['Milano', 'Sesto San Giovanni'].map((n) => territoryAt(t, 'comune', n)));
  const sr = el['istat.stranieri_residenti'];
  const pop = el['istat.popolazione_residente'];
  const acc = el['ministero.migranti_accoglienza'];
  await putValues(t, [
    // Foreign residents (total and women) by province; a stored regional figure that the provinces must not be added to.
    ...(
      [
        ['mi', '2023', 100, 60],
        ['bg', '2023', 50, 20],
        ['na', '2023', 30, 15],
        ['mi', '2022', 80, 40],
        ['bg', '2022', 50, 20],
        ['na', '2022', 30, 15],
      ] as const
    ).flatMap(([k, period, total, women]) => [
      { element: sr, territoryId: id[k], period, value: total },
      { element: sr, territoryId: id[k], period, value: women, dims: { sesso: 'F' } },
    ]),
    { element: sr, territoryId: id.lombardia, period: '2023', value: 999 },
    // Population by comune in Milano (rolled up), by province elsewhere.
    { element: pop, territoryId: comuniMi[0].id, period: '2023', value: 600 },
    { element: pop, territoryId: comuniMi[1].id, period: '2023', value: 400 },
    { element: pop, territoryId: id.bg, period: '2023', value: 500 },
    { element: pop, territoryId: id.na, period: '2023', value: 600 },
    // Reception only by region, by type (no total row), twice in 2023.
    { element: acc, territoryId: id.lombardia, period: '2023-06-30', value: 10, dims: { tipo_accoglienza: 'hotspot' } },
    { element: acc, territoryId: id.lombardia, period: '2023-12-31', value: 20, dims: { tipo_accoglienza: 'hotspot' } },
    { element: acc, territoryId: id.lombardia, period: '2023-12-31', value: 5, dims: { tipo_accoglienza: 'sai' } },
  ]);
});
afterAll(() => t.close());

describe('indicator values: roll-up', () => {
  it('a ratio of sums divides the summed numerator by the summed denominator at each level, comuni rolled up', async () => {
    expect(await one(admin, 'quota_stranieri', 'level=province&period=2023', 'Milano')).toMatchObject({ value: 10, numerator: 100, denominator: 1000, reason: null, sources: ['import'] });
    expect(await one(admin, 'quota_stranieri', 'level=region&period=2023', 'Lombardia')).toMatchObject({ value: 10, numerator: 150, denominator: 1500 });
    expect(await one(admin, 'quota_stranieri', 'level=nation&period=2023', 'Italia')).toMatchObject({ value: 8.6, numerator: 180, denominator: 2100 });
  });

  it('never adds a stored regional figure to the provinces below it', async () => {
    expect((await one(admin, 'stranieri_residenti', 'level=region&period=2023', 'Lombardia'))?.value).toBe(150);
    expect((await one(admin, 'stranieri_residenti', 'level=nation&period=2023', 'Italia'))?.value).toBe(180);
  });

  it('filters by category option and compares with the previous year', async () => {
    expect((await one(admin, 'quota_donne_straniere', 'level=region&period=2023', 'Lombardia'))?.value).toBe(53.3);
    expect(await one(admin, 'variazione_stranieri', 'level=province&period=2023', 'Milano')).toMatchObject({ value: 25, numerator: 20, denominator: 80 });
    expect(await one(admin, 'variazione_stranieri', 'level=province&period=2022', 'Milano')).toMatchObject({ value: null, reason: 'no_previous_period' });
  });

  it('adds up by the indicator’s rule: sum, average, weighted average, or only figures stored for the territory itself', async () => {
    const define = async (code: string, over: Record<string, unknown>) => {
      const res = await admin.post('/api/v1/indicators', { code, name: { it: code }, numerator: '[istat.stranieri_residenti]', denominator: '[istat.popolazione_residente]', factor: 100, ...over });
      expect(res.statusCode, res.body).toBe(201);
    };
    await define('prova_somma', { denominator: null, factor: 1, aggregation: 'sum', decimals: 0 });
    await define('prova_media', { aggregation: 'average' });
    await define('prova_ponderata', { aggregation: 'weighted_average', weight: '[istat.popolazione_residente]' });
    await define('prova_registrato', { denominator: null, factor: 1, aggregation: 'none', decimals: 0 });
    const at = (code: string, level: string, name: string) => one(admin, code, `level=${level}&period=2023`, name);
    expect((await at('prova_somma', 'nation', 'Italia'))?.value).toBe(180);
    // Milano 10, Bergamo 10, Napoli 5 (%).
    expect((await at('prova_media', 'nation', 'Italia'))?.value).toBe(8.3);
    expect(await at('prova_ponderata', 'nation', 'Italia')).toMatchObject({ value: 8.6, denominator: 2100 });
    expect((await at('prova_registrato', 'region', 'Lombardia'))?.value).toBe(999);
    expect(await at('prova_registrato', 'region', 'Campania')).toMatchObject({ value: null, reason: 'not_stored' });
    expect((await at('prova_registrato', 'province', 'Milano'))?.value).toBe(100);
  });

  it('uses figures stored only by region where no finer ones exist; a stock takes the year’s last report', async () => {
    expect(await one(admin, 'accolti_hotspot_1000_abitanti', 'level=region&period=2023', 'Lombardia')).toMatchObject({ numerator: 20, denominator: 1500, value: 13.33 });
    // A flow adds the year's reports up.
    const flow = await admin.post('/api/v1/indicators', { code: 'prova_flusso', name: { it: 'Flusso' }, numerator: '[ministero.migranti_accoglienza | tipo_accoglienza=hotspot]', timeRule: 'flow', decimals: 0 });
    expect(flow.statusCode, flow.body).toBe(201);
    expect((await one(admin, 'prova_flusso', 'level=region&period=2023', 'Lombardia'))?.value).toBe(30);
    // No total row: the types add up.
    expect((await one(admin, 'accolti_1000_abitanti', 'level=region&period=2023', 'Lombardia'))?.numerator).toBe(25);
    expect(await one(admin, 'accolti_hotspot_1000_abitanti', 'level=province&period=2023', 'Milano')).toMatchObject({ value: null, reason: 'no_data' });
  });

  it('lists every territory of the level in force that year (107 provinces up to 2025, 110 units from 2026), with all years when none is asked', async () => {
    expect(await values(admin, 'stranieri_residenti', 'level=province&period=2023')).toHaveLength(107);
    expect(await values(admin, 'stranieri_residenti', 'level=province&period=2026')).toHaveLength(110);
    const all = await values(admin, 'stranieri_residenti', 'level=region');
    expect([...new Set(all.map((r) => r.period))]).toEqual(['2022', '2023']);
    const restricted = await values(admin, 'stranieri_residenti', 'level=province&period=2023&territory=03');
    expect(restricted.map((r) => r.territory.name)).toContain('Bergamo');
    expect(restricted.some((r) => r.territory.name === 'Napoli')).toBe(false);
  });

  it('says why a value is missing: no denominator, zero denominator', async () => {
    expect(await one(admin, 'quota_stranieri', 'level=province&period=2022', 'Milano')).toMatchObject({ value: null, numerator: 80, reason: 'no_denominator' });
    await putValues(t, [{ element: el['istat.popolazione_residente'], territoryId: id.na, period: '2022', value: 0 }]);
    expect(await one(admin, 'quota_stranieri', 'level=province&period=2022', 'Napoli')).toMatchObject({ value: null, reason: 'zero_denominator' });
  });

  it('shows a value written to the store in the very next query (nothing to refresh)', async () => {
    await putValues(t, [{ element: el['istat.stranieri_residenti'], territoryId: id.bg, period: '2023', value: 70 }]);
    expect((await one(admin, 'stranieri_residenti', 'level=nation&period=2023', 'Italia'))?.value).toBe(200);
  });
});

describe('indicator values: whose collected figures count', () => {
  beforeAll(async () => {
    const asylum = el['scheda-cti.acc_domande_asilo'];
    await putValues(t, [
      { element: asylum, territoryId: id.mi, period: '2025', value: 7, source: { type: 'submission', id: 9001, councilId: p.ids.councilMilano, provisional: true } },
      { element: asylum, territoryId: id.na, period: '2025', value: 4, source: { type: 'submission', id: 9002, councilId: p.ids.councilNapoli, provisional: true } },
    ]);
  });
  const nation = async (c: Client) => (await one(c, 'domande_asilo', 'level=nation&period=2025', 'Italia'))?.value ?? null;
  const province = async (c: Client, name: string) => (await one(c, 'domande_asilo', 'level=province&period=2025', name))?.value ?? null;

  it('the council’s side sees its draft figures; nobody else does, not even in the national total', async () => {
    expect(await nation(admin)).toBe(11);
    expect(await one(admin, 'domande_asilo', 'level=nation&period=2025', 'Italia')).toMatchObject({ provisional: true, sources: ['submission'] });
    expect([await province(milano, 'Milano'), await province(milano, 'Napoli'), await nation(milano)]).toEqual([7, null, 7]);
    expect([await province(tutor, 'Milano'), await nation(tutor)]).toEqual([7, 7]);
    expect([await province(coordinator, 'Milano'), await province(coordinator, 'Napoli'), await nation(coordinator)]).toEqual([7, null, 7]);
    expect([await province(napoli, 'Milano'), await nation(napoli)]).toEqual([null, 4]);
    expect(await nation(provider)).toBe(null);
  });

  it('approved figures count for everyone', async () => {
    await putValues(t, [
      { element: el['scheda-cti.acc_domande_asilo'], territoryId: id.na, period: '2025', value: 4, source: { type: 'submission', id: 9002, councilId: p.ids.councilNapoli, provisional: false } },
    ]);
    expect(await nation(milano)).toBe(11);
    expect(await nation(provider)).toBe(4);
    expect(await one(provider, 'domande_asilo', 'level=nation&period=2025', 'Italia')).toMatchObject({ provisional: false });
  });

  it('asks for a sign-in and names a bad parameter', async () => {
    expect((await client(t.app).get('/api/v1/indicators/quota_stranieri/values?level=province')).statusCode).toBe(401);
    const bad = await admin.get('/api/v1/indicators/quota_stranieri/values?level=comune&period=23');
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.issues.map((i: { field: string }) => i.field).sort();
    expect(fields).toEqual(['querystring.level', 'querystring.period']);
    expect((await admin.get('/api/v1/indicators/nessuno/values')).statusCode).toBe(404);
    const below = await admin.get('/api/v1/indicators/quota_stranieri/values?level=region&territory=MI');
    expect(below.statusCode).toBe(400);
    expect(below.json().error.details.issues[0].field).toBe('territory');
  });
});

describe('profile, pivot and downloads', () => {
  it('a province beside its region and Italy, with the year-on-year change', async () => {
    const res = await milano.get('/api/v1/indicators/profile?territory=MI');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect([body.territory.name, body.region.name, body.nation.name]).toEqual(['Milano', 'Lombardia', 'Italia']);
    const sr = body.indicators.find((i: { indicator: { code: string } }) => i.indicator.code === 'stranieri_residenti');
    expect(sr.series.map((s: { territory: { name: string } }) => s.territory.name)).toEqual(['Milano', 'Lombardia', 'Italia']);
    expect(sr.series[0].points).toEqual([
      expect.objectContaining({ period: '2022', value: 80, change: null }),
      expect.objectContaining({ period: '2023', value: 100, change: 20, changePercent: 25 }),
    ]);
    expect((await milano.get('/api/v1/indicators/profile?territory=IT')).statusCode).toBe(400);
  });

  it('computes every key indicator at the three places as the values route does one place at a time', async () => {
    const body = (await admin.get('/api/v1/indicators/profile?territory=MI')).json();
    expect(body.indicators.length).toBeGreaterThan(1);
    for (const { indicator, series } of body.indicators as { indicator: { code: string }; series: { territory: { code: string; level: string }; points: Row[] }[] }[]) {
      for (const s of series) {
        const alone = await values(admin, indicator.code, `level=${s.territory.level}&territory=${s.territory.code}`);
        const pick = (r: Row) => [r.period, r.value, r.numerator, r.denominator, r.reason, r.provisional];
        expect(s.points.map(pick), `${indicator.code} at ${s.territory.code}`).toEqual(alone.map(pick));
      }
    }
  });

  it('a data element by territory, year and option; an indicator cannot be broken down', async () => {
    const res = await admin.get('/api/v1/analysis/pivot?measure=element:istat.stranieri_residenti&level=region&periods=2023&breakdown=sesso&territory=03');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.options).toEqual(['F']);
    expect(body.rows.map((r: { option: string | null; value: number }) => [r.option, r.value])).toEqual([
      // Bergamo was changed to 70 above.
      [null, 170],
      ['F', 80],
    ]);
    const bad = await admin.get('/api/v1/analysis/pivot?measure=indicator:quota_stranieri&breakdown=sesso');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].field).toBe('breakdown');
    const cat = await admin.get('/api/v1/analysis/pivot?measure=element:istat.stranieri_residenti&breakdown=eta');
    expect(cat.statusCode).toBe(400);
  });

  it('downloads values and pivots as CSV and XLSX', async () => {
    const csv = await admin.get('/api/v1/indicators/quota_stranieri/values.csv?level=region&period=2023');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('03;Lombardia;region;2023;11.3;170;1500;;no');
    const viaParam = await admin.get('/api/v1/indicators/quota_stranieri/values?level=region&period=2023&format=csv');
    expect(viaParam.body).toBe(csv.body);
    const xlsx = await admin.get('/api/v1/analysis/pivot.xlsx?measure=indicator:quota_stranieri&level=nation');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await client(t.app).get('/api/v1/analysis/pivot.csv?measure=indicator:quota_stranieri')).statusCode).toBe(401);
  });
});
