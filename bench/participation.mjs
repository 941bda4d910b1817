#!/usr/bin/env node
// bench/participation: a national programme of 5,000 events (a realistic mix of kinds across the 107 councils and
// the regions, 2017–2023, with their sessions) and 100,000 attendance records on a scratch database, then:
//   · hours per person for every event in one set-based query (the /hours rules applied to each row), against the
//     same hours computed the naive way, one event at a time (one query per event) — the baseline of this run;
//   · one event's hours (p50), to show the whole programme costs far less than 5,000 single events;
//   · the progress of the shipped programme targets (GET /targets: nation and every region);
//   · 1,000 certificate PDFs rendered in this thread, against one certificate (p50) × 1,000.
//   BENCH_DB=postgres (default; a scratch database on BENCH_PG_URL) | pglite (a data directory in /tmp)
//   BENCH_EVENTS (default 5000), BENCH_ATTENDANCE (default 100000), BENCH_CERTIFICATES (default 1000)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = (p) => import(path.join(root, 'apps/server/src', p));
const kind = process.env.BENCH_DB ?? 'postgres';
const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const EVENTS = Number(process.env.BENCH_EVENTS ?? 5000);
const ATTENDANCE = Number(process.env.BENCH_ATTENDANCE ?? 100_000);
const CERTIFICATES = Number(process.env.BENCH_CERTIFICATES ?? 1000);

const { sql } = await import('drizzle-orm');
const { openDatabase } = await src('platform/db/client.ts');
const { createScratchDatabase } = await src('platform/testing/scratch-database.ts');
const { loadConfig } = await src('config.ts');
const { createMailer } = await src('platform/mail/mailer.ts');
const { systemActor } = await src('platform/context.ts');
const { loadReferenceData } = await src('modules/territories/reference-data.ts');
const { seedCouncils } = await src('modules/councils/councils.seed.ts');
const { councils } = await src('modules/councils/councils.schema.ts');
const { events, eventSessions, eventRegistrations, eventAttendance } = await src('modules/events/events.schema.ts');
const { selectHours } = await src('modules/events/event-hours.queries.ts');
const { toPersonHours, computeEventHours } = await src('modules/events/event-hours.service.ts');
const { seedProgrammeTargets } = await src('modules/targets/targets.seed.ts');
const { listTargets } = await src('modules/targets/targets.service.ts');
const { renderCertificatePdf } = await src('modules/events/certificates.pdf.ts');
const { generateCertificateCode, formatCertificateCode } = await src('modules/events/certificates.code.ts');

const ms = (n) => `${Math.round(n).toLocaleString('en')} ms`;
const p50 = (a) => [...a].sort((x, y) => x - y)[Math.floor((a.length - 1) / 2)];
// A fixed pseudo-random sequence, so every run builds the same programme.
let seed = 20170101;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = (list) => list[Math.floor(rand() * list.length)];

/**
 * The mix of a national programme over seven years: per kind, the share of events and their sessions × hours.
 * Courses carry most attendance (10 sessions each); Migration Day is one per council per year.
 */
const MIX = [
  ['course', 0.11, 10, 3],
  ['training_day', 0.3, 1, 6],
  ['seeding_meeting', 0.1, 1, 3],
  ['stakeholder_meeting', 0.14, 1, 3],
  ['working_table_meeting', 0.06, 1, 2],
  ['council_plenary', 0.1, 1, 2],
  ['regional_workshop', 0.02, 2, 4],
  ['interregional_workshop', 0.008, 2, 6],
  ['national_conference', 0.002, 2, 4],
];

async function insertChunks(db, table, rows, returning) {
  const out = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const q = db.insert(table).values(rows.slice(i, i + 1000));
    if (returning) out.push(...(await q.returning(returning)));
    else await q;
  }
  return out;
}

