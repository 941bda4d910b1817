import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { attachmentDisposition, checkLibraryFile, detectFileType, sanitiseFileName, zipEntryNames } from './library-files.ts';
import { makeDocx, makeOdt, makePdf, makeZip, PNG_BYTES } from './library.fixtures.ts';

async function makeXlsx() {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Dati').addRow(['Provincia', 'Stranieri']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('file names', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\guida.pdf', 'guida.pdf'],
    ['/var/www/relazione 2023.docx', 'relazione 2023.docx'],
    ['  .nascosto.pdf  ', 'nascosto.pdf'],
    ['fattura\u202Efdp.exe', 'fatturafdp.exe'],
    ['riga\r\nnuova\t.pdf', 'riganuova.pdf'],
    ['a<b>c:d"e|f?g*h.txt', 'a_b_c_d_e_f_g_h.txt'],
    ['Relazione CTI – Città di Forlì.pdf', 'Relazione CTI – Città di Forlì.pdf'],
    ['..', ''],
  ])('%j is stored as %j', (raw, clean) => expect(sanitiseFileName(raw)).toBe(clean));

  it('cuts a long name to 150 characters and keeps its extension', () => {
    const name = sanitiseFileName(`${'nota sui dati '.repeat(20)}.xlsx`);
    expect(name.length).toBeLessThanOrEqual(150);
    expect(name.endsWith('.xlsx')).toBe(true);
  });

  it('offers an ASCII fallback and the exact name in RFC 5987 form', () => {
    expect(attachmentDisposition('Città "nuova"; 100%.pdf')).toBe(
      `attachment; filename="Citta _nuova__ 100_.pdf"; filename*=UTF-8''Citt%C3%A0%20%22nuova%22%3B%20100%25.pdf`,
    );
  });
});

describe('file types, from the bytes', () => {
  it('recognises each allowed type by its content', async () => {
    expect(detectFileType(makePdf())).toBe('pdf');
    expect(detectFileType(PNG_BYTES)).toBe('png');
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('jpg');
    expect(detectFileType(makeDocx())).toBe('docx');
    expect(detectFileType(await makeXlsx())).toBe('xlsx');
    expect(detectFileType(makeZip([['[Content_Types].xml', '<Types/>'], ['ppt/presentation.xml', '<p/>']]))).toBe('pptx');
    expect(detectFileType(makeOdt())).toBe('odt');
    expect(detectFileType(makeZip([['mimetype', 'application/vnd.oasis.opendocument.spreadsheet']]))).toBe('ods');
    expect(detectFileType(Buffer.from('Provincia;Stranieri\nMilano;459109\n'))).toBe('text');
  });

  it('tells markup, macros, plain archives and binary junk apart', () => {
    expect(detectFileType(Buffer.from('  <!DOCTYPE html><p>ciao</p>'))).toBe('markup');
    expect(detectFileType(Buffer.from('nota\n<svg onload="alert(1)"></svg>'))).toBe('markup');
    expect(detectFileType(Buffer.from('x,y\n1,<script>alert(1)</script>'))).toBe('markup');
    expect(detectFileType(makeDocx([['word/vbaProject.bin', 'macro']]))).toBe('macros');
    expect(detectFileType(makeZip([['a.txt', 'a']]))).toBe('zip');
    expect(detectFileType(Buffer.from([0x4d, 0x5a, 0x90, 0x00]))).toBe('unknown');
    expect(detectFileType(Buffer.from([0x63, 0x61, 0xe0, 0x0a]))).toBe('unknown');
    expect(zipEntryNames(Buffer.from('PK\u0003\u0004 troncato'))).toBeNull();
  });

  it('accepts a file only when its extension is allowed and its bytes are of that type', async () => {
    expect(checkLibraryFile('../guida.pdf', makePdf())).toEqual({ ok: true, fileType: 'pdf', fileName: 'guida.pdf' });
    expect(checkLibraryFile('foto.JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe1]))).toMatchObject({ ok: true, fileType: 'jpg' });
    expect(checkLibraryFile('dati.csv', Buffer.from('a;b\n1;2\n'))).toMatchObject({ ok: true, fileType: 'csv' });
    expect(checkLibraryFile('tabella.xlsx', await makeXlsx())).toMatchObject({ ok: true, fileType: 'xlsx' });
    expect(checkLibraryFile('pagina.html', Buffer.from('<html></html>'))).toMatchObject({ ok: false, code: 'library_type_not_allowed', params: { ext: 'html' } });
    expect(checkLibraryFile('logo.svg', Buffer.from('<svg/>'))).toMatchObject({ ok: false, code: 'library_type_not_allowed' });
    expect(checkLibraryFile('app.js', Buffer.from('alert(1)'))).toMatchObject({ ok: false, code: 'library_type_not_allowed' });
    expect(checkLibraryFile('../../etc/passwd', Buffer.from('root:x:0:0'))).toMatchObject({ ok: false, code: 'library_file_no_extension' });
    expect(checkLibraryFile('finta.pdf', PNG_BYTES)).toEqual({ ok: false, code: 'library_type_mismatch', params: { ext: 'pdf', found: 'PNG' } });
    expect(checkLibraryFile('tabella.docx', await makeXlsx())).toMatchObject({ ok: false, code: 'library_type_mismatch', params: { found: 'Excel (XLSX)' } });
    expect(checkLibraryFile('nota.txt', Buffer.from('<script>alert(1)</script>'))).toMatchObject({ ok: false, code: 'library_markup' });
    expect(checkLibraryFile('modello.docx', makeDocx([['word/vbaProject.bin', 'x']]))).toMatchObject({ ok: false, code: 'library_macros' });
    expect(checkLibraryFile('vuoto.pdf', Buffer.alloc(0))).toMatchObject({ ok: false, code: 'library_file_empty' });
  });
});
