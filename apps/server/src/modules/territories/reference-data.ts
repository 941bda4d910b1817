import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { count, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { boundarySets, territories, territoryChanges, territoryCodes } from './territories.schema.ts';

/** Start of the oldest layout we keep (107 provinces incl. Sud Sardegna) and of the 2026 layout (110 UTS). */
export const LAYOUT_2017 = '2017-01-01';
export const LAYOUT_2026 = '2026-01-01';
const END_2025 = '2025-12-31';

export const REFERENCE_DIR = path.resolve(import.meta.dirname, '../../../../../data/reference');
export const BOUNDARIES_DIR = path.resolve(import.meta.dirname, '../../../../../data/boundaries');

type Row = Record<string, string>;
const readCsv = (file: string, delimiter = ','): Row[] =>
  parse(fs.readFileSync(path.join(REFERENCE_DIR, file)), { columns: true, delimiter, bom: true, skip_empty_lines: true });

type NewTerritory = typeof territories.$inferInsert;
type NewCode = Omit<typeof territoryCodes.$inferInsert, 'territoryId'>;

/**
 * Loads ISTAT's territories (nation, 20 regions, the 2026 UTS and the 2017–2025 provinces, the comuni of both),
 * their other codes and the 2026 Sardinian recodes, and the shipped boundaries. Runs once, on an empty table.
 */
export async function loadReferenceData(db: DbOrTx): Promise<{ loaded: boolean; counts: Record<string, number> }> {
  const [{ n }] = await db.select({ n: count() }).from(territories);
  if (n > 0) return { loaded: false, counts: {} };

  const insertOne = async (t: NewTerritory, codes: NewCode[] = []) => {
    const [row] = await db.insert(territories).values(t).returning({ id: territories.id });
    if (codes.length) await db.insert(territoryCodes).values(codes.map((c) => ({ ...c, territoryId: row.id })));
    return row.id;
  };
  const insertMany = async (rows: { t: NewTerritory; codes: NewCode[] }[]) => {
    const ids: number[] = [];
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      const inserted = await db.insert(territories).values(chunk.map((r) => r.t)).returning({ id: territories.id });
      const codes = chunk.flatMap((r, j) => r.codes.map((c) => ({ ...c, territoryId: inserted[j].id })));
      for (let k = 0; k < codes.length; k += 1000) await db.insert(territoryCodes).values(codes.slice(k, k + 1000));
      ids.push(...inserted.map((r) => r.id));
    }
    return ids;
  };

  const regionRows = readCsv('regioni_2026.csv');
  const uts = readCsv('province_uts_2026.csv');
  const comuni = readCsv('comuni_istat_situas_2026.csv', ';');
  const population = new Map(readCsv('comuni_popolazione_superficie_situas_2024.csv').map((r) => [r.PRO_COM_T, r]));
  const sardinia = readCsv('sardegna_raccordo_codici_comuni_2023_2026.csv');
  const itterProvinces = readCsv('raccordo_itter107_province_istat.csv');
  const itterRegions = new Map(readCsv('itter107_regioni.csv').map((r) => [r.cod_regione, r.itter107]));
  const itterByProvince = new Map(itterProvinces.map((r) => [r.cod_provincia_istat, r]));

  const nationId = await insertOne(
    { level: 'nation', code: 'IT', name: 'Italia', validFrom: LAYOUT_2017, nuts: 'IT' },
    [{ scheme: 'itter107', code: 'IT', validFrom: LAYOUT_2017 }],
  );

  const regionId = new Map<string, number>();
  for (const r of regionRows) {
    const id = await insertOne(
      { level: 'region', code: r.cod_regione, name: r.regione, parentId: nationId, validFrom: LAYOUT_2017, nuts: r.nuts2_2024 },
      [
        { scheme: 'itter107', code: itterRegions.get(r.cod_regione) as string, validFrom: LAYOUT_2017 },
        { scheme: 'nuts', code: r.nuts2_2024, validFrom: LAYOUT_2017 },
      ],
    );
    regionId.set(r.cod_regione, id);
  }

  // Provinces and UTS of 2026. Outside Sardinia each one is the same territory as its 2017–2025 province,
  // known then by its historic ISTAT code (e.g. Milano 015 → UTS 215).
  const provinceId = new Map<string, number>(); // UTS code → id
  const sardinianUts = new Set<string>();
  for (const p of uts) {
    const sard = p.cod_regione === '20';
    if (sard) sardinianUts.add(p.cod_uts);
    const from = sard ? LAYOUT_2026 : LAYOUT_2017;
    const codes: NewCode[] = [{ scheme: 'plate', code: p.sigla_automobilistica, validFrom: from }];
    if (!sard) {
      if (p.cod_provincia_storico !== p.cod_uts) codes.push({ scheme: 'istat', code: p.cod_provincia_storico, validFrom: from });
      const itter = itterByProvince.get(p.cod_provincia_storico);
      if (itter) codes.push({ scheme: 'itter107', code: itter.itter107, validFrom: from });
    }
    for (const nuts of p.nuts3_2024.split('|')) if (!sard) codes.push({ scheme: 'nuts', code: nuts, validFrom: from });
    const id = await insertOne(
      {
        level: 'province',
        code: p.cod_uts,
        name: p.denominazione_uts,
        parentId: regionId.get(p.cod_regione),
        validFrom: from,
        carPlate: p.sigla_automobilistica,
        unitType: p.tipologia_uts,
        nuts: p.nuts3_2024,
      },
      codes,
    );
    provinceId.set(p.cod_uts, id);
  }

  // Sardinia's five provinces of 2017–2025 (090 Sassari, 091 Nuoro, 092 Cagliari, 095 Oristano, 111 Sud Sardegna).
  const oldSardinianProvinceId = new Map<string, number>();
  for (const r of itterProvinces.filter((x) => x.cod_regione === '20')) {
    const id = await insertOne(
      {
        level: 'province',
        code: r.cod_provincia_istat,
        name: r.provincia,
        parentId: regionId.get('20'),
        validFrom: LAYOUT_2017,
        validTo: END_2025,
        carPlate: r.sigla,
        unitType: r.cod_provincia_istat === '092' ? 'Città metropolitana' : 'Provincia',
      },
      [
        { scheme: 'itter107', code: r.itter107, validFrom: LAYOUT_2017, validTo: END_2025 },
        { scheme: 'plate', code: r.sigla, validFrom: LAYOUT_2017, validTo: END_2025 },
      ],
    );
    oldSardinianProvinceId.set(r.cod_provincia_istat, id);
  }

  // Comuni in force in 2026.
  const oldCodeOfNew = new Map(sardinia.map((r) => [r.pro_com_t_2026, r.com_istat_code]));
  const comuneRows = comuni.map((c) => {
    const code = c['Codice Comune (alfanumerico)'];
    const sard = c['Codice Regione'] === '20';
    const pop = population.get(sard ? (oldCodeOfNew.get(code) ?? code) : code);
    const from = sard ? LAYOUT_2026 : LAYOUT_2017;
    return {
      t: {
        level: 'comune' as const,
        code,
        name: c.Comune,
        nameAlt: c['Comune (dizione straniera)'] || null,
        parentId: provinceId.get(c['Codice Provincia/Uts']),
        validFrom: from,
        carPlate: c['Sigla automobilistica'],
        nuts: c['Codice NUTS3 2024'],
        population: pop ? Number(pop.POP_RES) : null,
        populationYear: pop ? Number(pop.ANNO_POP_RES) : null,
        areaKm2: pop ? Number(pop.AREA_KMQ) : null,
        isCapital: c['Capoluogo di provincia/uts'] === '1',
      },
      codes: [] as NewCode[],
    };
  });
  const comuneIds = await insertMany(comuneRows);
  const newComuneId = new Map(comuneRows.map((r, i) => [r.t.code, comuneIds[i]]));

  // Sardinian comuni as they were coded up to 2025, each recoded on 1 January 2026.
  const oldComuneRows = sardinia.map((r) => {
    const pop = population.get(r.com_istat_code);
    return {
      t: {
        level: 'comune' as const,
        code: r.com_istat_code,
        name: r.name_2023,
        parentId: oldSardinianProvinceId.get(r.com_istat_code.slice(0, 3)),
        validFrom: LAYOUT_2017,
        validTo: END_2025,
        carPlate: pop?.SIGLA_AUTOMOBILISTICA ?? null,
        population: pop ? Number(pop.POP_RES) : null,
        populationYear: pop ? Number(pop.ANNO_POP_RES) : null,
        areaKm2: pop ? Number(pop.AREA_KMQ) : null,
      },
      codes: [] as NewCode[],
    };
  });
  const oldComuneIds = await insertMany(oldComuneRows);
  const changes: (typeof territoryChanges.$inferInsert)[] = sardinia.map((r, i) => ({
    fromId: oldComuneIds[i],
    toId: newComuneId.get(r.pro_com_t_2026) as number,
    kind: 'recode',
    effectiveDate: LAYOUT_2026,
  }));

  // Old Sardinian provinces → 2026 units, from where their comuni went.
  const pairs = new Map<string, number>();
  for (const r of sardinia) {
    const key = `${r.com_istat_code.slice(0, 3)}>${r.cod_uts_2026}`;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
  }
  const outDegree = new Map<string, number>();
  const inDegree = new Map<string, number>();
  for (const key of pairs.keys()) {
    const [from, to] = key.split('>');
    outDegree.set(from, (outDegree.get(from) ?? 0) + 1);
    inDegree.set(to, (inDegree.get(to) ?? 0) + 1);
  }
  for (const [key, n] of pairs) {
    const [from, to] = key.split('>');
    const kind = (outDegree.get(from) ?? 0) > 1 ? 'split' : (inDegree.get(to) ?? 0) > 1 ? 'merge' : 'recode';
    changes.push({
      fromId: oldSardinianProvinceId.get(from) as number,
      toId: provinceId.get(to) as number,
      kind,
      effectiveDate: LAYOUT_2026,
      note: `${n} comuni`,
    });
  }
  for (let i = 0; i < changes.length; i += 500) await db.insert(territoryChanges).values(changes.slice(i, i + 500));
  await sumComuniUpwards(db);

  await loadBoundaries(db, itterByProvince);
  return {
    loaded: true,
    counts: { regions: regionRows.length, provinces: uts.length + oldSardinianProvinceId.size, comuni: comuneRows.length + oldComuneRows.length },
  };
}

