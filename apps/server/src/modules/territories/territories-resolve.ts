import { and, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { territories, territoryCodes } from './territories.schema.ts';
import { resolveTerritory } from './territories.service.ts';

/** How a file's territory codes are read; `auto` tries every code, then names. */
export type TerritoryCodeKind = 'auto' | 'itter107' | 'istat' | 'plate' | 'name';

/** Names compared without case, accents or repeated spaces (exact match otherwise). */
export const nameKey = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

const SCHEMES: Record<Exclude<TerritoryCodeKind, 'auto' | 'name'>, ('istat' | 'itter107' | 'plate')[]> = {
  itter107: ['itter107'],
  istat: ['istat'],
  plate: ['plate'],
};

interface Candidate {
  id: number;
  level: string;
  validFrom: string;
  validTo: string | null;
}
/** One array parameter rather than thousands of parameters (much faster on PGlite). */
const textArray = (list: string[]) => `{${list.map((s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
const validAtDate = (c: { validFrom: string; validTo: string | null }, at: string) => c.validFrom <= at && (!c.validTo || c.validTo >= at);
const LEVEL_RANK: Record<string, number> = { province: 0, region: 1, nation: 2, comune: 3 };

/**
 * Resolves many (code, date) pairs at once, as resolveTerritory does one: the territory's own (ISTAT) code,
 * then its other codes of the chosen kind valid at the date, then (rarely) a recode to a successor. Each
 * distinct code is looked up once. Returns territory ids by `code|date`, null for what it cannot resolve
 * (macro-areas such as ITC, unknown codes, ambiguous names): those are listed, never guessed.
 */
export async function resolveTerritoryCodes(db: DbOrTx, pairs: { code: string; at: string }[], kind: TerritoryCodeKind = 'auto') {
  const out = new Map<string, number | null>();
  const distinct = [...new Set(pairs.map((p) => p.code.trim().toUpperCase()).filter(Boolean))];
  const own = new Map<string, Candidate[]>();
  const alias = new Map<string, Candidate[]>();
  const byName = new Map<string, Candidate[]>();
  const push = (m: Map<string, Candidate[]>, k: string, c: Candidate) => {
    const list = m.get(k);
    if (list) list.push(c);
    else m.set(k, [c]);
  };
  let namesLoaded = false;
  const loadNames = async () => {
    namesLoaded = true;
    const rows = await db
      .select({ id: territories.id, level: territories.level, validFrom: territories.validFrom, validTo: territories.validTo, name: territories.name, nameAlt: territories.nameAlt })
      .from(territories);
    for (const r of rows) {
      push(byName, nameKey(r.name), r);
      if (r.nameAlt) push(byName, nameKey(r.nameAlt), r);
    }
  };
  if (kind !== 'name') {
    for (let i = 0; i < distinct.length; i += 5000) {
      const chunk = distinct.slice(i, i + 5000);
      if (kind === 'auto' || kind === 'istat') {
        const rows = await db
          .select({ id: territories.id, level: territories.level, validFrom: territories.validFrom, validTo: territories.validTo, code: territories.code })
          .from(territories)
          .where(sql`${territories.code} = any(${textArray(chunk)}::text[])`);
        for (const r of rows) push(own, r.code.toUpperCase(), r);
      }
      const schemes = kind === 'auto' ? null : SCHEMES[kind];
      const rows = await db
        .select({ id: territories.id, level: territories.level, validFrom: territoryCodes.validFrom, validTo: territoryCodes.validTo, code: territoryCodes.code })
        .from(territoryCodes)
        .innerJoin(territories, sql`${territories.id} = ${territoryCodes.territoryId}`)
        .where(and(sql`upper(${territoryCodes.code}) = any(${textArray(chunk)}::text[])`, schemes ? or(...schemes.map((s) => sql`${territoryCodes.scheme} = ${s}`)) : undefined));
      for (const r of rows) push(alias, r.code.toUpperCase(), r);
    }
  }
  for (const { code: raw, at } of pairs) {
    const key = `${raw}|${at}`;
    if (out.has(key)) continue;
    const code = raw.trim().toUpperCase();
    let id: number | null = null;
    const mine = (own.get(code) ?? []).filter((c) => validAtDate(c, at));
    if (mine.length === 1) id = mine[0].id;
    else {
      const aliases = (alias.get(code) ?? []).filter((c) => validAtDate(c, at)).sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
      if (aliases.length) id = aliases[0].id;
      else if (own.has(code) || alias.has(code)) id = await followRecode(db, raw, at);
      else if (kind === 'name' || kind === 'auto') {
        if (!namesLoaded) await loadNames();
        const named = [...new Set((byName.get(nameKey(raw)) ?? []).filter((c) => validAtDate(c, at)).map((c) => c.id))];
        if (named.length === 1) id = named[0];
      }
    }
    out.set(key, id);
  }
  return out;
}

/** A code known but not valid at the date: resolveTerritory follows its one-to-one recode, if any. */
async function followRecode(db: DbOrTx, code: string, at: string): Promise<number | null> {
  try {
    const r = await resolveTerritory(db, code, at);
    return validAtDate(r.t, at) ? r.t.id : null;
  } catch (err) {
    if (err instanceof AppError && err.kind === 'not_found') return null;
    throw err;
  }
}
