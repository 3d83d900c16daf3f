/** Arithmetic on calendar dates written as ISO `YYYY-MM-DD` text, free of time zones. */

function utcDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** `date` moved by a number of days. */
export function addDays(date: string, days: number): string {
  const moved = new Date(utcDay(date));
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDay(to) - utcDay(from)) / 86_400_000);
}
