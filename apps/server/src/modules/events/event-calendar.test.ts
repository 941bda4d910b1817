import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { type Cast, setUpCast } from '../organizations/organizations.fixtures.ts';
import { regionIdOf } from '../users/users.fixtures.ts';
import { escapeText, foldLine, formatUtc, renderCalendar } from './event-calendar.ts';
import { EVENTS, eventBody, external, makePublishedEvent, sessionBody } from './events.fixtures.ts';

/** The logical lines of a calendar: unfolded as RFC 5545 §3.1 says (CRLF followed by one space joins). */
const unfold = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n').filter(Boolean);

describe('iCalendar format', () => {
  it('escapes backslashes, semicolons, commas and line breaks in text', () => {
    expect(escapeText('Sala A; piano 2, ala\\nord\nsecondo rigo')).toBe('Sala A\\; piano 2\\, ala\\\\nord\\nsecondo rigo');
  });

  it('writes times in UTC', () => {
    expect(formatUtc(new Date('2030-03-02T09:00:00+01:00'))).toBe('20300302T080000Z');
  });

  it('folds long lines at 75 octets without splitting a character, and unfolds back to the same text', () => {
    const line = `DESCRIPTION:${'Àccoglienza e integrazione – '.repeat(8)}`;
    const folded = foldLine(line);
    for (const physical of folded.split('\r\n')) expect(Buffer.byteLength(physical, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n').slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SUMMARY:breve')).toBe('SUMMARY:breve');
  });

  it('renders a calendar with one VEVENT per entry, CRLF line ends and the required properties', () => {
    const ics = renderCalendar({
      name: 'Prova, calendario',
      stamp: new Date('2030-01-01T00:00:00Z'),
      entries: [
        { uid: 'evento-1-sessione-1@mosaico.test', start: new Date('2030-03-02T08:00:00Z'), end: new Date('2030-03-02T12:00:00Z'), summary: 'Corso; modulo 1', location: 'Milano, Sala', url: 'http://x.test/eventi/1', status: 'CONFIRMED', sequence: 0, lastModified: new Date('2029-12-01T10:00:00Z') },
        { uid: 'evento-1-sessione-2@mosaico.test', start: new Date('2030-03-03T08:00:00Z'), end: new Date('2030-03-03T12:00:00Z'), summary: 'Corso', status: 'CANCELLED', sequence: 2, lastModified: new Date('2029-12-01T10:00:00Z') },
      ],
    });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
    const lines = unfold(ics);
    expect(lines.slice(0, 3)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', expect.stringMatching(/^PRODID:/)]);
    expect(lines).toContain('X-WR-CALNAME:Prova\\, calendario');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toEqual(expect.arrayContaining(['UID:evento-1-sessione-1@mosaico.test', 'DTSTAMP:20300101T000000Z', 'DTSTART:20300302T080000Z', 'DTEND:20300302T120000Z', 'SUMMARY:Corso\\; modulo 1', 'LOCATION:Milano\\, Sala', 'STATUS:CANCELLED', 'SEQUENCE:2']));
    expect(lines.at(-1)).toBe('END:VCALENDAR');
  });
});

describe('calendar files and public feeds', () => {
  let t: TestApp;
  let c: Cast;
  let lombardiaRegion: number;
  let campaniaRegion: number;
  beforeAll(async () => {
    t = await createTestApp();
    c = await setUpCast(t);
    lombardiaRegion = await regionIdOf(t, '03');
    campaniaRegion = await regionIdOf(t, '15');
    await makePublishedEvent(c.milano, eventBody(c.milanoCouncil, { title: 'Corso Milano, primo ciclo' }), 3);
    await makePublishedEvent(c.milano, eventBody(c.milanoCouncil, { title: 'Bozza Milano' }), 1, false);
    await makePublishedEvent(c.lombardia, eventBody(0, { title: 'Workshop Lombardia', scopeType: 'region', councilId: null, regionId: lombardiaRegion }));
    await makePublishedEvent(c.napoli, eventBody(c.napoliCouncil, { title: 'Incontro Napoli' }));
    await makePublishedEvent(c.admin, eventBody(0, { title: 'Workshop Nord-Sud', scopeType: 'regions', councilId: null, regionIds: [campaniaRegion, lombardiaRegion] }));
  });
  afterAll(() => t.close());

  const summaries = (ics: string) => unfold(ics).filter((l) => l.startsWith('SUMMARY:'));

  it('gives one event’s file to its readers: one VEVENT per session, with stable UIDs', async () => {
    const id = (await c.milano.get(`${EVENTS}?q=primo%20ciclo`)).json().items[0].id;
    await c.milano.post(`${EVENTS}/${id}/registrations`, external(1, { fullName: 'Yusuf Okafor' }));
    const res = await c.member.get(`${EVENTS}/${id}/ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="evento-${id}.ics"`);
    expect(summaries(res.body)).toEqual(['SUMMARY:Corso Milano\\, primo ciclo (1/3): Modulo 1', 'SUMMARY:Corso Milano\\, primo ciclo (2/3): Modulo 2', 'SUMMARY:Corso Milano\\, primo ciclo (3/3): Modulo 3']);
    expect(unfold(res.body)).toEqual(expect.arrayContaining(['DTSTART:20300302T080000Z', 'DTEND:20300302T120000Z', 'STATUS:CONFIRMED', `URL:http://localhost:80/eventi/${id}`]));
    expect(unfold(res.body).filter((l) => l.startsWith('UID:'))).toHaveLength(3);
    expect(res.body).not.toContain('Yusuf');
    expect((await c.napoli.get(`${EVENTS}/${id}/ics`)).statusCode).toBe(403);
  });

  it('serves public feeds of published events only: the nation, a region with its councils and partners, a council', async () => {
    const nation = await c.anon.get('/api/v1/calendar/nation.ics');
    expect(nation.statusCode).toBe(200);
    expect(nation.headers['cache-control']).toBe('public, max-age=300');
    const all = summaries(nation.body).join('\n');
    for (const title of ['Corso Milano', 'Workshop Lombardia', 'Incontro Napoli', 'Workshop Nord-Sud']) expect(all).toContain(title);
    expect(all).not.toContain('Bozza');
    const region = summaries((await c.anon.get(`/api/v1/calendar/regions/${lombardiaRegion}.ics`)).body).join('\n');
    expect(region).toContain('Corso Milano');
    expect(region).toContain('Workshop Lombardia');
    expect(region).toContain('Workshop Nord-Sud');
    expect(region).not.toContain('Incontro Napoli');
    expect(region).not.toContain('Bozza');
    const council = summaries((await c.anon.get(`/api/v1/calendar/councils/${c.napoliCouncil}.ics`)).body);
    expect(council).toEqual(['SUMMARY:Incontro Napoli']);
    expect(nation.body).not.toContain('Yusuf');
    expect((await c.anon.get('/api/v1/calendar/regions/999999.ics')).statusCode).toBe(404);
    expect((await c.anon.get(`/api/v1/calendar/regions/${c.milanoCouncil}x.ics`)).statusCode).toBe(400);
  });

  it('marks a cancelled event’s sessions as cancelled in its file', async () => {
    const e = await makePublishedEvent(c.milano, eventBody(c.milanoCouncil, { title: 'Annullato' }));
    await c.milano.patch(`${EVENTS}/${e.id}`, { status: 'cancelled', version: e.version });
    expect(unfold((await c.milano.get(`${EVENTS}/${e.id}/ics`)).body)).toContain('STATUS:CANCELLED');
    expect(summaries((await c.anon.get('/api/v1/calendar/nation.ics')).body)).not.toContain('SUMMARY:Annullato');
    expect(sessionBody(0).startsAt).toBe('2030-03-02T09:00:00+01:00');
  });
});

describe('Rome wall-clock times', () => {
  it('carries the offset in force that day, summer or winter', async () => {
    const { romeInstant } = await import('@mosaico/contracts/events');
    expect(romeInstant('2026-10-15', '09:30')).toBe('2026-10-15T09:30:00+02:00');
    expect(romeInstant('2026-12-18', '10:00')).toBe('2026-12-18T10:00:00+01:00');
    expect(romeInstant('2026-03-29', '10:00')).toBe('2026-03-29T10:00:00+02:00');
  });
});
