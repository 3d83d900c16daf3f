/**
 * Which backups to keep: the last few of today, the newest of each of the 30 days before, the
 * newest of each month of the last year, and always the newest sound one (an office that comes
 * back after a long pause must still find one). Days and months are the office's, in local time.
 * Like Actual Budget's rotation, with a month tier so that a year back is still within reach.
 */

export interface Kept {
  id: string;
  /** When the backup entered the folder. */
  storedAt: Date;
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

/** The ids to remove, given every backup in the folder and the time now. */
export function backupsToRemove(backups: readonly Kept[], now: Date): string[] {
  const newestFirst = [...backups].sort((a, b) => b.storedAt.getTime() - a.storedAt.getTime());
  const today = dayKey(now);
  const firstDayKept = new Date(now.getFullYear(), now.getMonth(), now.getDate() - KEEP_DAYS);
  const keep = new Set<string>();
  const daysTaken = new Set<string>();
  const monthsTaken = new Set<number>();
  let todayKept = 0;

  // The newest as of now: one "from the future" (kept below in any case) may hold older data.
  const newestSound = newestFirst.find((backup) => backup.sound && backup.storedAt <= now);
  if (newestSound) keep.add(newestSound.id);
  for (const backup of newestFirst) {
    const { storedAt } = backup;
    // One from "the future" was stored before the clock was put back: nothing says it is old.
    if (storedAt > now) {
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
  return newestFirst.filter((backup) => !keep.has(backup.id)).map((backup) => backup.id);
}
