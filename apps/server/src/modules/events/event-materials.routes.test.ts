import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { form, makeDocx, makePdf, PNG_BYTES } from '../library/library.fixtures.ts';
import { type Cast, setUpCast } from '../organizations/organizations.fixtures.ts';
import { countEventRows, EVENTS, eventBody, makePublishedEvent } from './events.fixtures.ts';

let t: TestApp;
let c: Cast;
let eventId: number;
let sessionId: number;
beforeAll(async () => {
  t = await createTestApp({ LIBRARY_MAX_UPLOAD_MB: '1' });
  c = await setUpCast(t);
  eventId = (await makePublishedEvent(c.milano, eventBody(c.milanoCouncil), 2)).id;
  sessionId = (await c.milano.get(`${EVENTS}/${eventId}`)).json().sessions[1].id;
});
afterAll(() => t.close());

const PDF = makePdf('Slide del modulo 2');
const upload = (fields: Record<string, string | number | undefined>, file: { name: string; content: Buffer | string } | null, who = c.milano, id = eventId) => {
  const f = form(fields, file ?? undefined);
  return who.post(`${EVENTS}/${id}/materials`, f.body, f.headers);
};

describe('materials', () => {
  it('uploads files to the event and to a session, lists them, serves them safely to readers, and deletes them', async () => {
    const general = await upload({ title: 'Programma del corso' }, { name: 'programma.docx', content: makeDocx() });
    expect(general.statusCode).toBe(201);
    const slides = await upload({ title: 'Slide', sessionId }, { name: 'Slide modulo 2.pdf', content: PDF }, c.tutor);
    expect(slides.json()).toMatchObject({ sessionId, title: 'Slide', fileType: 'pdf', contentType: 'application/pdf', size: PDF.length, uploadedBy: { name: 'tutor' } });
    const list = (await c.member.get(`${EVENTS}/${eventId}/materials`)).json();
    expect(list.items.map((m: { title: string }) => m.title)).toEqual(['Programma del corso', 'Slide']);
    expect(list.maxUploadMb).toBe(1);
    const dl = await c.member.get(`${EVENTS}/${eventId}/materials/${slides.json().id}/download`);
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    expect(dl.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="Slide modulo 2.pdf"; filename*=UTF-8''Slide%20modulo%202.pdf`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
    });
    expect(createHash('sha256').update(dl.rawPayload).digest('hex')).toBe(slides.json().sha256);
    expect((await c.member.delete(`${EVENTS}/${eventId}/materials/${general.json().id}`)).statusCode).toBe(403);
    expect((await c.milano.delete(`${EVENTS}/${eventId}/materials/${general.json().id}`)).statusCode).toBe(204);
    expect((await c.milano.get(`${EVENTS}/${eventId}/materials/${general.json().id}/download`)).statusCode).toBe(404);
  });

  it('refuses missing, disguised, active or oversized files and foreign sessions, in Italian, writing nothing', async () => {
    const before = await countEventRows(t);
    const issue = async (fields: Record<string, string | number | undefined>, file: { name: string; content: Buffer | string } | null) => {
      const res = await upload(fields, file);
      expect(res.statusCode).toBe(400);
      return res.json().error.details.issues[0];
    };
    expect(await issue({}, null)).toEqual({ field: 'file', code: 'event_material_file_required', message: 'Allega il file nel campo «file».' });
    expect((await issue({}, { name: 'finta.pdf', content: PNG_BYTES })).message).toBe(
      'Il contenuto del file non corrisponde all’estensione .pdf (sembra di tipo PNG): salvalo nel formato giusto e riprova. Nulla è stato caricato.',
    );
    expect(await issue({}, { name: 'pagina.html', content: '<html><script>alert(1)</script></html>' })).toMatchObject({ code: 'event_material_type_not_allowed' });
    expect(await issue({}, { name: 'nota.txt', content: '<script>alert(1)</script>' })).toMatchObject({ code: 'event_material_markup', message: 'Il file .txt contiene codice HTML, SVG o script, che non è ammesso. Nulla è stato caricato.' });
    expect(await issue({}, { name: 'grande.pdf', content: Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 1)]) })).toMatchObject({ code: 'event_material_file_too_large', message: 'Il file supera il limite di 1 MB: nulla è stato caricato.' });
    expect(await issue({ sessionId: 999999 }, { name: 'a.pdf', content: PDF })).toEqual({ field: 'sessionId', code: 'event_material_session_not_found', message: 'La sessione 999999 non appartiene a questo evento.' });
    expect(await issue({ sessionId: 'due', colour: 'x' }, { name: 'a.pdf', content: PDF })).toMatchObject({ field: expect.stringMatching(/sessionId|colour/) });
    expect(await issue({ title: 'x'.repeat(201) }, { name: 'a.pdf', content: PDF })).toEqual({ field: 'title', code: 'too_big', message: 'Al massimo 200 caratteri.' });
    expect(await countEventRows(t)).toEqual(before);
  });
});
