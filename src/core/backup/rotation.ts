/**
 * Which backups to keep: the last few of today, the newest of each of the 30 days before, the
 * newest of each month of the last year, and always the newest sound one (an office that comes
 * back after a long pause must still find one). Days and months are the office's, in local time.
 * Like Actual Budget's rotation, with a month tier so that a year back is still within reach.
 *
 * Here too is the one rule for «the newest backup», which the list, the damaged file's banner and
 * the rotation all follow: a backup dated on a day after today (made while the computer's clock ran
 * ahead, or copied from a computer whose clock did) says nothing true of its age, so it is never
 * the newest; it is listed after the others and kept until its day comes.
 */

export interface Dated {
  id: string;
  /** The moment the data is of: what the list shows and orders by. */
  takenAt: Date;
  /** When the backup entered the folder: what the days and months of rotation go by. */
  storedAt: Date;
}

export interface Kept extends Dated {
  /** Passed the full integrity check; only sound backups hold a day's or a month's place. */
  sound: boolean;
}

export const KEEP_TODAY = 5;
export const KEEP_DAYS = 30;
export const KEEP_MONTHS = 12;

function dayKey(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

function monthIndex(date: Date): number {
  return date.getFullYear() * 12 + date.getMonth();
}

/**
 * Dated on a day after today, by either date: minutes ahead (a clock a little fast) are still
 * today's, and count as today's.
 */
export function datedAhead(backup: Dated, now: Date): boolean {
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return backup.takenAt >= tomorrow || backup.storedAt >= tomorrow;
}

/** Newest first by the moment of their data, those dated ahead after all the others. */
export function newestFirst<T>(backups: readonly T[], now: Date, datesOf: (backup: T) => Dated): T[] {
  const key = (backup: T) => ({ ahead: datedAhead(datesOf(backup), now) ? 1 : 0, ...datesOf(backup) });
  return backups
    .map((backup) => ({ backup, ...key(backup) }))
    .sort((a, b) => a.ahead - b.ahead || b.takenAt.getTime() - a.takenAt.getTime() || b.id.localeCompare(a.id))
    .map(({ backup }) => backup);
}

/** «The newest backup»: the newest sound one not dated ahead, or undefined when there is none. */
export function newestSound<T>(backups: readonly T[], now: Date, keptOf: (backup: T) => Kept): T | undefined {
  return newestFirst(backups, now, keptOf).find((backup) => keptOf(backup).sound && !datedAhead(keptOf(backup), now));
}

/** The ids to remove, given every backup in the folder and the time now. */
export function backupsToRemove(backups: readonly Kept[], now: Date): string[] {
  const byStoredAt = [...backups].sort((a, b) => b.storedAt.getTime() - a.storedAt.getTime());
  const today = dayKey(now);
  const firstDayKept = new Date(now.getFullYear(), now.getMonth(), now.getDate() - KEEP_DAYS);
  const keep = new Set<string>();
  const daysTaken = new Set<string>();
  const monthsTaken = new Set<number>();
  let todayKept = 0;

  const newest = newestSound(backups, now, (backup) => backup);
  if (newest) keep.add(newest.id);
  for (const backup of byStoredAt) {
    const { storedAt } = backup;
    // Stored before the clock was put back, or copied from a computer whose clock ran ahead: nothing says it is old.
    if (datedAhead(backup, now)) {
      keep.add(backup.id);
      continue;
    }
    const day = dayKey(storedAt);
    const month = monthIndex(storedAt);
    if (day === today) {
      if (todayKept < KEEP_TODAY) keep.add(backup.id);
      todayKept += 1;
      // Today's newest sound one is this month's too.
      if (backup.sound && todayKept <= KEEP_TODAY) monthsTaken.add(month);
      continue;
    }
    if (!backup.sound) continue;
    if (storedAt >= firstDayKept && !daysTaken.has(day)) {
      daysTaken.add(day);
      keep.add(backup.id);
    }
    if (monthIndex(now) - month < KEEP_MONTHS && !monthsTaken.has(month)) {
      monthsTaken.add(month);
      keep.add(backup.id);
    }
  }
  return byStoredAt.filter((backup) => !keep.has(backup.id)).map((backup) => backup.id);
}
