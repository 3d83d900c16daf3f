/**
 * Kế hoạch, chỉ tiêu: the plans of the office and of the authorities above it, newest period first,
 * searched by title or number. The plan in force is marked; each plan's page shows its progress.
 */
import { Badge, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTargetArrow } from '@tabler/icons-react';
import type { DataTableColumn } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import { planListColumns, type PlanSummary } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { ListTable, listPageSize, RecordLink, useListState } from '../../components/ListTable';
import { useAlliance } from '../../queries';
import { usePlanList } from '../../queries/plans';
import { planHref } from '../../routing/useHashRoute';
import { PlanForm } from './PlanForm';
import { FormModal } from '../../forms/unsavedChanges';

/** "01/01/2024 – 31/12/2024". */
export function formatPeriod({ periodFrom, periodTo }: Pick<PlanSummary, 'periodFrom' | 'periodTo'>): string {
  return `${formatDate(periodFrom)} – ${formatDate(periodTo)}`;
}

export function PlanStatusBadge({ plan }: { plan: Pick<PlanSummary, 'status' | 'inForce'> }) {
  const { t } = useTranslation();
  if (plan.inForce) {
    return (
      <Badge color="teal" variant="light" tt="none" miw="max-content">
        {t('plans.inForce')}
      </Badge>
    );
  }
  const color = plan.status === 'issued' ? 'blue' : plan.status === 'draft' ? 'gray' : 'red';
  return (
    <Badge color={color} variant="light" tt="none" miw="max-content">
      {t(`plans.status.${plan.status}`)}
    </Badge>
  );
}

export function PlansPage() {
  const { t } = useTranslation();
  const provinceCode = useAlliance().data?.provinceCode ?? '';
  const listState = useListState('htx-desk.plans.list', { search: '' });
  const [adding, addForm] = useDisclosure(false);
  /** What the list asks for besides the page: the export asks for the same. */
  const request = listState.query === '' ? {} : { search: listState.query };
  const list = usePlanList({ ...request, page: listState.page, pageSize: listPageSize });

  const created = (plan: PlanSummary) => {
    addForm.close();
    notifications.show({ color: 'teal', message: t('plans.form.created', { title: plan.title }) });
    window.location.hash = planHref(plan.id).slice(1);
  };

  const columns: DataTableColumn<PlanSummary>[] = [
    { accessor: 'periodFrom', title: t('plans.column.period'), noWrap: true, render: (plan) => formatPeriod(plan) },
    {
      accessor: 'title',
      title: t('plans.column.title'),
      width: '45%',
      render: ({ id, title, number }) => <RecordLink href={planHref(id)} name={title} detail={number} />,
    },
    { accessor: 'kind', title: t('plans.column.kind'), noWrap: true, render: ({ kind }) => t(`plans.kind.${kind}`) },
    { accessor: 'issuer', title: t('plans.column.issuer') },
    {
      accessor: 'status',
      title: t('plans.column.status'),
      render: (plan) => (
        <Stack gap={2} align="flex-start">
          <PlanStatusBadge plan={plan} />
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {t('plans.targetCount', { count: plan.targetCount })}
          </Text>
        </Stack>
      ),
    },
  ];

  return (
    <ListTable<PlanSummary>
      title={t('plans.title')}
      count={(total) => t('plans.total', { count: total })}
      // The list has no column chooser: it shows, and exports, every column in the contract's order.
      exportRequest={{ list: 'plans', input: request, columns: [...planListColumns] }}
      addLabel={t('plans.add')}
      onAdd={addForm.open}
      searchLabel={t('plans.searchLabel')}
      searchPlaceholder={t('plans.searchPlaceholder')}
      position={listState}
      list={list}
      columns={columns}
      empty={{
        icon: <IconTargetArrow />,
        title: listState.query ? t('plans.noMatchTitle') : t('plans.emptyTitle'),
        description: listState.query ? t('plans.noMatchDescription') : t('plans.emptyDescription'),
      }}
      hrefOf={planHref}
    >
      <FormModal opened={adding} onClose={addForm.close} title={t('plans.form.addTitle')} size="80rem">
        <PlanForm provinceCode={provinceCode} onSaved={created} onCancel={addForm.close} />
      </FormModal>
    </ListTable>
  );
}
