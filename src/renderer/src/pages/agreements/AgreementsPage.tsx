/**
 * Thỏa thuận ký kết: searched, filtered by kind and status, and paged by the backend, which works
 * out each agreement's status for today; exported to Excel as shown. One that ran out is told
 * apart as Cần chú ý tells it: unfinished and still followed, or its follow-up closed by a person —
 * offered among the statuses, marked under the status badge. What the user chose lasts for the
 * session, so Back from an agreement returns to the same list.
 */
import { Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconContract } from '@tabler/icons-react';
import type { DataTableColumn } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import { agreementListColumns, type AgreementListColumn, type AgreementListInput, type AgreementSummary } from '../../../../shared/contract';
import { agreementFollowUps, type AgreementFollowUp } from '../../../../shared/agreements';
import { agreementKinds, agreementStatuses, type AgreementKind, type AgreementStatus } from '../../../../shared/domain';
import { formatDate, formatMoney } from '../../../../shared/format';
import { ColumnTitle } from '../../components/ColumnTitle';
import { LabelledSelect } from '../../components/LabelledSelect';
import { ListTable, listPageSize, notifyAdded, RecordLink, useListState } from '../../components/ListTable';
import { useAgreementList } from '../../queries/agreements';
import { agreementHref } from '../../routing/useHashRoute';
import { AgreementForm } from './AgreementForm';
import { AgreementStatusBadge, FulfilmentBar } from './AgreementBits';
import { FormModal } from '../../forms/unsavedChanges';

/** A status, or what became of one that ran out (`followUp`): one choice in the Trạng thái filter. */
type StatusChoice = AgreementStatus | AgreementFollowUp;

/** Every status in its order, what became of one that ran out right after Hết hiệu lực. */
const statusChoices: readonly StatusChoice[] = agreementStatuses.flatMap((status) => (status === 'expired' ? [status, ...agreementFollowUps] : [status]));

function isFollowUp(choice: StatusChoice): choice is AgreementFollowUp {
  return agreementFollowUps.some((followUp) => followUp === choice);
}

interface AgreementChoices {
  search: string;
  kind: AgreementKind | null;
  status: StatusChoice | null;
}

const initialChoices: AgreementChoices = { search: '', kind: null, status: null };

