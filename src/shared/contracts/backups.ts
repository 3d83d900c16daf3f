/**
 * Sao lưu và khôi phục: the backups kept beside the data file, restoring one, the whole data as one
 * file to move the office to another computer, and how the data file is held (for writing, or
 * read-only because it is damaged or another app has it open).
 */
import { z } from 'zod';
import { fileId } from './files';
import { channel, none } from './define';

/** Why a backup was taken. Stored as these keys; the screens translate them. */
export const backupReasons = [
  'auto',
  'manual',
  'beforeImport',
  'beforeUndo',
  'beforeMigration',
  'beforeRestore',
  'export',
  'fromFile',
] as const;
export type BackupReason = (typeof backupReasons)[number];

export interface BackupCounts {
  organizations: number;
  partners: number;
  events: number;
  agreements: number;
}

export interface BackupInfo {
  /** The backup's folder name: what restore asks for. */
  id: string;
  /** The moment the data in it is of, ISO. */
  takenAt: string;
  reason: BackupReason;
  /** Bytes of the database and the attached files together. */
  size: number;
  /** Records not in the trash; null when they could not be counted (a damaged safety copy). */
  counts: BackupCounts | null;
  attachments: number;
  /** Whether SQLite's full integrity check found the copy sound; only sound ones can be restored. */
  sound: boolean;
  /**
   * Dated on a day after today by the office's clock (made while a clock ran ahead, or on another
   * computer): listed after the others, never offered as the newest, restored only by choice.
   */
  datedAhead: boolean;
}

export interface DataFileStatus {
  /** `write`: as usual; `damaged` and `locked`: open read-only, and `message` says why. */
  access: 'write' | 'damaged' | 'locked';
  message: string | null;
  /** Where the backups are kept: a folder beside the data file. */
  folder: string;
  /** The newest backup that can be restored, never one dated ahead. */
  latestSound: BackupInfo | null;
  /** How many backups are dated on a day after today: never offered as the newest, but there to choose. */
  backupsDatedAhead: number;
  /** Why the last automatic backup failed, when it did; cleared by the next one that succeeds. */
  autoBackupFailure: string | null;
  /** How often, at most, an automatic backup is taken while the data changes. */
  autoBackupSeconds: number;
}

export interface RestoreResult {
  restored: BackupInfo;
  /** The copy of the data as it was just before the restore, to go back to. */
  safetyCopy: BackupInfo;
}

/** Backup folder names are made by the backend: a date, a time and a reason, in ASCII. */
export const backupId = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}_[a-z0-9-]{2,40}$/, { error: 'Không tìm thấy bản sao lưu này; hãy tải lại danh sách.' });

const jobId = z.uuid({ error: 'Mã công việc không hợp lệ.' });

export const backupsContract = {
  'backups:status': channel<DataFileStatus>()(none),
  /** Newest first, those dated on a day after today last. */
  'backups:list': channel<BackupInfo[]>()(none),
  'backups:create': channel<BackupInfo>()(none),
  /** Replaces the data (and the attached files) with a backup, after a safety copy of the current ones. */
  'backups:restore': channel<RestoreResult>()(z.object({ id: backupId })),
  /** Xuất toàn bộ dữ liệu: a job writing one .zip (database and attached files); collected with 'reports:file'. */
  'backups:export': channel<{ jobId: string }>()(none),
  /**
   * Mở từ bản sao lưu: a job that reads an uploaded .zip (or .sqlite) and checks it. The file waits,
   * out of 'backups:list', until it is restored (then it is listed) or declined.
   */
  'backups:openFile': channel<{ jobId: string }>()(z.object({ fileId })),
  /** The file an 'backups:openFile' job checked, to be restored ('backups:restore') once the person has seen what it holds. */
  'backups:openFileResult': channel<BackupInfo>()(z.object({ jobId })),
  /** The person declined to restore the opened file: it is removed. Never a backup of the list. */
  'backups:discardOpened': channel<null>()(z.object({ id: backupId })),
};
