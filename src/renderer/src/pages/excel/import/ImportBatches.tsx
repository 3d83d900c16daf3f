/** Các lần nhập trước: each import with what it did, and undoing one. */
import { useState } from 'react';
import { Stack, Text, Title } from '@mantine/core';
import { DataTable } from '../../../components/DataTable';
import { useTranslation } from 'react-i18next';
import type { ImportBatch } from '../../../../../shared/contract';
import { formatDateTime } from '../../../../../shared/format';
import { useImportBatches } from '../../../queries/imports';
import { LoadError } from '../../../components/LoadError';
import { UndoButton } from './ResultStep';

function BatchUndo({ batch }: { batch: ImportBatch }) {
  const { t } = useTranslation();
  if (batch.undoneAt) {
    return (
      <Text size="sm" c="dimmed">
        {t('excel.import.batches.undoneAt', { at: formatDateTime(batch.undoneAt) })}
      </Text>
    );
  }
  return <UndoButton batchId={batch.id} fileName={batch.fileName} label={t('excel.import.undoSubmit')} />;
}

export function ImportBatches() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const batches = useImportBatches(page);
  if (batches.error) return <LoadError error={batches.error} onRetry={() => void batches.refetch()} />;
  return (
    <Stack>
      <Title order={3}>{t('excel.import.batches.title')}</Title>
      <DataTable<ImportBatch>
        withTableBorder
        minHeight={batches.data?.rows.length ? undefined : 120}
        noRecordsText={t('excel.import.batches.empty')}
        records={batches.data?.rows ?? []}
        fetching={batches.isFetching}
        columns={[
          { accessor: 'createdAt', title: t('excel.import.batches.when'), render: (batch) => formatDateTime(batch.createdAt) },
          { accessor: 'fileName', title: t('excel.import.batches.file'), render: (batch) => `${batch.fileName} — ${batch.sheetName}` },
          { accessor: 'kind', title: t('excel.import.batches.kind'), render: (batch) => t(`excel.import.kinds.${batch.kind}`) },
          { accessor: 'created', title: t('excel.import.batches.result'), render: ({ created, updated, skipped, failed }) => t('excel.import.batches.resultText', { created, updated, skipped, failed }) },
          { accessor: 'undoneAt', title: '', width: 220, render: (batch) => <BatchUndo batch={batch} /> },
        ]}
        page={page}
        onPageChange={setPage}
        totalRecords={batches.data?.total ?? 0}
        recordsPerPage={10}
      />
    </Stack>
  );
}