export function AgreementsPage() {
  const { t } = useTranslation();
  const listState = useListState('htx-desk.agreements.list', initialChoices);
  const { choices, query, update } = listState;
  const [adding, addForm] = useDisclosure(false);
  /** What the list asks for besides the page (its order is fixed: newest signing first); the export asks for the same. */
  const request: AgreementListInput = {
    search: query,
    ...(choices.kind ? { kind: choices.kind } : {}),
    ...(choices.status === null ? {} : isFollowUp(choices.status) ? { followUp: choices.status } : { statuses: [choices.status] }),
  };
  const list = useAgreementList({ ...request, page: listState.page, pageSize: listPageSize });
  const filtered = query !== '' || choices.kind !== null || choices.status !== null;

  const created = (agreement: AgreementSummary) => {
    addForm.close();
    notifyAdded(t('agreements.form.created', { title: agreement.title }), agreementHref(agreement.id), t('agreements.form.open'));
  };

  const columnDefs: Record<Exclude<AgreementListColumn, 'kind'>, DataTableColumn<AgreementSummary>> = {
    number: { accessor: 'number', title: t('agreements.column.number'), noWrap: true },
    // The kind sits under the title, dimmed: a column of its own ("Hợp đồng liên kết tiêu thụ" on
    // two lines) squeezed the parties to a word per line at 1366 px. The export keeps it a column.
    title: {
      accessor: 'title',
      title: t('agreements.column.titleAndKind'),
      width: 200,
      render: ({ id, title, kind }) => (
        <Stack gap={2}>
          <RecordLink href={agreementHref(id)} name={title} />
          <Text size="xs" c="dimmed">
            {t(`agreements.kind.${kind}`)}
          </Text>
        </Stack>
      ),
    },
    signedOn: {
      accessor: 'signedOn',
      title: t('agreements.column.signedOn'),
      noWrap: true,
      render: ({ signedOn }) => (signedOn ? formatDate(signedOn) : <Text size="sm" c="dimmed">{t('agreements.notSigned')}</Text>),
    },
    parties: {
      accessor: 'parties',
      title: t('agreements.column.parties'),
      width: 220,
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
      title: <ColumnTitle>{t('agreements.column.value')}</ColumnTitle>,
      textAlign: 'right',
      noWrap: true,
      render: ({ totalValue }) => (totalValue === null ? '' : formatMoney(totalValue)),
    },
    fulfilment: {
      accessor: 'fulfilment',
      title: <ColumnTitle>{t('agreements.column.fulfilment')}</ColumnTitle>,
      width: 130,
      render: ({ fulfilment, fulfilmentBasis, fulfilmentUnvalued, fulfilmentUnvaluedShort }) => (
        <FulfilmentBar fulfilment={fulfilment} basis={fulfilmentBasis} unvalued={fulfilmentUnvalued} unvaluedShort={fulfilmentUnvaluedShort} width={56} compact />
      ),
    },
    status: {
      accessor: 'status',
      title: t('agreements.column.status'),
      // The mark under the badge wraps within the column: wider, the table leaves a laptop's screen.
      width: 120,
      render: ({ status, needsClosing, closedOn }) => {
        const followUp = needsClosing ? 'needs_closing' : closedOn === null ? null : 'closed';
        return (
          <Stack gap={2} align="flex-start">
            <AgreementStatusBadge status={status} />
            {followUp && (
              <Text size="xs" c={needsClosing ? 'orange.8' : 'dimmed'}>
                {t(`agreements.followUpMark.${followUp}`)}
              </Text>
            )}
          </Stack>
        );
      },
    },
  };
  // The list has no column chooser: it shows, and exports, every column in the contract's order.
  const columns = agreementListColumns.flatMap((column) => (column === 'kind' ? [] : [columnDefs[column]]));

  return (
    <ListTable<AgreementSummary>
      title={t('agreements.title')}
      count={(total) => t('agreements.total', { count: total })}
      addLabel={t('agreements.add')}
      onAdd={addForm.open}
      searchLabel={t('agreements.searchLabel')}
      searchPlaceholder={t('agreements.searchPlaceholder')}
      position={listState}
      toolbar={
        <>
          <LabelledSelect
            label={t('agreements.filter.kind')}
            placeholder={t('agreements.filter.allKinds')}
            clearable
            w={240}
            data={agreementKinds.map((kind) => ({ value: kind, label: t(`agreements.kind.${kind}`) }))}
            value={choices.kind}
            onChange={(value) => update({ kind: agreementKinds.find((kind) => kind === value) ?? null })}
          />
          <LabelledSelect
            label={t('agreements.filter.status')}
            placeholder={t('agreements.filter.allStatuses')}
            clearable
            w={240}
            // Every choice at once, without a scroll.
            maxDropdownHeight={320}
            data={statusChoices.map((choice) => ({
              value: choice,
              label: isFollowUp(choice) ? t(`agreements.followUp.${choice}`) : t(`agreements.status.${choice}`),
            }))}
            value={choices.status}
            onChange={(value) => update({ status: statusChoices.find((choice) => choice === value) ?? null })}
          />
        </>
      }
      exportRequest={{ list: 'agreements', input: request, columns: [...agreementListColumns] }}
      list={list}
      columns={columns}
      empty={{
        icon: <IconContract />,
        title: filtered ? t('agreements.noMatchTitle') : t('agreements.emptyTitle'),
        description: filtered ? t('agreements.noMatchDescription') : t('agreements.emptyDescription'),
      }}
      hrefOf={agreementHref}
    >
      <FormModal opened={adding} onClose={addForm.close} title={t('agreements.form.addTitle')} size={960}>
        {/* Mounted only while open: a dialog opened again while still closing (a second Enter lands on
            «Thêm thỏa thuận», which gets the focus back) starts afresh, not with the form just saved. */}
        {adding && <AgreementForm onSaved={created} onCancel={addForm.close} />}
      </FormModal>
    </ListTable>
  );
}
