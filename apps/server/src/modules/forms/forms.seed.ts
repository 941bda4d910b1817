import fs from 'node:fs';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { type Ctx, systemActor } from '../../platform/context.ts';
import { forms } from './forms.schema.ts';
import { importForm, publishVersion } from './forms.service.ts';

export const DEFAULT_FORM_FILE = path.resolve(import.meta.dirname, '../../../../../data/forms/scheda-cti.json');

/** Publishes the shipped "Scheda di monitoraggio CTI" as version 1 on a database with no forms, through the service. */
export async function seedDefaultForm(ctx: Omit<Ctx, 'actor' | 'requestId' | 'lang'>): Promise<number | null> {
  const [{ n }] = await ctx.db.select({ n: count() }).from(forms);
  if (n > 0) return null;
  const system: Ctx = { ...ctx, actor: systemActor, requestId: null, lang: 'it' };
  const draft = await importForm(system, JSON.parse(fs.readFileSync(DEFAULT_FORM_FILE, 'utf8')));
  await publishVersion(system, draft.formId, draft.version);
  return draft.itemCount;
}
