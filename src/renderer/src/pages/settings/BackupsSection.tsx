/**
 * Cài đặt → Sao lưu và khôi phục: what is backed up and where, Sao lưu ngay, the whole data as one
 * file (out and in), and the list of backups with what each holds, each restorable.
 */
import { useCallback, useState } from 'react';
import { Alert, Badge, Button, FileButton, Group, Loader, Modal, Progress, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabaseExport, IconDeviceFloppy, IconFileImport, IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, JobStatus } from '../../../../shared/contract';
import { formatCount, formatFileSize } from '../../../../shared/format';
import { call, messageOf } from '../../api';
import { ExcelJobModal } from '../../components/ExportButton';
import { JobProgress } from '../../components/JobProgress';
import { LoadError } from '../../components/LoadError';
import { backupTime, useRestoreConfirmation } from '../../components/useRestoreConfirmation';
import { uploadFile } from '../../files';
import { useBackups, useCreateBackup, useDataFileStatus, useExportAll, useOpenBackupFile } from '../../queries/backups';

function BackupRows({ backups, onRestore, disabled }: { backups: BackupInfo[]; onRestore: (backup: BackupInfo) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const count = (value: number | undefined) => (value === undefined ? '—' : formatCount(value));
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('backups.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('backups.column.takenAt')}</Table.Th>
            <Table.Th>{t('backups.column.reason')}</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>{t('backups.column.size')}</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>{t('backups.column.organizations')}</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>{t('backups.column.partners')}</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>{t('backups.column.events')}</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>{t('backups.column.agreements')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {backups.map((backup) => (
            <Table.Tr key={backup.id}>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {backupTime(backup)}
                </Text>
                {/* Its date says nothing of its age: listed after the others (see rotation.ts), and said why. */}
                {backup.datedAhead && (
                  <Text size="xs" c="orange.8">
                    {t('backups.datedAhead')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">{t(`backups.reason.${backup.reason}`)}</Text>
                  {!backup.sound && (
                    <Tooltip label={t('backups.unsoundHint')} multiline w={260}>
                      <Badge color="red" variant="light" size="sm">
                        {t('backups.unsound')}
                      </Badge>
                    </Tooltip>
                  )}
                </Group>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                <Tooltip label={t('backups.attachments', { count: backup.attachments })}>
                  <span>{formatFileSize(backup.size)}</span>
                </Tooltip>
              </Table.Td>
              <Table.Td ta="right">{count(backup.counts?.organizations)}</Table.Td>
              <Table.Td ta="right">{count(backup.counts?.partners)}</Table.Td>
              <Table.Td ta="right">{count(backup.counts?.events)}</Table.Td>
              <Table.Td ta="right">{count(backup.counts?.agreements)}</Table.Td>
              <Table.Td ta="right">
                {backup.sound && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    leftSection={<IconRestore size={14} />}
                    aria-label={t('backups.restoreLabel', { time: backupTime(backup) })}
                    disabled={disabled}
                    onClick={() => onRestore(backup)}
                  >
                    {t('backups.restore')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Mở từ bản sao lưu: the upload, the job that checks the file, then the question whether to restore it. */
function useOpenFromFile(onOpened: (backup: BackupInfo) => void) {
  const { t } = useTranslation();
  const open = useOpenBackupFile();
  const [sent, setSent] = useState<number | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const choose = async (file: File | null) => {
    if (!file) return;
    setFailure(null);
    setSent(0);
    try {
      const fileId = await uploadFile(file, setSent);
      setJobId((await open.mutateAsync(fileId)).jobId);
    } catch (error) {
      setFailure(messageOf(error, t('common.unexpectedError')));
    } finally {
      setSent(null);
    }
  };

  const ended = (status: JobStatus) => {
    setJobId(null);
    if (status.state === 'done') {
      call('backups:openFileResult', { jobId: status.jobId }).then(
        onOpened,
        (error: unknown) => setFailure(messageOf(error, t('common.unexpectedError'))),
      );
    } else if (status.state === 'failed') {
      setFailure(status.error?.message ?? t('common.unexpectedError'));
    }
  };
  return { choose, sent, jobId, failure, clearFailure: () => setFailure(null), ended };
}

export function BackupsSection() {
  const { t } = useTranslation();
  const status = useDataFileStatus();
  const backups = useBackups();
  const create = useCreateBackup();
  const exportAll = useExportAll();
  const confirmRestore = useRestoreConfirmation();
  const [exportJob, setExportJob] = useState<string | null>(null);
  const closeExport = useCallback(() => setExportJob(null), []);
  const fromFile = useOpenFromFile((backup) => confirmRestore(backup, true));

  if (status.isPending || backups.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (status.isError) return <LoadError error={status.error} onRetry={() => void status.refetch()} />;
  if (backups.isError) return <LoadError error={backups.error} onRetry={() => void backups.refetch()} />;
  const { access, folder, autoBackupFailure, autoBackupSeconds } = status.data;
  const writable = access === 'write';
  const fail = (error: unknown) => notifications.show({ color: 'red', message: messageOf(error, t('common.unexpectedError')) });

  const backUpNow = () =>
    create.mutate(undefined, {
      onSuccess: (backup) => notifications.show({ color: 'teal', message: t('backups.created', { time: backupTime(backup) }) }),
      onError: fail,
    });
  const startExport = () => exportAll.mutate(undefined, { onSuccess: ({ jobId }) => setExportJob(jobId), onError: fail });

  return (
    <Stack gap="sm">
      <Text size="sm">
        {t('backups.intro', {
          every: autoBackupSeconds % 60 === 0 ? t('backups.minutes', { count: autoBackupSeconds / 60 }) : t('backups.seconds', { count: autoBackupSeconds }),
        })}
      </Text>
      <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }}>
        {t('backups.folder')}: {folder}
      </Text>
      {autoBackupFailure !== null && (
        <Alert color="orange" title={t('backups.autoFailed')}>
          {autoBackupFailure}
        </Alert>
      )}
      <Group gap="sm">
        <Button leftSection={<IconDeviceFloppy size={16} />} loading={create.isPending} disabled={!writable} onClick={backUpNow}>
          {t('backups.create')}
        </Button>
        <Button variant="default" leftSection={<IconDatabaseExport size={16} />} title={t('backups.exportHint')} loading={exportAll.isPending} disabled={!writable} onClick={startExport}>
          {t('backups.exportAll')}
        </Button>
        <FileButton onChange={(file) => void fromFile.choose(file)} accept=".zip,.sqlite,application/zip">
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconFileImport size={16} />} title={t('backups.openFileHint')} loading={fromFile.sent !== null} disabled={access === 'locked'}>
              {t('backups.openFile')}
            </Button>
          )}
        </FileButton>
      </Group>
      {fromFile.sent !== null && <Progress value={fromFile.sent * 100} aria-label={t('backups.uploading')} />}
      {fromFile.failure !== null && (
        <Alert color="red" title={t('backups.openFailed')} withCloseButton closeButtonLabel={t('common.close')} onClose={fromFile.clearFailure}>
          {fromFile.failure}
        </Alert>
      )}
      {backups.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('backups.empty')}
        </Text>
      ) : (
        <BackupRows backups={backups.data} onRestore={(backup) => confirmRestore(backup)} disabled={access === 'locked'} />
      )}
      <ExcelJobModal jobId={exportJob} title={t('backups.exportTitle')} failedTitle={t('backups.exportFailed')} onClose={closeExport} />
      <Modal opened={fromFile.jobId !== null} onClose={() => undefined} title={t('backups.openTitle')} withCloseButton={false} closeOnClickOutside={false} closeOnEscape={false}>
        {fromFile.jobId !== null && <JobProgress key={fromFile.jobId} jobId={fromFile.jobId} onEnded={fromFile.ended} />}
      </Modal>
    </Stack>
  );
}
