/** Step 1: what to import, and the file; it is sent in chunks with a progress bar, then read as a job. */
import { useState } from 'react';
import { Alert, Button, FileInput, Group, Progress, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { importKinds, type ImportKind } from '../../../../../shared/domain';
import { messageOf } from '../../../api';
import { LabelledSelect } from '../../../components/LabelledSelect';
import { ProgrammeSelect } from '../../../components/ProgrammeSelect';
import { uploadFile } from '../../../files';
import { useStartAnalysis } from '../../../queries/imports';

interface ChooseFileStepProps {
  kind: ImportKind;
  programmeId: number | null;
  onKindChange: (kind: ImportKind) => void;
  onProgrammeChange: (programmeId: number | null) => void;
  /** The file is on the backend and its reading has started. */
  onStarted: (fileId: string, analysisJobId: string) => void;
}

export function ChooseFileStep({ kind, programmeId, onKindChange, onProgrammeChange, onStarted }: ChooseFileStepProps) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const analyse = useStartAnalysis();

  const start = async () => {
    if (!file) return;
    setError(null);
    try {
      setSent(0);
      const fileId = await uploadFile(file, setSent);
      const { jobId } = await analyse.mutateAsync({ fileId, kind });
      onStarted(fileId, jobId);
    } catch (failure) {
      setError(messageOf(failure, t('common.unexpectedError')));
    } finally {
      setSent(null);
    }
  };

  return (
    <Stack maw={560}>
      <LabelledSelect
        label={t('excel.import.kind')}
        data={importKinds.map((value) => ({ value, label: t(`excel.import.kinds.${value}`) }))}
        value={kind}
        allowDeselect={false}
        onChange={(value) => {
          if (value) onKindChange(value as ImportKind);
        }}
      />
      {kind === 'offers' || kind === 'demands' ? (
        <ProgrammeSelect
          label={t('excel.import.programme')}
          description={t('excel.import.programmeHint')}
          placeholder={t('excel.import.noProgramme')}
          clearable
          value={programmeId}
          onChange={onProgrammeChange}
        />
      ) : null}
      <FileInput
        label={t('excel.import.file')}
        placeholder={t('excel.import.filePlaceholder', { fileTypes: t('excel.import.fileTypes') })}
        accept=".xlsx,.xls,.csv,.tsv,.txt,.htm,.html,.mht,.mhtml"
        leftSection={<IconFileSpreadsheet size={18} />}
        value={file}
        onChange={setFile}
        clearable
      />
      {sent !== null ? (
        <Stack gap={4}>
          <Text size="sm">{t('excel.import.uploading', { percent: Math.round(sent * 100) })}</Text>
          <Progress value={sent * 100} aria-label={t('jobs.progress')} />
        </Stack>
      ) : null}
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
      <Group>
        <Button disabled={!file} loading={sent !== null || analyse.isPending} onClick={() => void start()}>
          {t('excel.import.analyse')}
        </Button>
      </Group>
    </Stack>
  );
}
