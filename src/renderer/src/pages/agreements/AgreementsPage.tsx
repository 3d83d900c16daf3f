/**
 * Thỏa thuận ký kết: searched, filtered by kind and status, and paged by the backend, which works
 * out each agreement's status for today; exported to Excel as shown. What the user chose lasts for
 * the session, so Back from an agreement returns to the same list.
 */
import { Anchor, Button, EmptyState, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useSessionStorage } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconContract, IconPlus, IconSearch } from '@tabler/icons-react';
import { DataTable, type DataTableColumn } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import { agreementListColumns, type AgreementListColumn, type AgreementListInput, type AgreementSummary } from '../../../../shared/contract';
import { agreementKinds, agreementStatuses, type AgreementKind, type AgreementStatus } from '../../../../shared/domain';
import { formatDate, formatMoney } from '../../../../shared/format';
import { ExportButton } from '../../components/ExportButton';
import { LabelledSelect } from '../../components/LabelledSelect';
import { LoadError } from '../../components/LoadError';
import { useAgreementList } from '../../queries/agreements';
import { agreementHref } from '../../routing/useHashRoute';
import { AgreementForm } from './AgreementForm';
import { AgreementStatusBadge, FulfilmentBar } from './AgreementBits';

const pageSize = 50;
const searchDelayMs = 200;

interface ListState {
  search: string;
  kind: AgreementKind | null;
  status: AgreementStatus | null;
  /** The page belongs to the query it was chosen for; a new query starts again at page 1. */
  paging: { key: string; page: number };
}

const initialState: ListState = { search: '', kind: null, status: null, paging: { key: '', page: 1 } };

export function openAgreement(id: number): void {
  window.location.hash = agreementHref(id).slice(1);
}