async function buildProgramme(db) {
  const list = await db.select({ id: councils.id, regionId: councils.regionId, name: councils.name }).from(councils);
  const regionIds = [...new Set(list.map((c) => c.regionId))];
  const specs = [];
  // One Migration Day per council per year (107 × 7 = 749), the rest by the mix.
  for (let y = 2017; y <= 2023; y++) for (const c of list) if (specs.length < EVENTS) specs.push({ kind: 'migration_day', council: c, year: y, sessions: 1, hours: 5 });
  const rest = EVENTS - specs.length;
  const total = MIX.reduce((s, m) => s + m[1], 0);
  for (const [k, share, sessions, hours] of MIX) for (let i = 0; i < Math.round((rest * share) / total) && specs.length < EVENTS; i++) specs.push({ kind: k, council: pick(list), year: 2017 + Math.floor(rand() * 7), sessions, hours });
  while (specs.length < EVENTS) specs.push({ kind: 'training_day', council: pick(list), year: 2017 + Math.floor(rand() * 7), sessions: 1, hours: 6 });

  const eventRows = specs.map((s, i) => {
    const national = s.kind === 'national_conference';
    const regional = s.kind === 'regional_workshop' || s.kind === 'interregional_workshop';
    const regionId = national ? null : s.council.regionId;
    return {
      kind: s.kind,
      title: `${s.kind} ${i + 1}`,
      scopeType: national ? 'nation' : s.kind === 'interregional_workshop' ? 'regions' : regional ? 'region' : 'council',
      regionId,
      councilId: national || regional ? null : s.council.id,
      regionIds: national ? [] : s.kind === 'interregional_workshop' ? [regionId, pick(regionIds)] : [regionId],
      // About one in twenty is still a draft or was cancelled: they must not count.
      status: rand() < 0.03 ? 'cancelled' : rand() < 0.02 ? 'draft' : 'published',
      organizerName: `Prefettura – ${s.council.name}`,
      certificateThreshold: s.kind === 'course' ? 70 : null,
    };
  });
  const ids = (await insertChunks(db, events, eventRows, { id: events.id })).map((r) => r.id);
  const sessionRows = [];
  specs.forEach((s, i) => {
    const start = Date.UTC(s.year, Math.floor(rand() * 11), 1 + Math.floor(rand() * 20), 8);
    for (let k = 0; k < s.sessions; k++) {
      const startsAt = new Date(start + k * 7 * 86_400_000);
      sessionRows.push({ eventId: ids[i], startsAt, endsAt: new Date(startsAt.getTime() + s.hours * 3_600_000) });
    }
  });
  const sessions = await insertChunks(db, eventSessions, sessionRows, { id: eventSessions.id, eventId: eventSessions.eventId });
  const sessionsOf = new Map();
  for (const s of sessions) sessionsOf.set(s.eventId, [...(sessionsOf.get(s.eventId) ?? []), s.id]);

  // Registrations until the attendance records reach the target: courses of 12–20 people, other events of 3–12.
  const regRows = [];
  let planned = 0;
  for (let round = 0; planned < ATTENDANCE; round++) {
    for (const [i, s] of specs.entries()) {
      if (planned >= ATTENDANCE) break;
      const people = round === 0 ? (s.kind === 'course' ? 12 + Math.floor(rand() * 9) : 3 + Math.floor(rand() * 10)) : 1;
      for (let p = 0; p < people && planned < ATTENDANCE; p++) {
        regRows.push({ eventId: ids[i], fullName: `Partecipante ${regRows.length + 1}`, organizationName: 'Ente', status: 'registered' });
        planned += s.sessions;
      }
    }
  }
  const regs = await insertChunks(db, eventRegistrations, regRows, { id: eventRegistrations.id, eventId: eventRegistrations.eventId });
  const attendanceRows = [];
  for (const r of regs) for (const sessionId of sessionsOf.get(r.eventId) ?? []) if (attendanceRows.length < ATTENDANCE) attendanceRows.push({ sessionId, registrationId: r.id, present: rand() < 0.8 });
  await insertChunks(db, eventAttendance, attendanceRows);
  return { events: ids.length, sessions: sessions.length, registrations: regs.length, attendance: attendanceRows.length, eventIds: ids, courseIds: ids.filter((_, i) => specs[i].kind === 'course') };
}

