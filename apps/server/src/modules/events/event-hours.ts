/**
 * The rules of hours, free of the database so they are tested on their own: a session lasts from its start to its
 * end; a person's hours are those of the sessions they were present at; they reach a certificate when those hours
 * are at least the event's threshold (a percent) of all its sessions' hours.
 */

/** The length of a session in hours, to the hundredth. */
export function sessionHours(startsAt: Date, endsAt: Date): number {
  return Math.round(((endsAt.getTime() - startsAt.getTime()) / 3_600_000) * 100) / 100;
}

/**
 * The share of the event's hours attended, 0–100 to one decimal, rounded down (0 for an event without hours):
 * a person below the threshold never reads the threshold itself (20.99 h of 30 shows 69.9%, not 70%).
 */
export function attendancePercent(hoursAttended: number, totalHours: number): number {
  if (totalHours <= 0) return 0;
  return Math.floor((hoursAttended * 1000) / totalHours + 1e-6) / 10;
}

/**
 * Whether the hours reach the threshold. Compared on the hours themselves, not on the rounded percent, so 20.99 h
 * of 30 never passes a 70% threshold by rounding; a hundredth of tolerance absorbs float noise only.
 */
export function reachesThreshold(hoursAttended: number, totalHours: number, threshold: number | null): boolean {
  if (threshold == null || totalHours <= 0) return false;
  return hoursAttended * 100 >= threshold * totalHours - 1e-6;
}
