#!/usr/bin/env node
// Writes data/forms/esempio-xlsform.xlsx, the example XLSForm workbook for form authors, from the example
// form in apps/server/src/modules/forms/xlsform-example.ts, with the same writer the download uses.
import { register } from 'tsx/esm/api';

register();
const { writeExampleWorkbook } = await import('../apps/server/src/modules/forms/xlsform-example.ts');
console.log(`Scritto ${await writeExampleWorkbook()}`);
