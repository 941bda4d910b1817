import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '../../platform/testing/test-app.ts';

export const STATISTICS_DIR = path.resolve(import.meta.dirname, '../../../../../data/statistics');
export const POPSTRBIL1 = path.join(STATISTICS_DIR, 'istat_bilancio_stranieri_province_2019_2023_POPSTRBIL1.csv');
export const CRUSCOTTO = path.join(STATISTICS_DIR, 'ondata_cruscotto_accoglienza.csv');
export const COMUNI_POPOLAZIONE = path.resolve(STATISTICS_DIR, '../reference/comuni_popolazione_superficie_situas_2024.csv');

/** A multipart body with the file in `file` and the other fields. */
export function uploadBody(content: string | Buffer, fileName: string, fields: Record<string, string> = {}) {
  const boundary = `----mosaico${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`));
  parts.push(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads a file to POST /api/v1/imports (a dry run unless told otherwise). */
export function upload(c: Client, content: string | Buffer, fileName: string, fields: Record<string, string> = {}) {
  const { body, headers } = uploadBody(content, fileName, fields);
  return c.post('/api/v1/imports', body, headers);
}

/** A small SDMX-CSV shaped like Istat's residence permits flow (citizenship, reason and sex dimensions). */
export function permitsFlow(): string {
  const lines = ['DATAFLOW,FREQ,REF_AREA,DATA_TYPE,CITIZENSHIP,REASON,SEX,TIME_PERIOD,OBS_VALUE,OBS_STATUS,NOTE_REF_AREA'];
  let v = 100;
  for (const area of ['ITC45', 'ITF33', 'ITC'])
    for (const cit of ['MA', 'AL', 'TOTAL'])
      for (const reason of ['WORK', 'FAM', 'ASYL'])
        for (const sex of ['M', 'F', 'T']) lines.push(`IT1:29_999_DF_DCIS_PERMSOGG1_1(1.0),A,${area},PERMITS,${cit},${reason},${sex},2024,${v++},,`);
  return `${lines.join('\n')}\n`;
}