/** Population, area and number of comuni of provinces, regions and Italy, summed from their comuni. */
async function sumComuniUpwards(db: DbOrTx) {
  await db.execute(sql`
    update territories p set population = s.pop, population_year = s.yr, area_km2 = round(s.area::numeric, 2), comune_count = s.n
    from (select parent_id, sum(population)::int pop, max(population_year) yr, sum(area_km2) area, count(*)::int n
          from territories where level = 'comune' group by parent_id) s
    where p.id = s.parent_id and p.level = 'province'`);
  // Regions and Italy from the provinces in force (Sardinia's old and new provinces overlap in space).
  for (const level of ['region', 'nation'] as const) {
    await db.execute(sql`
      update territories p set population = s.pop, population_year = s.yr, area_km2 = round(s.area::numeric, 2), comune_count = s.n
      from (select parent_id, sum(population)::int pop, max(population_year) yr, sum(area_km2) area, sum(comune_count)::int n
            from territories where level = ${level === 'region' ? 'province' : 'region'} and valid_to is null group by parent_id) s
      where p.id = s.parent_id and p.level = ${level}`);
  }
}

interface Topology {
  type: 'Topology';
  objects: Record<string, { type: string; geometries: { properties: Record<string, unknown> }[] }>;
}

/** Stores the shipped TopoJSON with a `code` on every feature: the territory code valid in that layout. */
async function loadBoundaries(db: DbOrTx, itterByProvince: Map<string, Row>) {
  const read = (f: string) => JSON.parse(fs.readFileSync(path.join(BOUNDARIES_DIR, f), 'utf8')) as Topology;
  const utsCodeOfHistoric = new Map(readCsv('province_uts_2026.csv').filter((p) => p.cod_regione !== '20').map((p) => [p.cod_provincia_storico, p.cod_uts]));
  const relabel = (topo: Topology, fn: (p: Record<string, unknown>) => { code: string; name: string }) => {
    for (const o of Object.values(topo.objects)) for (const g of o.geometries) Object.assign(g.properties, fn(g.properties));
    return topo;
  };
  const openpolis = 'openpolis — geojson-italy (CC BY 4.0), su dati Istat';
  const p2023 = relabel(read('openpolis_limits_IT_provinces_2023.topo.json'), (p) => {
    const historic = String(p.prov_istat_code);
    return { code: utsCodeOfHistoric.get(historic) ?? historic, name: String(itterByProvince.get(historic)?.provincia ?? p.prov_name) };
  });
  const p2026 = relabel(read('province_uts_2026_derivato.topo.json'), (p) => ({ code: String(p.cod_uts), name: String(p.denominazione_uts) }));
  const regions = relabel(read('openpolis_limits_IT_regions_2023.topo.json'), (p) => ({ code: String(p.reg_istat_code), name: String(p.reg_name) }));
  await db.insert(boundarySets).values([
    { id: 'provinces-2017', level: 'province', validFrom: LAYOUT_2017, validTo: END_2025, attribution: openpolis, topology: p2023 },
    {
      id: 'provinces-2026',
      level: 'province',
      validFrom: LAYOUT_2026,
      attribution: `${openpolis}; unità sarde 2026 derivate dai confini comunali`,
      topology: p2026,
    },
    { id: 'regions', level: 'region', validFrom: LAYOUT_2017, attribution: openpolis, topology: regions },
  ]);
}
