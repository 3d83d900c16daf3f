/** Step 5: what the commit did, the rows it could not take as an Excel file, and undoing it. */
import { Alert, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconArrowBackUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../../../shared/contract';
import { formatCount } from '../../../../../shared/format';
import { messageOf } from '../../../api';
import { downloadStaged } from '../../../files';
import { useFailedRows, useUndoImport } from '../../../queries/imports';

interface ResultStepProps {
  commitJobId: string;
  fileName: string;
  summary: ImportSummary;
}

export function ResultStep({ commitJobId, fileName, summary }: ResultStepProps) {
  const { t } = useTranslation();
  const failedRows = useFailedRows();
  const undo = useUndoImport();

  const download = () =>
    failedRows.mutate(commitJobId, {
      onSuccess: ({ fileId }) => void downloadStaged(fileId),
      onError: (error) => notifications.show({ color: 'red', message: messageOf(error, t('common.unexpectedError')) }),
    });

  return (
    <Stack>
      <Title order={3}>{t('excel.import.summaryTitle', { file: fileName })}</Title>
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
      <Group>
        {summary.failed ? (
          <Button variant="light" leftSection={<IconDownload size={16} />} loading={failedRows.isPending} onClick={download}>
            {t('excel.import.downloadFailed')}
          </Button>
        ) : null}
        {summary.batchId !== null ? <UndoButton batchId={summary.batchId} fileName={fileName} undo={undo} /> : null}
      </Group>
      {undo.isSuccess ? <Alert color="teal">{t('excel.import.undone', { file: fileName })}</Alert> : null}
    </Stack>
  );
}

interface UndoButtonProps {
  batchId: number;
  fileName: string;
  undo: ReturnType<typeof useUndoImport>;
  label?: string;
}

/** Asks first, then undoes the whole batch; a refusal (records changed since) is shown as it is worded. */
export function UndoButton({ batchId, fileName, undo, label }: UndoButtonProps) {
  const { t } = useTranslation();
  const confirm = () =>
    modals.openConfirmModal({
      title: t('excel.import.undoTitle'),
      children: <Text size="sm">{t('excel.import.undoConfirm', { file: fileName })}</Text>,
      labels: { confirm: t('excel.import.undoSubmit'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        undo.mutate(batchId, {
          onSuccess: () => notifications.show({ color: 'teal', message: t('excel.import.undone', { file: fileName }) }),
          onError: (error) => notifications.show({ color: 'red', autoClose: false, message: messageOf(error, t('common.unexpectedError')) }),
        }),
    });
  return (
    <Button variant="default" color="red" leftSection={<IconArrowBackUp size={16} />} loading={undo.isPending} disabled={undo.isSuccess} onClick={confirm}>
      {label ?? t('excel.import.undoThis')}
    </Button>
  );
}
