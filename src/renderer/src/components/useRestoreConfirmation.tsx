/**
 * Restoring a backup, the same way from the list in Cài đặt, from the banner of a damaged file and
 * after opening a backup file: what the data will be, that the current data is kept first, then
 * the restore with its outcome in a notice.
 */
import { Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../shared/contract';
import { formatCount, formatDateTime } from '../../../shared/format';
import { call, messageOf } from '../api';
import { useRestoreBackup } from '../queries/backups';

/**
 * When a backup was taken, to the second: a manual backup, the safety copy of a restore and the
 * one before a structure update often fall within one minute, and each is found in the list by it.
 */
export function backupTime(backup: BackupInfo): string {
  return formatDateTime(backup.takenAt, { seconds: true });
}

/** "12 tổ chức, 3 đối tác, …" of a backup. */
export function backupContents(t: TFunction, backup: BackupInfo): string {
  const counted = (value: number | undefined) => (value === undefined ? t('backups.notCounted') : formatCount(value));
  return t('backups.contents', {
    organizations: counted(backup.counts?.organizations),
    partners: counted(backup.counts?.partners),
    events: counted(backup.counts?.events),
    agreements: counted(backup.counts?.agreements),
    attachments: formatCount(backup.attachments),
  });
}

/**
 * Returns what a Khôi phục button calls; `fromFile` words the question for a file just opened,
 * which is forgotten unless it is restored: only the office's own backups stay in the list.
 */
export function useRestoreConfirmation(): (backup: BackupInfo, fromFile?: boolean) => void {
  const { t } = useTranslation();
  const restore = useRestoreBackup();
  // Nothing to tell the person if it fails: a file left waiting is removed when the app starts again.
  const discard = (backup: BackupInfo) => void call('backups:discardOpened', { id: backup.id }).catch(() => undefined);

  const restoreNow = async (backup: BackupInfo, fromFile: boolean) => {
    const id = `restore-${backup.id}`;
    notifications.show({ id, loading: true, autoClose: false, withCloseButton: false, message: t('backups.restoreTitle') });
    try {
      const { restored, safetyCopy } = await restore.mutateAsync(backup.id);
      notifications.update({
        id,
        loading: false,
        color: 'teal',
        autoClose: 10_000,
        withCloseButton: true,
        message: t('backups.restored', {
          time: backupTime(restored),
          reason: t(`backups.reason.${restored.reason}`),
          safety: backupTime(safetyCopy),
          safetyReason: t(`backups.reason.${safetyCopy.reason}`),
        }),
      });
    } catch (error) {
      if (fromFile) discard(backup);
      notifications.update({
        id,
        loading: false,
        color: 'red',
        autoClose: false,
        withCloseButton: true,
        title: t('backups.restoreFailed'),
        message: messageOf(error, t('common.unexpectedError')),
      });
    }
  };

  return (backup, fromFile = false) => {
    const time = backupTime(backup);
    const contents = backupContents(t, backup);
    let confirmed = false;
    modals.openConfirmModal({
      title: fromFile ? t('backups.fromFileTitle') : t('backups.restoreTitle'),
      children: (
        <Stack gap="xs">
          <Text size="sm">{fromFile ? t('backups.fromFileQuestion', { time, contents }) : t('backups.restoreQuestion', { time, contents })}</Text>
          {backup.datedAhead && (
            <Text size="sm" c="orange.8">
              {t('backups.restoreDatedAhead', { time })}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {t('backups.restoreSafety')}
          </Text>
        </Stack>
      ),
      labels: { confirm: t('backups.restoreConfirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'orange' },
      onConfirm: () => {
        confirmed = true;
        void restoreNow(backup, fromFile);
      },
      // Hủy, the close button, Escape or a click outside: the file is not wanted.
      onClose: () => {
        if (fromFile && !confirmed) discard(backup);
      },
    });
  };
}
