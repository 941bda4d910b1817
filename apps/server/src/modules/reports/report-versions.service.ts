import type { ReportSnapshot, ResolvedBlock, versionComparison } from '@mosaico/contracts/reports';
import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { users } from '../users/users.schema.ts';
import { narrativeText } from './narrative-html.ts';
import { documentOf, loadReport, loadVersion } from './report-loader.ts';
import { assertCanRead } from './reports.policy.ts';
import { reportVersions } from './reports.schema.ts';

type Cell = string | number | null;

async function readable(ctx: Ctx, id: number) {
  const row = await loadReport(ctx.db, id);
  assertCanRead(ctx.actor, { councilId: row.r.councilId, regionId: row.regionId });
  return row;
}

/** The versions of a report, newest first. Readers of the council. */
export async function listVersions(ctx: Ctx, id: number) {
  const { r } = await readable(ctx, id);
  const rows = await ctx.db
    .select({ v: { n: reportVersions.n, createdAt: reportVersions.createdAt, reason: reportVersions.reason, templateVersion: reportVersions.templateVersion }, by: users.name })
    .from(reportVersions)
    .leftJoin(users, eq(users.id, reportVersions.createdBy))
    .where(eq(reportVersions.reportId, id))
    .orderBy(desc(reportVersions.n));
  return rows.map(({ v, by }) => ({ version: v.n, createdAt: v.createdAt.toISOString(), createdBy: by ?? 'Sistema', reason: v.reason, templateVersion: v.templateVersion, current: v.n === r.currentVersion }));
}

/** The document of one version (snapshot and its narrative copy). Readers of the council. */
export async function getVersionDocument(ctx: Ctx, id: number, n: number) {
  const { r } = await readable(ctx, id);
  return documentOf(r, await loadVersion(ctx.db, id, n));
}

/** Every figure a block shows, by a label a reader recognises. */
function figuresOf(b: ResolvedBlock): Map<string, Cell> {
  const out = new Map<string, Cell>();
  switch (b.kind) {
    case 'key_figures':
      for (const f of b.items) out.set(`${f.label} (${f.period})`, f.value);
      break;
    case 'table':
      for (const row of b.rows) for (const [i, cell] of row.slice(1).entries()) out.set(`${row[0] ?? ''} · ${b.columns[i + 1]?.label ?? i + 1}`, cell);
      break;
    case 'chart':
      for (const s of b.series) for (const [i, v] of s.values.entries()) out.set(`${s.name} · ${b.categories[i] ?? i + 1}`, v);
      break;
    case 'map':
      for (const v of b.values) out.set(`${v.name} (${b.period})`, v.value);
      break;
    case 'texts':
      for (const g of b.groups) for (const e of g.entries) out.set(g.heading ? `${g.heading} · ${e.label}` : e.label, e.text);
      break;
  }
  return out;
}

function blocksOf(s: ReportSnapshot) {
  const out = new Map<string, { chapter: string; block: ResolvedBlock }>();
  for (const c of s.chapters) for (const b of c.blocks) out.set(b.key, { chapter: c.title, block: b });
  return out;
}

/** What changed between two versions: figures, narrative texts, blocks added or removed. Readers of the council. */
export async function compareVersions(ctx: Ctx, id: number, from: number, to: number): Promise<z.infer<typeof versionComparison>> {
  await readable(ctx, id);
  const [a, b] = await Promise.all([loadVersion(ctx.db, id, from), loadVersion(ctx.db, id, to)]);
  const before = blocksOf(a.snapshot);
  const after = blocksOf(b.snapshot);
  const figures: z.infer<typeof versionComparison>['figures'] = [];
  for (const [key, x] of after) {
    const y = before.get(key);
    if (!y) continue;
    const fa = figuresOf(y.block);
    const fb = figuresOf(x.block);
    for (const label of new Set([...fa.keys(), ...fb.keys()])) {
      const va = fa.has(label) ? (fa.get(label) as Cell) : null;
      const vb = fb.has(label) ? (fb.get(label) as Cell) : null;
      if (va !== vb) figures.push({ chapter: x.chapter, block: x.block.title ?? key, label, before: va, after: vb });
    }
  }
  const narratives: z.infer<typeof versionComparison>['narratives'] = [];
  for (const key of new Set([...Object.keys(a.narratives), ...Object.keys(b.narratives)])) {
    const ta = narrativeText(a.narratives[key] ?? '');
    const tb = narrativeText(b.narratives[key] ?? '');
    if (ta !== tb) narratives.push({ blockKey: key, title: (after.get(key) ?? before.get(key))?.block.title ?? null, before: ta, after: tb });
  }
  return {
    from,
    to,
    figures,
    narratives,
    blocksAdded: [...after.keys()].filter((k) => !before.has(k)),
    blocksRemoved: [...before.keys()].filter((k) => !after.has(k)),
  };
}
