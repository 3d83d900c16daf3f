/**
 * Số liệu hằng năm of one organization: a table by year, newest first, a small chart of members
 * and revenue, and a form to add or change a year.
 */
import { useState } from 'react';
import { ActionIcon, Badge, Button, EmptyState, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconChartLine, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { DataTable } from '../../components/DataTable';
import { useTranslation } from 'react-i18next';
import { FIRST_FIGURES_YEAR, type OrganizationDetail, type YearlyFigures } from '../../../../shared/contract';
import { yearsLived } from '../../../../shared/domain';
import { messageOf } from '../../api';
import { lastYear } from '../../clock';
import { LoadError } from '../../components/LoadError';
import { useDeleteFigures, useFiguresList } from '../../queries/register';
import { classificationColors } from './figures/classification';
import { FiguresChart } from './figures/FiguresChart';
import { ColumnTitle } from '../../components/ColumnTitle';
import { FiguresForm } from './figures/FiguresForm';
import { formatCount, formatDong } from './figures/numbers';
import { FormModal } from '../../forms/unsavedChanges';

type Editing = { mode: 'add' } | { mode: 'edit'; row: YearlyFigures } | null;

export function ClassificationBadge({ row }: { row: Pick<YearlyFigures, 'classification' | 'score'> }) {
  const { t } = useTranslation();
  const key = row.classification ?? 'unclassified';
  return (
    // The score under the class rather than beside it: the table of figures fits 1366 px.
    <Stack gap={2} align="flex-start">
      <Badge variant="light" tt="none" color={classificationColors[key]} style={{ flexShrink: 0 }}>
        {t(`figures.classification.${key}`)}
      </Badge>
      {row.score !== null && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t('figures.table.score', { score: row.score })}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The year «Thêm năm» starts at: last year, or the year after the newest entered once last year is;
 * but never past the last year the organization existed in (one dissolved in 2019 gets 2018, or the
 * newest year of its life still without figures) nor before its founding year, which a save refuses.
 */
function yearToAdd(taken: readonly number[], lived: ReturnType<typeof yearsLived>): number {
  const ended = lastYear();
  const wanted = taken.includes(ended) ? Math.max(ended + 1, ...taken.map((year) => year + 1)) : ended;
  const first = Math.max(FIRST_FIGURES_YEAR, lived.first ?? FIRST_FIGURES_YEAR);
  if (lived.last === null || wanted <= lived.last) return Math.max(first, wanted);
  for (let year = lived.last; year >= first; year -= 1) if (!taken.includes(year)) return year;
  return lived.last;
}

export function FiguresTab({ organization }: { organization: OrganizationDetail }) {
  const { t } = useTranslation();
  const list = useFiguresList(organization.id);
  const remove = useDeleteFigures();
  const [editing, setEditing] = useState<Editing>(null);

  const years = list.data ?? [];
  const newestFirst = [...years].reverse();
  const defaultYear = yearToAdd(years.map((row) => row.year), yearsLived(organization));

  const confirmDelete = (row: YearlyFigures) =>
    modals.openConfirmModal({
      title: t('figures.delete.title', { year: row.year }),
      children: <Text size="sm">{t('figures.delete.body', { year: row.year, name: organization.name })}</Text>,
      labels: { confirm: t('figures.delete.confirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        remove.mutate(
          { organizationId: organization.id, year: row.year },
          {
            onSuccess: () => notifications.show({ color: 'teal', message: t('figures.delete.done', { year: row.year }) }),
            onError: (error) => notifications.show({ color: 'red', message: messageOf(error, t('common.unexpectedError')) }),
          },
        ),
    });

  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('figures.tab.title')}</Title>
        <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing({ mode: 'add' })}>
          {t('figures.tab.add')}
        </Button>
      </Group>

      {years.length > 1 && <FiguresChart years={years} />}

      <DataTable<YearlyFigures>
        withTableBorder
        striped
        highlightOnHover
        idAccessor="year"
        minHeight={years.length ? undefined : 200}
        records={newestFirst}
        fetching={list.isFetching}
        emptyState={
          <EmptyState icon={<IconChartLine />} title={t('figures.tab.emptyTitle')} description={t('figures.tab.emptyDescription')} />
        }
        columns={[
          { accessor: 'year', title: t('figures.field.year') },
          {
            accessor: 'members',
            title: t('figures.table.members'),
            textAlign: 'right',
            render: (row) => (
              <>
                <Text size="sm">{formatCount(row.membersOfficial)}</Text>
                {row.membersAssociate !== null && (
                  <Text size="xs" c="dimmed">
                    {t('figures.table.associate', { value: formatCount(row.membersAssociate) })}
                  </Text>
                )}
              </>
            ),
          },
          { accessor: 'workers', title: t('figures.table.workers'), textAlign: 'right', render: (row) => formatCount(row.workers) },
          { accessor: 'revenue', title: t('figures.field.revenue'), textAlign: 'right', render: (row) => formatDong(row.revenue) },
          {
            accessor: 'profit',
            title: t('figures.field.profit'),
            textAlign: 'right',
            render: (row) => (
              <Text size="sm" c={row.profit !== null && row.profit < 0 ? 'red' : undefined}>
                {formatDong(row.profit)}
              </Text>
            ),
          },
          {
            accessor: 'averageIncome',
            title: <ColumnTitle>{t('figures.table.averageIncome')}</ColumnTitle>,
            textAlign: 'right',
            render: (row) => formatDong(row.averageIncome),
          },
          { accessor: 'totalAssets', title: <ColumnTitle>{t('figures.field.totalAssets')}</ColumnTitle>, textAlign: 'right', render: (row) => formatDong(row.totalAssets) },
          {
            accessor: 'managers',
            title: <ColumnTitle>{t('figures.table.managers')}</ColumnTitle>,
            textAlign: 'right',
            render: (row) =>
              row.managers === null ? '' : `${formatCount(row.managers)} / ${formatCount(row.managersWithDegree ?? 0)}`,
          },
          // As wide as «Chưa xếp loại», which the badge would otherwise cut short.
          { accessor: 'classification', title: t('figures.field.classification'), width: 140, render: (row) => <ClassificationBadge row={row} /> },
          {
            accessor: 'actions',
            title: '',
            textAlign: 'right',
            render: (row) => (
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <Tooltip label={t('figures.tab.edit', { year: row.year })}>
                  <ActionIcon variant="subtle" aria-label={t('figures.tab.edit', { year: row.year })} onClick={() => setEditing({ mode: 'edit', row })}>
                    <IconPencil size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('figures.delete.title', { year: row.year })}>
                  <ActionIcon variant="subtle" color="red" aria-label={t('figures.delete.title', { year: row.year })} onClick={() => confirmDelete(row)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            ),
          },
        ]}
      />
      <Text size="xs" c="dimmed">
        {t('figures.tab.managersNote')}
      </Text>

      <FormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        size="xl"
        title={editing?.mode === 'edit' ? t('figures.form.editTitle', { year: editing.row.year }) : t('figures.form.addTitle')}
      >
        {editing && (
          <FiguresForm
            organization={organization}
            existing={editing.mode === 'edit' ? editing.row : undefined}
            takenYears={years.map((row) => row.year)}
            defaultYear={defaultYear}
            onDone={() => setEditing(null)}
          />
        )}
      </FormModal>
    </Stack>
  );
}
