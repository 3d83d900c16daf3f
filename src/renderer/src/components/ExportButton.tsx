/**
 * Xuất Excel: a button that exports a list as it is shown (the caller passes the list's current
 * search, filters, sort and visible columns), and the dialog that follows any export or report job
 * to the end and then downloads its workbook.
 */
import { useCallback, useState } from 'react';
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { JobStatus, ListExportInput } from '../../../shared/contract';
import { messageOf } from '../api';
import { downloadReport, useExportList } from '../queries/reports';
import { JobProgress } from './JobProgress';

interface ExcelJobModalProps {
  /** The job being followed; null: the dialog is closed. */
  jobId: string | null;
  title: string;
  /** The heading of a failure; by default, that no Excel file was made. */
  failedTitle?: string;
  onClose: () => void;
}

/** Follows a job that writes a file (a workbook, the whole data): progress and Hủy, then the download, or why it failed. */
export function ExcelJobModal({ jobId, title, failedTitle, onClose }: ExcelJobModalProps) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);

  const ended = useCallback(
    (status: JobStatus) => {
      if (status.state === 'done') {
        downloadReport(status.jobId).then(
          (fileName) => {
            notifications.show({ color: 'teal', message: t('reports.job.downloaded', { fileName }) });
            onClose();
          },
          (error: unknown) => setFailure(messageOf(error, t('common.unexpectedError'))),
        );
      } else if (status.state === 'cancelled') {
        notifications.show({ color: 'gray', message: t('reports.job.cancelled') });
        onClose();
      } else {
        setFailure(status.error?.message ?? t('common.unexpectedError'));
      }
    },
    [onClose, t],
  );

  const close = () => {
    setFailure(null);
    onClose();
  };

  return (
    // While it runs the way out is Hủy, so a job is never left running unseen; after a failure, Đóng,
    // under a title that no longer says the file is being made.
    <Modal
      opened={jobId !== null}
      onClose={close}
      title={failure !== null ? (failedTitle ?? t('reports.job.failed')) : title}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={failure !== null}
    >
      {failure !== null ? (
        <Stack>
          <Alert color="red">{failure}</Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('reports.job.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        jobId !== null && <JobProgress key={jobId} jobId={jobId} onEnded={ended} />
      )}
    </Modal>
  );
}

interface ExportButtonProps {
  /** Which list, with its current request (search, filters, sort) and the columns it shows, in order. */
  request: ListExportInput;
}

export function ExportButton({ request }: ExportButtonProps) {
  const { t } = useTranslation();
  const [jobId, setJobId] = useState<string | null>(null);
  const starting = useExportList();
  const start = () =>
    starting.mutate(request, {
      onSuccess: ({ jobId: started }) => setJobId(started),
      onError: (error) => notifications.show({ color: 'red', title: t('reports.job.failed'), message: messageOf(error, t('common.unexpectedError')) }),
    });
  const close = useCallback(() => setJobId(null), []);
  return (
    <>
      <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} title={t('reports.exportHint')} loading={starting.isPending} onClick={start}>
        {t('reports.export')}
      </Button>
      <ExcelJobModal jobId={jobId} title={t('reports.job.exportTitle')} onClose={close} />
    </>
  );
}
