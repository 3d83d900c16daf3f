/**
 * Whether the data file may be written, and what SQLite's own failures mean to a person. A file
 * whose pages are damaged, or one another app holds (see lock.ts), is open read-only; every
 * SQLite error that can reach the screen is said in Vietnamese here, once.
 */
import type Database from 'better-sqlite3';
import { formatDateTime } from '../../shared/format';
import { AppFailure } from '../../shared/errors';
import type { Context } from '../context';
import type { LockHolder } from './lock';

/** How the app holds its data file. Only `write` writes; the other two are read-only. */
export type DataAccess =
  | { mode: 'write' }
  /** SQLite found damaged pages; `detail` is its own (English) finding, for the log. */
  | { mode: 'damaged'; detail: string }
  /** Another HTX Desk has the file open. */
  | { mode: 'locked'; holder: LockHolder };

/** What SQLite's failures carry: a code such as `SQLITE_CORRUPT` or `SQLITE_IOERR_WRITE`. */
function codeOf(error: unknown): string | null {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return null;
  return error.code.startsWith('SQLITE_') ? error.code : null;
}

/**
 * The file system's failures that mean the same to a person as SQLite's (copying a backup, putting
 * one back), said once with them.
 */
const sameAsSqlite: Record<string, string> = {
  ENOSPC: 'SQLITE_FULL',
  EACCES: 'SQLITE_PERM',
  EPERM: 'SQLITE_PERM',
  EROFS: 'SQLITE_READONLY',
  EIO: 'SQLITE_IOERR',
};

function fileSystemCodeOf(error: unknown): string | null {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return null;
  return sameAsSqlite[error.code] ?? null;
}

/** A failure that means the file's pages are not what SQLite wrote: corruption, or not a database at all. */
export function isDamage(error: unknown): boolean {
  const code = codeOf(error);
  return code !== null && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/** A failure for want of room on the disk. */
export function isDiskFull(error: unknown): boolean {
  return codeOf(error) === 'SQLITE_FULL';
}

/** A failure because another connection holds the file (a lock SQLite could not take). */
export function isBusy(error: unknown): boolean {
  const code = codeOf(error);
  return code !== null && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * SQLite's quick check: every page readable and well formed (it skips only the comparison of
 * indexes with their tables, which the full check after each backup does). Null when sound.
 */
export function quickCheck(sqlite: Database.Database): string | null {
  try {
    const findings = sqlite.prepare('PRAGMA quick_check(20)').pluck().all() as string[];
    return findings.length === 1 && findings[0] === 'ok' ? null : findings.join('\n');
  } catch (error) {
    if (isDamage(error)) return error instanceof Error ? error.message : String(error);
    throw error;
  }
}

/** A copy of the file failed the full integrity check: the file itself is damaged. */
export class DamageFound extends Error {
  constructor(readonly detail: string) {
    super(`The database failed its integrity check: ${detail}`);
    this.name = 'DamageFound';
  }
}

export const damagedMessage =
  'Tệp dữ liệu bị hỏng: một phần nội dung của tệp không còn đúng như khi được ghi (thường do mất điện, ' +
  'ổ đĩa lỗi hoặc tệp bị chép dở). HTX Desk chỉ mở tệp để xem, không ghi thêm vào chỗ hỏng. ' +
  'Hãy khôi phục bản sao lưu tốt gần nhất (Cài đặt → Sao lưu và khôi phục).';

export function lockedMessage(holder: LockHolder): string {
  return (
    `Tệp dữ liệu này đang được mở bằng HTX Desk trên máy «${holder.host}» từ ${formatDateTime(holder.since)}, ` +
    'nên ở đây chỉ xem được, không sửa được. Hãy làm việc trên máy đó, hoặc đóng HTX Desk ở đó rồi mở lại ở đây.'
  );
}

/** What a person reads when a change meets a file open read-only. */
export function readOnlyFailure(access: Exclude<DataAccess, { mode: 'write' }>): AppFailure {
  const why = access.mode === 'damaged' ? damagedMessage : lockedMessage(access.holder);
  return new AppFailure({ kind: 'conflict', message: `Thay đổi này chưa được ghi. ${why}` });
}

/** Refuses work that writes when the file is open read-only. */
export function requireWritable(access: DataAccess): void {
  if (access.mode !== 'write') throw readOnlyFailure(access);
}

/**
 * SQLite's failures as a person reads them; null for codes that mean a fault of the app itself
 * (those stay "unexpected", with the details in the log). SQLITE_BUSY is longTransaction's.
 */
export function databaseFailure(error: unknown, access: DataAccess): AppFailure | null {
  const code = codeOf(error) ?? fileSystemCodeOf(error);
  if (code === null) return null;
  const internal = (message: string) => new AppFailure({ kind: 'internal', message });
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return internal(damagedMessage);
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    if (access.mode !== 'write') return readOnlyFailure(access);
    return internal(
      'Thay đổi này chưa được ghi: HTX Desk không được phép ghi vào tệp dữ liệu hoặc thư mục chứa nó ' +
        '(tệp chỉ cho đọc, hoặc thư mục không cho phép ghi). Hãy nhờ người quản trị máy kiểm tra quyền của thư mục.',
    );
  }
  if (code === 'SQLITE_FULL') {
    return internal('Ổ đĩa đã đầy nên thay đổi này chưa được ghi; dữ liệu đã lưu không bị ảnh hưởng. Hãy giải phóng chỗ trống trên ổ đĩa rồi thử lại.');
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return internal(
      'Không đọc, ghi được tệp dữ liệu trên ổ đĩa (ổ đĩa lỗi, USB bị rút hoặc mất kết nối ổ mạng); thay đổi này chưa được ghi. ' +
        'Hãy kiểm tra ổ đĩa rồi thử lại.',
    );
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return internal('Không mở được tệp dữ liệu: tệp hoặc thư mục chứa nó đã bị di chuyển, đổi tên, xóa, hoặc không có quyền truy cập.');
  }
  if (code === 'SQLITE_NOMEM') return internal('Máy không đủ bộ nhớ để làm việc này. Hãy đóng bớt các chương trình khác rồi thử lại.');
  if (code === 'SQLITE_TOOBIG') return internal('Dữ liệu quá lớn để lưu vào một ô; thay đổi này chưa được ghi.');
  if (code.startsWith('SQLITE_LOCKED') || code === 'SQLITE_PROTOCOL') {
    return internal('Tệp dữ liệu đang bận với một việc khác; thay đổi này chưa được ghi. Hãy thử lại sau giây lát.');
  }
  return null;
}

/** The file turned out damaged while the app runs: no more writes into it, and the screens say why. */
export function markDamaged(ctx: Pick<Context, 'access' | 'db'>, detail: string): void {
  if (ctx.access.mode === 'damaged') return;
  ctx.access = { mode: 'damaged', detail };
  ctx.db.$client.pragma('query_only = ON');
}

/**
 * What the dispatcher and the jobs make of an error that is not the app's own: damage found stops
 * the writing, and SQLite's failures are said as above. SQLite's error does not say which file it
 * met, so every one reaching here is taken for the data file's: work on another file (a backup
 * being checked or restored, a file chosen to open) says that file's damage itself, as a finding
 * of its check or a refusal naming it (backup/check.ts, backup/restore.ts).
 */
export function explainDatabaseError(ctx: Pick<Context, 'access' | 'db'>, error: unknown): AppFailure | null {
  if (isDamage(error)) markDamaged(ctx, error instanceof Error ? error.message : String(error));
  return databaseFailure(error, ctx.access);
}
