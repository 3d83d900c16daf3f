/** Step 5: what the commit did, the rows it could not take as an Excel file, and undoing it. */
import { useCallback, useState } from 'react';
import { Alert, Button, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconArrowBackUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportLaterChange, ImportSummary, JobStatus, UndoMode } from '../../../../../shared/contract';
import { formatCount } from '../../../../../shared/format';
import { messageOf } from '../../../api';
import { ExcelJobModal } from '../../../components/ExportButton';
import { JobProgress } from '../../../components/JobProgress';
import { useFailedRows, useStartUndo, useUndoCheck, useUndoResult } from '../../../queries/imports';

interface ResultStepProps {
  commitJobId: string;
  fileName: string;
  summary: ImportSummary;
}

export function ResultStep({ commitJobId, fileName, summary }: ResultStepProps) {
  const { t } = useTranslation();
  const failedRows = useFailedRows();
  const [writingJobId, setWritingJobId] = useState<string | null>(null);
  const [undone, setUndone] = useState(false);

  // Tens of thousands of refused rows take a while to write: a job, followed in its dialog.
  const download = () =>
    failedRows.mutate(commitJobId, {
      onSuccess: ({ jobId }) => setWritingJobId(jobId),
      onError: (error) => notifications.show({ color: 'red', message: messageOf(error, t('common.unexpectedError')) }),
    });

  return (
    <Stack>
      <Title order={3}>{t(summary.batchId === null ? 'excel.import.summaryTitleNothing' : 'excel.import.summaryTitle', { file: fileName })}</Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }} maw={720}>
        {(['created', 'updated', 'skipped', 'failed'] as const).map((key) => (
          <Stack key={key} gap={0}>
            <Text size="xs" c="dimmed">
              {t(`excel.import.summary.${key}`)}
            </Text>
            <Text size="xl" fw={700} c={key === 'failed' && summary.failed ? 'red' : undefined} data-testid={`import-${key}`}>
              {formatCount(summary[key])}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      {summary.batchId === null ? (
        <Alert color="yellow" data-testid="import-nothing-written">
          {t('excel.import.nothingWritten')}
        </Alert>
      ) : null}
      {summary.unchanged ? (
        <Text size="sm" data-testid="import-unchanged">
          {t('excel.import.unchangedSkipped', { count: summary.unchanged })}
        </Text>
      ) : null}
      {summary.partnersAdded ? (
        <Text size="sm" data-testid="import-partners-added">
          {t('excel.import.partnersAdded', { count: summary.partnersAdded })}
        </Text>
      ) : null}
      <Group>
        {summary.failed ? (
          <Button variant="light" leftSection={<IconDownload size={16} />} loading={failedRows.isPending} onClick={download}>
            {t('excel.import.downloadFailed')}
          </Button>
        ) : null}
        {summary.batchId !== null ? <UndoButton batchId={summary.batchId} fileName={fileName} onUndone={() => setUndone(true)} /> : null}
      </Group>
      {undone ? <Alert color="teal">{t('excel.import.undone', { file: fileName })}</Alert> : null}
      <ExcelJobModal jobId={writingJobId} title={t('excel.import.downloadFailed')} onClose={() => setWritingJobId(null)} />
    </Stack>
  );
}

interface UndoButtonProps {
  batchId: number;
  fileName: string;
  label?: string;
  onUndone?: () => void;
}

/** The first few names of a list, and how many more. */
function shortList(changes: readonly ImportLaterChange[], more: (count: number) => string): string[] {
  const names = [...new Set(changes.map((change) => change.name))];
  return names.length > 8 ? [...names.slice(0, 8), more(names.length - 8)] : names;
}

/**
 * Asks first, then undoes the whole batch as a job, with its progress and Hủy in place of the
 * button. When records were changed since the import, they are shown, and the person chooses to
 * take those changes back too or to keep those records and undo the rest — never a dead end.
 */
export function UndoButton({ batchId, fileName, label, onUndone }: UndoButtonProps) {
  const { t } = useTranslation();
  const check = useUndoCheck();
  const start = useStartUndo();
  const { mutate: collect, isPending: collecting, isSuccess: undone } = useUndoResult();
  const [jobId, setJobId] = useState<string | null>(null);

  const ended = useCallback(
    (status: JobStatus) => {
      setJobId(null);
      const fail = (message: string) => notifications.show({ color: 'red', autoClose: false, message });
      if (status.state === 'done') {
        collect(status.jobId, {
          onSuccess: ({ kept }) => {
            const names = shortList(kept, (count) => t('excel.import.undoLater.more', { count })).join('; ');
            notifications.show({
              color: 'teal',
              autoClose: kept.length ? false : undefined,
              message: kept.length ? t('excel.import.undoLater.kept', { count: kept.length, names }) : t('excel.import.undone', { file: fileName }),
            });
            onUndone?.();
          },
          onError: (error) => fail(messageOf(error, t('common.unexpectedError'))),
        });
      } else if (status.state === 'cancelled') {
        notifications.show({ color: 'gray', message: t('excel.import.cancelled') });
      } else {
        fail(status.error?.message ?? t('common.unexpectedError'));
      }
    },
    [collect, fileName, onUndone, t],
  );

  const failed = (error: unknown) => notifications.show({ color: 'red', autoClose: false, message: messageOf(error, t('common.unexpectedError')) });
  const undo = (mode: UndoMode) => start.mutate({ batchId, mode }, { onSuccess: (started) => setJobId(started.jobId), onError: failed });
  const askAboutLater = (changed: readonly ImportLaterChange[]) => {
    const id = modals.open({
      title: t('excel.import.undoLater.title'),
      size: 'lg',
      children: (
        <Stack>
          <Text size="sm">{t('excel.import.undoLater.body', { file: fileName })}</Text>
          <List size="sm">
            {shortList(changed, (count) => t('excel.import.undoLater.more', { count })).map((name) => (
              <List.Item key={name}>{name}</List.Item>
            ))}
          </List>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => modals.close(id)}>
              {t('common.cancel')}
            </Button>
            <Button
              variant="light"
              onClick={() => {
                modals.close(id);
                undo('keepChanged');
              }}
            >
              {t('excel.import.undoLater.keepChanged')}
            </Button>
            <Button
              color="red"
              onClick={() => {
                modals.close(id);
                undo('withLater');
              }}
            >
              {t('excel.import.undoLater.withLater')}
            </Button>
          </Group>
        </Stack>
      ),
    });
  };
  const confirm = () =>
    check.mutate(batchId, {
      onError: failed,
      onSuccess: ({ changedLater }) => {
        if (changedLater.length) return askAboutLater(changedLater);
        modals.openConfirmModal({
          title: t('excel.import.undoTitle'),
          children: <Text size="sm">{t('excel.import.undoConfirm', { file: fileName })}</Text>,
          labels: { confirm: t('excel.import.undoSubmit'), cancel: t('common.cancel') },
          confirmProps: { color: 'red' },
          onConfirm: () => undo('strict'),
        });
      },
    });
  if (jobId !== null) return <JobProgress key={jobId} jobId={jobId} onEnded={ended} />;
  return (
    <Button variant="default" color="red" leftSection={<IconArrowBackUp size={16} />} loading={check.isPending || start.isPending || collecting} disabled={undone} onClick={confirm}>
      {label ?? t('excel.import.undoThis')}
    </Button>
  );
}
