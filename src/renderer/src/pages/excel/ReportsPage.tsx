/**
 * Báo cáo: the reports to the national alliance, each with what it is asked for (a year, a period,
 * or nothing: the register as it stands today). Making one runs a job with a progress bar and a
 * cancel button, then downloads the workbook.
 */
import { useCallback, useState } from 'react';
import { Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { reportRunInput, type ReportInfo, type ReportRunInput } from '../../../../shared/contract';
import { isIsoDate } from '../../../../shared/typed';
import { messageOf } from '../../api';
import { ExcelJobModal } from '../../components/ExportButton';
import { LoadError } from '../../components/LoadError';
import { useReportedYear } from '../../queries/register';
import { useReportLayouts, useRunReport } from '../../queries/reports';
import { ReportParameters, defaultParametersOf, type ReportParameterValues } from './reports/ReportParameters';

export function ReportsPage() {
  const { t } = useTranslation();
  const layouts = useReportLayouts();
  const [jobId, setJobId] = useState<string | null>(null);
  const close = useCallback(() => setJobId(null), []);

  return (
    <Stack>
      <Title order={2}>{t('reports.title')}</Title>
      <Text c="dimmed" maw={820}>
        {t('reports.intro')}
      </Text>
      {layouts.isError ? (
        <LoadError error={layouts.error} onRetry={() => void layouts.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {(layouts.data ?? []).map((report) => (
            <ReportCard key={report.report} report={report} onStarted={setJobId} />
          ))}
        </SimpleGrid>
      )}
      <ExcelJobModal jobId={jobId} title={t('reports.job.reportTitle')} onClose={close} />
    </Stack>
  );
}

function ReportCard({ report, onStarted }: { report: ReportInfo; onStarted: (jobId: string) => void }) {
  const { t } = useTranslation();
  const [parameters, setParameters] = useState<ReportParameterValues>(() => defaultParametersOf(report.report));
  const run = useRunReport();
  // A year's statistics open on the year Tổng quan opens on: the newest whose figures are reported.
  const reported = useReportedYear(report.period === 'year');
  const year = parameters.year ?? (reported.isPending ? null : (reported.data?.year ?? new Date().getFullYear() - 1));
  const period: ReportRunInput =
    report.period === 'year'
      ? { report: report.report, year: year ?? undefined }
      : report.period === 'range'
        ? {
            report: report.report,
            from: parameters.from ?? undefined,
            to: parameters.to ?? undefined,
            ...(report.byProgramme && parameters.programmeId !== null ? { programmeId: parameters.programmeId } : {}),
          }
        : { report: report.report };
  // A date the box could not read stays there with its message; nothing is asked.
  const unread = [parameters.from, parameters.to].some((date) => date !== null && !isIsoDate(date));
  const input: ReportRunInput = { ...period, documentNumber: parameters.documentNumber };
  const [fieldError, setFieldError] = useState<string | null>(null);
  const start = () => {
    if (report.period === 'range' && unread) return;
    // The number is checked here, at its field, before a job starts.
    const issue = reportRunInput.safeParse(input).error?.issues.find((candidate) => candidate.path[0] === 'documentNumber');
    setFieldError(issue?.message ?? null);
    if (issue) return;
    run.mutate(input, {
      onSuccess: ({ jobId }) => onStarted(jobId),
      onError: (error) => notifications.show({ color: 'red', title: t('reports.job.failed'), message: messageOf(error, t('common.unexpectedError')) }),
    });
  };

  return (
    <Card withBorder padding="lg" aria-label={t(`reports.report.${report.report}`)} component="section">
      <Stack gap="sm" h="100%">
        <Title order={3} size="h4">
          {t(`reports.report.${report.report}`)}
        </Title>
        {/* A report of one table is what its title says; one of several names its sections. */}
        {report.sheets.length > 1 && (
          <Text size="sm" c="dimmed">
            {t('reports.sheets', { sheets: report.sheets.join('; ') })}
          </Text>
        )}
        <ReportParameters period={report.period} byProgramme={report.byProgramme} value={{ ...parameters, year }} onChange={setParameters} />
        <TextInput
          label={t('reports.documentNumber')}
          description={t('reports.documentNumberHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          w={260}
          leftSection={<Text size="sm">{t('reports.documentNumberPrefix')}</Text>}
          leftSectionWidth={36}
          rightSection={<Text size="sm">/BC-LMHTX</Text>}
          rightSectionWidth={84}
          placeholder="……….."
          value={parameters.documentNumber}
          error={fieldError}
          onChange={(event) => setParameters({ ...parameters, documentNumber: event.currentTarget.value })}
        />
        <Group justify="flex-end" mt="auto">
          <Button leftSection={<IconFileSpreadsheet size={16} />} loading={run.isPending || (report.period === 'year' && year === null)} onClick={start}>
            {t('reports.make')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
