import type { uploadCounts, uploadProblem } from '@mosaico/contracts/submission-bulk';
import type { CompiledForm } from '@mosaico/form-engine/compile-form';
import { isBlank } from '@mosaico/form-engine/value-checks';
import type { z } from 'zod';
import type { Lang } from '../../platform/http/messages.ts';
import { cellOf, columnOfHeader, headerOf, normalizeStored, parseCell, rowOfKey, type SheetColumn, splitRowKey } from './submission-sheet.ts';
import type { UploadTable } from './submission-workbook.ts';

type Problem = z.infer<typeof uploadProblem>;

/** What an uploaded file means for a submission: the batch to save, its counts, and the problems found so far. */
export interface PlannedUpload {
  /** false when the header lacks the key or value column, so no row could be read. */
  readable: boolean;
  total: number;
  counts: z.infer<typeof uploadCounts>;
  problems: Problem[];
  /** The changed keys as the values API takes them (a repeating group as its whole list of entries). */
  batch: Record<string, unknown>;
  /** The file line and key an engine issue's field stands for. */
  locate(field: string): { line: number; key: string };
  /** Takes back the count of a line the engine then found a problem on (once per line). */
  uncount(line: number): void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Reads every row of an uploaded section file against the form and the stored values. A row whose value
 * equals its "value when downloaded" was left as it was and is not saved, so a value changed meanwhile on
 * the web is kept; a row changed in the file whose stored value also changed since is a conflict to resolve.
 * Repeating groups are rebuilt from the stored entries with the file's cells applied; emptied entries go.
 */
export function checkUploadRows(form: CompiledForm, sectionCode: string, table: UploadTable, stored: Record<string, unknown>, lang: Lang): PlannedUpload {
  const m = MESSAGES[lang];
  const problems: Problem[] = [];
  const columns = new Map<SheetColumn, number>();
  table.header.forEach((h, i) => {
    const c = columnOfHeader(h ?? '');
    if (!c) return;
    if (columns.has(c)) problems.push({ line: 1, column: c, key: null, code: 'duplicate_column', message: m.duplicateColumn(h) });
    else columns.set(c, i);
  });
  for (const c of ['key', 'value'] as const) {
    if (!columns.has(c)) problems.push({ line: 1, column: c, key: null, code: 'missing_column', message: m.missingColumn(headerOf(c, lang), c) });
  }
  const counts = { new: 0, changed: 0, unchanged: 0, cleared: 0 };
  const lines = new Map<string, number>();
  const batch: Record<string, unknown> = {};
  const origins = new Map<string, number[]>();
  const located = (line: number, key: string) => ({ line, key });
  const counted = new Map<number, keyof typeof counts>();
  const uncount = (line: number) => {
    const status = counted.get(line);
    if (status) counts[status]--;
    counted.delete(line);
  };
  const readable = columns.has('key') && columns.has('value');
  if (!readable) return { readable, total: table.rows.length, counts, problems, batch, locate: (key) => located(1, key), uncount };

  const cellAt = (cells: unknown[], c: SheetColumn) => {
    const i = columns.get(c);
    return i === undefined ? null : (cells[i] ?? null);
  };
  const repeats = new Map<string, Map<number, Map<string, unknown>>>();
  let total = 0;
  for (const { line, cells } of table.rows) {
    const key = String(cellAt(cells, 'key') ?? '').trim();
    const raw = cellAt(cells, 'value');
    const blank = raw === null || (typeof raw === 'string' && raw.trim() === '');
    const fail = (column: SheetColumn, code: string, message: string) => problems.push({ line, column, key: key || null, code, message });
    if (!key) {
      // A row with neither key nor value is a note someone added: it is not read.
      if (!blank) {
        total++;
        fail('key', 'key_missing', m.keyMissing);
      }
      continue;
    }
    total++;
    const seen = lines.get(key);
    if (seen) {
      fail('key', 'duplicate_key', m.duplicateKey(seen));
      continue;
    }
    lines.set(key, line);
    const row = rowOfKey(form, key, lang);
    if (!row) {
      fail('key', 'unknown_key', form.items.get(key)?.item.type === 'repeat' ? m.repeatKey(key, form.items.get(key)?.children[0]?.code ?? '') : m.unknownKey(key));
      continue;
    }
    if (row.section !== sectionCode) {
      const title = form.definition.sections.find((x) => x.code === row.section)?.title;
      fail('key', 'other_section', m.otherSection(key, title ? (lang === 'en' ? (title.en ?? title.it) : title.it) : row.section));
      continue;
    }
    if (row.calculated) {
      if (blank) counts.unchanged++;
      else fail('value', 'calculated', m.calculated);
      continue;
    }
    const parsed = parseCell(row, raw, lang);
    if ('problem' in parsed) {
      fail('value', parsed.problem.code, parsed.problem.message);
      continue;
    }
    const value = parsed.value;
    const parts = splitRowKey(key);
    const server = normalizeStored(row, parts ? (stored[parts.repeat] as Record<string, unknown>[] | undefined)?.[parts.n]?.[parts.child] : stored[key]);
    if (columns.has('current_value')) {
      const before = parseCell(row, cellAt(cells, 'current_value'), lang);
      if ('value' in before && same(before.value, value)) {
        counts.unchanged++;
        continue;
      }
      if ('value' in before && !same(before.value, server) && !same(value, server)) {
        fail('current_value', 'changed_since_download', m.changedSince(String(cellOf(row, server, 'csv', lang) ?? '')));
        continue;
      }
    }
    if (same(value, server)) {
      counts.unchanged++;
      continue;
    }
    const status = server === null ? 'new' : value === null ? 'cleared' : 'changed';
    counts[status]++;
    counted.set(line, status);
    if (!parts) batch[key] = value;
    else {
      const entries = repeats.get(parts.repeat) ?? new Map<number, Map<string, unknown>>();
      repeats.set(parts.repeat, entries);
      const entry = entries.get(parts.n) ?? new Map<string, unknown>();
      entries.set(parts.n, entry);
      entry.set(parts.child, value);
    }
  }

  for (const [repeat, entries] of repeats) {
    const list = (Array.isArray(stored[repeat]) ? (stored[repeat] as Record<string, unknown>[]) : []).map((e) => ({ ...e }));
    for (const [n, children] of entries) {
      while (list.length <= n) list.push({});
      for (const [child, v] of children) {
        if (v === null) delete list[n][child];
        else list[n][child] = v;
      }
    }
    const origin: number[] = [];
    const kept: Record<string, unknown>[] = [];
    list.forEach((e, n) => {
      if (!Object.values(e).some((v) => !isBlank(v))) return;
      kept.push(e);
      origin.push(n);
    });
    batch[repeat] = kept.length ? kept : null;
    origins.set(repeat, origin);
  }

  const firstLine = (test: (k: string) => boolean) => {
    let best: [string, number] | null = null;
    for (const [k, l] of lines) if (test(k) && (!best || l < best[1])) best = [k, l];
    return best;
  };
  const locate = (field: string) => {
    const exact = lines.get(field);
    if (exact) return located(exact, field);
    const parts = splitRowKey(field);
    // The engine counts the entries kept after emptied ones went; the file counts them as written.
    const key = parts ? `${parts.repeat}[${origins.get(parts.repeat)?.[parts.n] ?? parts.n}].${parts.child}` : field;
    if (lines.has(key)) return located(lines.get(key) as number, key);
    const prefix = parts ? `${parts.repeat}[` : `${field}.`;
    const near = firstLine((k) => k.startsWith(prefix)) ?? firstLine(() => true);
    return near ? located(near[1], key) : located(1, key);
  };
  return { readable, total, counts, problems, batch, locate, uncount };
}

const MESSAGES = {
  it: {
    duplicateColumn: (h: string) => `Colonna ripetuta: ${h}.`,
    missingColumn: (title: string, name: string) => `Manca la colonna «${title}» (o ${name}): usa il modello scaricato.`,
    keyMissing: 'Manca la chiave: la riga ha un valore ma non dice a quale voce appartiene.',
    duplicateKey: (line: number) => `Stessa chiave della riga ${line}.`,
    unknownKey: (key: string) => `La chiave «${key}» non esiste in questa scheda.`,
    repeatKey: (key: string, child: string) => `«${key}» è un gruppo ripetuto: si compila elemento per elemento, con chiavi come ${key}[0].${child}.`,
    otherSection: (key: string, title: string) => `La voce ${key} è della sezione «${title}», non di questa: caricala con il modello di quella sezione.`,
    calculated: 'Voce calcolata: il valore si ricava dalle altre, non si inserisce. Lascia vuota la colonna «Valore».',
    changedSince: (now: string) =>
      `Dopo il download qualcuno ha cambiato questo valore in «${now}»: scarica di nuovo il modello, oppure scrivi «${now}» in «Valore al download» per sostituirlo comunque.`,
  },
  en: {
    duplicateColumn: (h: string) => `Repeated column: ${h}.`,
    missingColumn: (title: string, name: string) => `The “${title}” (or ${name}) column is missing: use the downloaded template.`,
    keyMissing: 'The key is missing: the row has a value but does not say which item it belongs to.',
    duplicateKey: (line: number) => `Same key as line ${line}.`,
    unknownKey: (key: string) => `The key “${key}” does not exist in this form.`,
    repeatKey: (key: string, child: string) => `“${key}” is a repeating group: it is filled entry by entry, with keys such as ${key}[0].${child}.`,
    otherSection: (key: string, title: string) => `Item ${key} belongs to the section “${title}”, not this one: upload it with that section’s template.`,
    calculated: 'Calculated item: its value comes from the others and is not entered. Leave the “Value” column empty.',
    changedSince: (now: string) =>
      `Someone changed this value to “${now}” after the download: download the template again, or write “${now}” under “Value when downloaded” to replace it anyway.`,
  },
};
