/**
 * One kind of record in Thùng rác (organizations, partners, events, agreements), with the day each
 * was deleted and a button to restore it. If a restore is refused because its number (Mã số HTX,
 * mã số thuế) was given to another record meanwhile, the backend says which and the section links
 * to that record.
 */
import { useState } from 'react';
import { Alert, Anchor, Button, EmptyState, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowBackUp, IconTrash } from '@tabler/icons-react';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { type DataTableColumn } from 'mantine-datatable';
import { DataTable } from './DataTable';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../../shared/domain';
import { formatDateTime } from '../../../shared/format';
import { ApiError, messageOf } from '../api';
import { LoadError } from './LoadError';

const pageSize = 50;

interface Deleted {
  id: number;
  deletedAt: string;
}

export interface TrashSectionProps<T extends Deleted> {
  title: string;
  /** "3 tổ chức trong Thùng rác", given the count; absent when the section shows one record only. */
  total?: (count: number) => string;
  intro?: string;
  emptyTitle: string;
  emptyDescription: string;
  /** The label of the link to the record that holds the number meanwhile. */
  openExisting: string;
  /** The rows of one page: a TanStack Query hook of the area's `…:trash` channel. */
  useRows: (page: number, pageSize: number) => UseQueryResult<Page<T>>;
  useRestore: () => UseMutationResult<{ id: number }, Error, { id: number }>;
  nameOf: (row: T) => string;
  hrefOf: (id: number) => string;
  /** The columns that tell the deleted records apart, before the day of deletion. */
  columns: DataTableColumn<T>[];
}

export function TrashSection<T extends Deleted>(props: TrashSectionProps<T>) {
  const { t } = useTranslation();
  const { useRows, useRestore, nameOf, hrefOf } = props;
  const [page, setPage] = useState(1);
  const trash = useRows(page, pageSize);
  const restore = useRestore();
  const [restoring, setRestoring] = useState<number | null>(null);
  const [problem, setProblem] = useState<{ message: string; existingId: number | undefined } | null>(null);

  const restoreOne = async (row: T) => {
    setProblem(null);
    setRestoring(row.id);
    try {
      const restored = await restore.mutateAsync({ id: row.id });
      notifications.show({
        color: 'teal',
        message: (
          <Group gap="xs">
            <Text size="sm">{t('register.trash.restored', { name: nameOf(row) })}</Text>
            <Anchor size="sm" href={hrefOf(restored.id)}>
              {t('register.created.open')}
            </Anchor>
          </Group>
        ),
      });
    } catch (error) {
      setProblem({
        message: messageOf(error, t('common.unexpectedError')),
        existingId: error instanceof ApiError && error.error.kind === 'conflict' ? error.error.existingId : undefined,
      });
    } finally {
      setRestoring(null);
    }
  };

  return (
    <Stack>
      <Stack gap={2}>
        <Title order={3}>{props.title}</Title>
        <Text c="dimmed">
          {trash.data && props.total ? `${props.total(trash.data.total)}. ` : ''}
          {props.intro}
        </Text>
      </Stack>

      {problem && (
        <Alert color="orange" icon={<IconAlertTriangle />} withCloseButton onClose={() => setProblem(null)} role="alert">
          <Text size="sm">{problem.message}</Text>
          {problem.existingId !== undefined && (
            <Button mt="sm" size="xs" variant="light" color="orange" component="a" href={hrefOf(problem.existingId)}>
              {props.openExisting}
            </Button>
          )}
        </Alert>
      )}

      {trash.isError ? (
        <LoadError error={trash.error} onRetry={() => void trash.refetch()} />
      ) : (
        <DataTable<T>
          withTableBorder
          striped
          minHeight={trash.data?.rows.length ? undefined : 200}
          records={trash.data?.rows ?? []}
          fetching={trash.isFetching}
          emptyState={<EmptyState icon={<IconTrash />} title={props.emptyTitle} description={props.emptyDescription} />}
          columns={[
            ...props.columns,
            { accessor: 'deletedAt', title: t('register.trash.deletedAt'), render: ({ deletedAt }) => formatDateTime(deletedAt) },
            {
              accessor: 'actions',
              title: t('register.trash.actions'),
              textAlign: 'right',
              render: (row) => (
                <Button
                  size="compact-sm"
                  variant="light"
                  leftSection={<IconArrowBackUp size={14} />}
                  loading={restoring === row.id}
                  aria-label={`${t('register.trash.restore')} ${nameOf(row)}`}
                  onClick={() => void restoreOne(row)}
                >
                  {t('register.trash.restore')}
                </Button>
              ),
            },
          ]}
          page={page}
          onPageChange={setPage}
          totalRecords={trash.data?.total ?? 0}
          recordsPerPage={pageSize}
        />
      )}
    </Stack>
  );
}
