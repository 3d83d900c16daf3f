/**
 * Thùng rác: organizations moved out of the register, with the day they were deleted. Restoring
 * puts one back with everything it had; if its Mã số HTX was given to another meanwhile, the
 * backend refuses and says which, and the page links to that record.
 */
import { useState } from 'react';
import { Alert, Anchor, Button, EmptyState, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowBackUp, IconTrash } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import type { DeletedOrganization } from '../../../shared/contract';
import { ApiError, messageOf } from '../api';
import { LoadError } from '../components/LoadError';
import { useRestoreOrganization, useTrash } from '../queries';
import { organizationHref } from '../routing/useHashRoute';
import { formatDateTime } from './organization/HistoryTab';

const pageSize = 50;

interface RestoreProblem {
  message: string;
  existingId: number | undefined;
}

export function TrashPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const trash = useTrash(page, pageSize);
  const restore = useRestoreOrganization();
  const [restoring, setRestoring] = useState<number | null>(null);
  const [problem, setProblem] = useState<RestoreProblem | null>(null);

  const restoreOne = async (organization: DeletedOrganization) => {
    setProblem(null);
    setRestoring(organization.id);
    try {
      const restored = await restore.mutateAsync({ id: organization.id });
      notifications.show({
        color: 'teal',
        message: (
          <Group gap="xs">
            <Text size="sm">{t('register.trash.restored', { name: restored.name })}</Text>
            <Anchor size="sm" href={organizationHref(restored.id)}>
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
        <Title order={2}>{t('register.trash.title')}</Title>
        <Text c="dimmed">
          {trash.data ? `${t('register.trash.total', { count: trash.data.total })}. ` : ''}
          {t('register.trash.intro')}
        </Text>
      </Stack>

      {problem && (
        <Alert color="orange" icon={<IconAlertTriangle />} withCloseButton onClose={() => setProblem(null)} role="alert">
          <Text size="sm">{problem.message}</Text>
          {problem.existingId !== undefined && (
            <Button mt="sm" size="xs" variant="light" color="orange" component="a" href={organizationHref(problem.existingId)}>
              {t('register.trash.openExisting')}
            </Button>
          )}
        </Alert>
      )}

      {trash.isError ? (
        <LoadError error={trash.error} onRetry={() => void trash.refetch()} />
      ) : (
        <DataTable<DeletedOrganization>
          withTableBorder
          striped
          minHeight={trash.data?.rows.length ? undefined : 240}
          records={trash.data?.rows ?? []}
          fetching={trash.isFetching}
          loadingText={t('common.loading')}
          emptyState={
            <EmptyState icon={<IconTrash />} title={t('register.trash.emptyTitle')} description={t('register.trash.emptyDescription')} />
          }
          columns={[
            { accessor: 'name', title: t('members.column.name') },
            { accessor: 'kind', title: t('members.column.kind'), render: ({ kind }) => t(`organization.kindShort.${kind}`) },
            { accessor: 'registrationNo', title: t('members.column.registrationNo') },
            { accessor: 'communeName', title: t('members.column.commune') },
            { accessor: 'deletedAt', title: t('register.trash.deletedAt'), render: ({ deletedAt }) => formatDateTime(deletedAt) },
            {
              accessor: 'actions',
              title: t('register.trash.actions'),
              textAlign: 'right',
              render: (organization) => (
                <Button
                  size="compact-sm"
                  variant="light"
                  leftSection={<IconArrowBackUp size={14} />}
                  loading={restoring === organization.id}
                  aria-label={`${t('register.trash.restore')} ${organization.name}`}
                  onClick={() => void restoreOne(organization)}
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
          paginationText={({ from, to, totalRecords }) => t('members.pagination', { from, to, total: totalRecords })}
          getPaginationControlProps={(control) => ({ 'aria-label': t(`members.pageControl.${control}`) })}
        />
      )}
    </Stack>
  );
}