export function AgreementsPage() {
  const { t } = useTranslation();
  const [state, setState] = useSessionStorage<ListState>({
    key: 'htx-desk.agreements.list',
    defaultValue: initialState,
    getInitialValueInEffect: false,
  });
  const [adding, addForm] = useDisclosure(false);
  const [query] = useDebouncedValue(state.search.trim(), searchDelayMs);
  const requestKey = JSON.stringify([query, state.kind, state.status]);
  const page = state.paging.key === requestKey ? state.paging.page : 1;
  /** What the list asks for besides the page (its order is fixed: newest signing first); the export asks for the same. */
  const request: AgreementListInput = {
    search: query,
    ...(state.kind ? { kind: state.kind } : {}),
    ...(state.status ? { statuses: [state.status] } : {}),
  };
  const list = useAgreementList({ ...request, page, pageSize });
  const filtered = query !== '' || state.kind !== null || state.status !== null;
  const update = (patch: Partial<ListState>) => setState((current) => ({ ...current, ...patch }));

  const created = (agreement: AgreementSummary) => {
    addForm.close();
    notifications.show({
      color: 'teal',
      autoClose: 10000,
      message: (
        <Group gap="xs">
          <Text size="sm">{t('agreements.form.created', { title: agreement.title })}</Text>
          <Anchor size="sm" href={agreementHref(agreement.id)}>
            {t('agreements.form.open')}
          </Anchor>
        </Group>
      ),
    });
  };

  const columnDefs: Record<AgreementListColumn, DataTableColumn<AgreementSummary>> = {
    number: { accessor: 'number', title: t('agreements.column.number'), noWrap: true },
    title: {
      accessor: 'title',
      title: t('agreements.column.title'),
      width: '22%',
      render: ({ id, title }) => (
        <Anchor size="sm" href={agreementHref(id)} c="inherit" underline="hover">
          {title}
        </Anchor>
      ),
    },
    // Wide enough for "Hợp đồng liên kết tiêu thụ" on two lines.
    kind: { accessor: 'kind', title: t('agreements.column.kind'), width: 150, render: ({ kind }) => t(`agreements.kind.${kind}`) },
    signedOn: {
      accessor: 'signedOn',
      title: t('agreements.column.signedOn'),
      noWrap: true,
      render: ({ signedOn }) => (signedOn ? formatDate(signedOn) : <Text size="sm" c="dimmed">{t('agreements.notSigned')}</Text>),
    },
    parties: {
      accessor: 'parties',
      title: t('agreements.column.parties'),
      width: '22%',
      render: ({ parties }) => (
        <Stack gap={2}>
          {parties.map((party, index) => (
            <Text key={index} size="sm">
              {party.name}
            </Text>
          ))}
        </Stack>
      ),
    },
    value: {
      accessor: 'totalValue',
      title: t('agreements.column.value'),
      textAlign: 'right',
      noWrap: true,
      render: ({ totalValue }) => (totalValue === null ? '' : formatMoney(totalValue)),
    },
    fulfilment: {
      accessor: 'fulfilment',
      title: t('agreements.column.fulfilment'),
      noWrap: true,
      render: ({ fulfilment }) => <FulfilmentBar fulfilment={fulfilment} />,
    },
    status: {
      accessor: 'status',
      title: t('agreements.column.status'),
      width: 140,
      render: ({ status }) => <AgreementStatusBadge status={status} />,
    },
  };
  // The list has no column chooser: it shows, and exports, every column in the contract's order.
  const columns = agreementListColumns.map((column) => columnDefs[column]);

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2}>{t('agreements.title')}</Title>
          {list.data && <Text c="dimmed">{t('agreements.total', { count: list.data.total })}</Text>}
        </Stack>
        <Button leftSection={<IconPlus size={18} />} onClick={addForm.open}>
          {t('agreements.add')}
        </Button>
      </Group>

      <Group align="flex-end" gap="sm">
        <TextInput
          flex={1}
          miw={280}
          aria-label={t('agreements.searchLabel')}
          placeholder={t('agreements.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={state.search}
          onChange={(event) => update({ search: event.currentTarget.value })}
        />
        <LabelledSelect
          label={t('agreements.filter.kind')}
          placeholder={t('agreements.filter.allKinds')}
          clearable
          w={240}
          data={agreementKinds.map((kind) => ({ value: kind, label: t(`agreements.kind.${kind}`) }))}
          value={state.kind}
          onChange={(value) => update({ kind: agreementKinds.find((kind) => kind === value) ?? null })}
        />
        <LabelledSelect
          label={t('agreements.filter.status')}
          placeholder={t('agreements.filter.allStatuses')}
          clearable
          w={200}
          data={agreementStatuses.map((status) => ({ value: status, label: t(`agreements.status.${status}`) }))}
          value={state.status}
          onChange={(value) => update({ status: agreementStatuses.find((status) => status === value) ?? null })}
        />
        <ExportButton request={{ list: 'agreements', input: request, columns: [...agreementListColumns] }} />
      </Group>

      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<AgreementSummary>
          withTableBorder
          striped
          highlightOnHover
          minHeight={list.data?.rows.length ? undefined : 240}
          records={list.data?.rows ?? []}
          fetching={list.isFetching}
          loadingText={t('common.loading')}
          emptyState={
            <EmptyState
              icon={<IconContract />}
              title={filtered ? t('agreements.noMatchTitle') : t('agreements.emptyTitle')}
              description={filtered ? t('agreements.noMatchDescription') : t('agreements.emptyDescription')}
            />
          }
          columns={columns}
          onRowClick={({ record }) => openAgreement(record.id)}
          rowStyle={() => ({ cursor: 'pointer' })}
          page={page}
          onPageChange={(next) => update({ paging: { key: requestKey, page: next } })}
          totalRecords={list.data?.total ?? 0}
          recordsPerPage={pageSize}
          paginationText={({ from, to, totalRecords }) => t('agreements.pagination', { from, to, total: totalRecords })}
          getPaginationControlProps={(control) => ({ 'aria-label': t(`members.pageControl.${control}`) })}
        />
      )}

      <Modal opened={adding} onClose={addForm.close} title={t('agreements.form.addTitle')} size={960}>
        <AgreementForm onSaved={created} onCancel={addForm.close} />
      </Modal>
    </Stack>
  );
}
