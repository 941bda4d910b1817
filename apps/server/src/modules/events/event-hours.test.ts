import { describe, expect, it } from 'vitest';
import { attendancePercent, reachesThreshold, sessionHours } from './event-hours.ts';

const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00+01:00`);

describe('session hours', () => {
  it.each([
    ['09:00', '12:00', 3],
    ['09:00', '13:30', 4.5],
    ['14:00', '14:20', 0.33],
    ['09:00', '09:00', 0],
  ])('%s–%s lasts %d h', (from, to, hours) => {
    expect(sessionHours(at(from), at(to))).toBe(hours);
  });
});

describe('percent and threshold (a 30-hour course: 10 sessions of 3 h)', () => {
  it.each([
    // attended hours, total, threshold, percent shown, eligible
    [30, 30, 70, 100, true],
    [21, 30, 70, 70, true],
    [20, 30, 70, 66.6, false],
    [20.99, 30, 70, 69.9, false],
    [0, 30, 70, 0, false],
    [27, 30, 90, 90, true],
    [24, 30, 90, 80, false],
    [3, 3, 100, 100, true],
    [21, 30, null, 70, false],
    [0, 0, 70, 0, false],
  ])('%d h of %d h with threshold %s%%: %d%%, eligible %s', (hours, total, threshold, percent, eligible) => {
    expect(attendancePercent(hours, total)).toBe(percent);
    expect(reachesThreshold(hours, total, threshold)).toBe(eligible);
  });
});
