/**
 * The progress of a job the backend runs (an import, an export): a bar, what it is doing, how many
 * rows so far, and a button to cancel it. Calls `onEnded` once, with the final status.
 */
import { useEffect, useRef } from 'react';
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JobStatus } from '../../../shared/contract';
import { formatCount } from '../../../shared/format';
import { ApiError } from '../api';
import { useCancelJob, useJobStatus } from '../queries/jobs';

interface JobProgressProps {
  jobId: string;
  onEnded: (status: JobStatus) => void;
}

export function JobProgress({ jobId, onEnded }: JobProgressProps) {
  const { t } = useTranslation();
  const status = useJobStatus(jobId);
  const cancel = useCancelJob();
  const reported = useRef(false);
  const data = status.data;

  const lost = status.error;
  useEffect(() => {
    if (reported.current) return;
    if (data && data.state !== 'running') {
      reported.current = true;
      onEnded(data);
    } else if (lost) {
      // The backend no longer knows the job (the app was restarted while a page still followed it).
      reported.current = true;
      const error = lost instanceof ApiError ? lost.error : { kind: 'internal' as const, message: lost.message };
      onEnded({ jobId, state: 'failed', done: 0, total: null, phase: 'starting', error });
    }
  }, [data, lost, jobId, onEnded]);

  const share = data?.total ? Math.min(100, (data.done / data.total) * 100) : null;
  const phase = data?.phase ?? 'starting';
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm">
          {t(`jobs.phase.${isPhase(phase) ? phase : 'working'}`)}
          {data && data.done > 0
            ? ` — ${data.total ? t('jobs.doneOfTotal', { done: formatCount(data.done), total: formatCount(data.total) }) : formatCount(data.done)}`
            : ''}
        </Text>
        <Button
          size="xs"
          variant="default"
          loading={cancel.isPending}
          disabled={data?.state !== 'running'}
          onClick={() => cancel.mutate(jobId)}
        >
          {t('jobs.cancel')}
        </Button>
      </Group>
      {/* Until the total is known the bar moves without claiming a share. */}
      <Progress value={share ?? 100} animated={share === null || data?.state === 'running'} aria-label={t('jobs.progress')} />
    </Stack>
  );
}

const phases = [
  'starting',
  'reading',
  'validating',
  'matching',
  'saving',
  'writing',
  'undoing',
  'rebuilding',
  'backingUp',
  'checking',
  'writingArchive',
  'readingArchive',
  'working',
] as const;

function isPhase(value: string): value is (typeof phases)[number] {
  return phases.some((phase) => phase === value);
}
