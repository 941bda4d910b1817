import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestApp, type TestApp } from '../../platform/testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('territories', () => {
  it('lists the 20 regions by default', async () => {
    const res = await client(t.app).get('/api/v1/territories');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items).toHaveLength(20);
    expect(body.items.map((r: { name: string }) => r.name)).toContain('Lombardia');
  });

  it('has the 2026 layout today and the 107-province layout in 2023', async () => {
    const now = await client(t.app).get('/api/v1/territories?level=province&at=2026-06-01');
    expect(now.json().items).toHaveLength(110);
    const before = await client(t.app).get('/api/v1/territories?level=province&at=2023-06-01');
    const items = before.json().items;
    expect(items).toHaveLength(107);
    expect(items.find((p: { code: string }) => p.code === '111').name).toBe('Sud Sardegna');
  });

  it('lists all 7,894 comuni of 2026 with population', async () => {
    const res = await client(t.app).get('/api/v1/territories?level=comune&at=2026-06-01');
    const items = res.json().items;
    expect(items).toHaveLength(7894);
    const milano = items.find((c: { code: string }) => c.code === '015146');
    expect(milano).toMatchObject({ name: 'Milano', parentCode: '215', carPlate: 'MI', isCapital: true });
    expect(milano.population).toBeGreaterThan(1_000_000);
  });

  it('gives provinces, regions and Italy the population, area and comuni of their comuni', async () => {
    const mi = (await client(t.app).get('/api/v1/territories/215')).json();
    expect(mi).toMatchObject({ comuneCount: 133 });
    expect(mi.population).toBeGreaterThan(3_000_000);
    const sardegna = (await client(t.app).get('/api/v1/territories/20')).json();
    expect(sardegna.comuneCount).toBe(377);
    const su = (await client(t.app).get('/api/v1/territories/111?at=2024-01-01')).json();
    expect(su.comuneCount).toBeGreaterThan(100);
    const italia = (await client(t.app).get('/api/v1/territories/IT')).json();
    expect(italia.comuneCount).toBe(7894);
    expect(italia.population).toBeGreaterThan(58_000_000);
    expect(italia.population).toBeLessThan(60_000_000);
  });

  it('lists a region’s provinces and a province’s comuni by any code of the parent', async () => {
    const lomb = await client(t.app).get('/api/v1/territories?level=province&parent=03&at=2026-06-01');
    expect(lomb.json().items).toHaveLength(12);
    const mi = await client(t.app).get('/api/v1/territories?level=comune&parent=MI&at=2026-06-01');
    expect(mi.json().items).toHaveLength(133);
  });

  it.each([
    ['ITG27', '2023-01-01', '092', 'Cagliari'],
    ['092', '2024-05-01', '092', 'Cagliari'],
    ['092009', '2023-01-01', '092009', 'Cagliari'],
    ['092009', '2026-03-01', '118006', 'Cagliari'],
    ['IT111', '2020-01-01', '111', 'Sud Sardegna'],
    ['015', '2023-01-01', '215', 'Milano'],
    ['ITC4C', '2021-01-01', '215', 'Milano'],
    ['mi', '2026-01-01', '215', 'Milano'],
  ])('resolves %s at %s to %s', async (code, at, expected, name) => {
    const res = await client(t.app).get(`/api/v1/territories/${code}?at=${at}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: expected, name });
  });

  it('keeps the code changes of Sardinia with their dates', async () => {
    const old = (await client(t.app).get('/api/v1/territories/092?at=2025-01-01')).json();
    expect(old.validTo).toBe('2025-12-31');
    expect(old.successors.map((s: { code: string }) => s.code).sort()).toEqual(expect.arrayContaining(['318']));
    const cagliari = (await client(t.app).get('/api/v1/territories/118006')).json();
    expect(cagliari.predecessors).toEqual([expect.objectContaining({ code: '092009', kind: 'recode', effectiveDate: '2026-01-01' })]);
    expect(cagliari.ancestors.map((a: { code: string }) => a.code)).toEqual(['IT', '20', '318']);
  });

  it('answers 404 for an unknown code and 400 for a bad date, in Italian or English', async () => {
    const nf = await client(t.app).get('/api/v1/territories/999999');
    expect(nf.statusCode).toBe(404);
    expect(nf.json().error.message).toContain('Territorio inesistente: 999999');
    const bad = await client(t.app).get('/api/v1/territories?level=province&at=2026-13-45&lang=en');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0]).toMatchObject({ field: 'querystring.at', message: 'Invalid date: use the YYYY-MM-DD format.' });
    const level = await client(t.app).get('/api/v1/territories?level=planet');
    expect(level.json().error.details.issues[0].message).toBe('Valore non ammesso: scegli tra region, province, comune.');
  });

  it('serves boundaries whose features carry the territory codes of the layout', async () => {
    const res = await client(t.app).get('/api/v1/boundaries?level=province&at=2023-01-01&region=03');
    const topo = res.json().topology;
    const codes = Object.values(topo.objects as Record<string, { geometries: { properties: { code: string } }[] }>)[0].geometries.map((g) => g.properties.code);
    expect(codes).toHaveLength(12);
    expect(codes).toContain('215');
    const y2026 = (await client(t.app).get('/api/v1/boundaries?level=province&at=2026-02-01')).json();
    expect(y2026.id).toBe('provinces-2026');
  });
});