async function main() {
  console.log(`bench/participation — node ${process.version}, ${os.availableParallelism()} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}, database ${kind}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaico-bench-participation-'));
  const scratch = kind === 'postgres' ? await createScratchDatabase(pgUrl, 'bench') : null;
  const database = await openDatabase(scratch ? { url: scratch.url } : { dataDir });
  try {
    await database.migrate();
    await database.db.transaction(async (tx) => {
      await loadReferenceData(tx);
      await seedCouncils(tx);
      await seedProgrammeTargets(tx);
    });
    const db = database.db;
    let t = performance.now();
    const p = await buildProgramme(db);
    await db.execute(sql`analyze`);
    console.log(
      `programme: ${p.events.toLocaleString('en')} events, ${p.sessions.toLocaleString('en')} sessions, ${p.registrations.toLocaleString('en')} registrations, ${p.attendance.toLocaleString('en')} attendance records (built in ${ms(performance.now() - t)})`,
    );

    // Hours: the whole programme in one query, with the rules applied to every row.
    const allTimes = [];
    let people = 0;
    let eligible = 0;
    let thresholdOf = new Map();
    for (let i = 0; i < 3; i++) {
      t = performance.now();
      const thresholds = new Map((await db.select({ id: events.id, threshold: events.certificateThreshold }).from(events)).map((e) => [e.id, e.threshold]));
      const rows = (await selectHours(db, 'all')).map((r) => toPersonHours(r, thresholds.get(r.eventId) ?? null));
      allTimes.push(performance.now() - t);
      people = rows.length;
      eligible = rows.filter((r) => r.eligible).length;
      thresholdOf = thresholds;
    }
    const all = p50(allTimes);
    console.log(`hours of every event, set-based: p50 ${ms(all)} (3 runs) — ${people.toLocaleString('en')} people, ${eligible.toLocaleString('en')} of them reach their course’s 70% threshold`);

    // One event (a course, the largest kind), as GET /events/:id/hours reads it.
    const oneTimes = [];
    for (const id of p.courseIds.slice(0, 50)) {
      const t1 = performance.now();
      await selectHours(db, [id]);
      oneTimes.push(performance.now() - t1);
    }
    const one = p50(oneTimes);
    console.log(`hours of one course: p50 ${ms(one)} (50 courses) — the whole programme costs ${(all / one).toFixed(1)}× one event, for ${p.events.toLocaleString('en')}× the events`);

    // The baseline: the same hours one event at a time, the way a per-event loop would.
    t = performance.now();
    let loopPeople = 0;
    for (const id of p.eventIds) loopPeople += (await computeEventHours(db, { id, certificateThreshold: thresholdOf.get(id) ?? null })).length;
    const loop = performance.now() - t;
    if (loopPeople !== people) throw new Error(`the loop found ${loopPeople} people, the set-based query ${people}`);
    console.log(`hours of every event, one query per event (baseline): ${ms(loop)} — set-based is ${(loop / all).toFixed(1)}× faster`);

    // Target progress, as GET /targets computes it for the nation and every region.
    const config = loadConfig({ LOG_LEVEL: 'silent', MOSAICO_DATA_DIR: dataDir });
    const ctx = { db, actor: systemActor, requestId: null, lang: 'it', config, mailer: createMailer({ from: config.MAIL_FROM }) };
    const targetTimes = [];
    let targets;
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      targets = await listTargets(ctx);
      targetTimes.push(performance.now() - t);
    }
    console.log(`progress of the ${targets.items.length} shipped targets (nation + ${targets.items[0].progress.regions.length} regions each): p50 ${ms(p50(targetTimes))} (5 runs)`);
    for (const x of targets.items) console.log(`  · ${x.name}: ${x.progress.total.value.toLocaleString('en')} of ${x.progress.total.goal?.toLocaleString('en')} (${x.progress.total.percent}%)`);

    // Certificates: 1,000 PDFs in this thread, against one.
    const doc = (i) => ({
      code: formatCertificateCode(generateCertificateCode()),
      verifyUrl: 'https://mosaico.example.it/attestati/K7QM3XWP9RTD',
      holderName: `Partecipante ${i + 1}`,
      eventTitle: 'Accoglienza e tutela dei minori stranieri non accompagnati',
      eventKind: 'course',
      organizer: 'Prefettura di Napoli – UTG',
      firstAt: '2018-02-05T08:00:00Z',
      lastAt: '2018-04-09T11:00:00Z',
      hours: 21 + (i % 10),
      totalHours: 30,
      percent: 70 + (i % 10) * 3.3,
      issuedAt: '2018-04-20T10:00:00Z',
      revoked: null,
    });
    await renderCertificatePdf(doc(0));
    const singles = [];
    for (let i = 0; i < 15; i++) {
      const t1 = performance.now();
      await renderCertificatePdf(doc(i));
      singles.push(performance.now() - t1);
    }
    const single = p50(singles);
    t = performance.now();
    let bytes = 0;
    for (let i = 0; i < CERTIFICATES; i++) bytes += (await renderCertificatePdf(doc(i))).length;
    const batch = performance.now() - t;
    console.log(
      `${CERTIFICATES.toLocaleString('en')} certificate PDFs, one thread: ${ms(batch)} (${(batch / CERTIFICATES).toFixed(1)} ms each, ${Math.round(bytes / CERTIFICATES / 1024)} KB each) — one certificate p50 ${ms(single)}; the batch is ${(batch / (single * CERTIFICATES)).toFixed(2)}× ${CERTIFICATES} singles`,
    );
  } finally {
    await database.close();
    await scratch?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
