/**
 * Đối tác: the enterprises, markets, online channels, carriers, other alliances and agencies the
 * office works with, searched, filtered, sorted and paged by the backend, and exported to Excel as
 * shown. What the user chose lasts for the session, so that Back from a partner returns to the same
 * list.
 */
import { Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingStore } from '@tabler/icons-react';
import type { DataTableColumn, DataTableSortStatus } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import { partnerListColumns, type PartnerListColumn, type PartnerListInput, type PartnerSortKey, type PartnerSummary } from '../../../../shared/contract';
import { partnerKinds, type PartnerKind } from '../../../../shared/domain';
import { LabelledSelect } from '../../components/LabelledSelect';
import { ListTable, listPageSize, notifyAdded, RecordLink, useListState } from '../../components/ListTable';
import { useAlliance } from '../../queries';
import { usePartnerList } from '../../queries/partners';
import { partnerHref } from '../../routing/useHashRoute';
import { PartnerForm } from './PartnerForm';
import { ProvinceSelect } from '../../components/ProvinceSelect';
import { FormModal } from '../../forms/unsavedChanges';

/** The column's sort key in the contract; columns without one are not sortable. */
const sortKeys: Partial<Record<string, PartnerSortKey>> = {
  name: 'name',
  kind: 'kind',
  provinceName: 'province',
};

const defaultSort: DataTableSortStatus<PartnerSummary> = { columnAccessor: 'name', direction: 'asc' };

interface PartnerChoices {
  search: string;
  kind: PartnerKind | null;
  provinceCode: string | null;
  sort: DataTableSortStatus<PartnerSummary>;
}

const initialChoices: PartnerChoices = { search: '', kind: null, provinceCode: null, sort: defaultSort };

export function PartnersPage() {
  const { t } = useTranslation();
  const alliance = useAlliance();
  const listState = useListState('htx-desk.partners.list', initialChoices);
  const { choices, query, update } = listState;
  const { kind, provinceCode, sort } = choices;
  const sortKey = sortKeys[sort.columnAccessor] ?? 'name';
  const [adding, addForm] = useDisclosure(false);

  /** What the list asks for besides the page: the export asks for the same. */
  const request: PartnerListInput = {
    ...(query === '' ? {} : { search: query }),
    ...(kind ? { kind } : {}),
    ...(provinceCode ? { provinceCode } : {}),
    sort: { by: sortKey, direction: sort.direction },
  };
  const list = usePartnerList({ ...request, page: listState.page, pageSize: listPageSize });
  const filtered = query !== '' || kind !== null || provinceCode !== null;

  const created = (partner: PartnerSummary) => {
    addForm.close();
    notifyAdded(t('partners.created', { name: partner.name }), partnerHref(partner.id), t('register.created.open'));
  };

  const columnDefs: Record<PartnerListColumn, DataTableColumn<PartnerSummary>> = {
    name: {
      accessor: 'name',
      title: t('partners.column.name'),
      sortable: true,
      width: '28%',
      render: ({ id, name, shortName }) => <RecordLink href={partnerHref(id)} name={name} detail={shortName} />,
    },
    kind: {
      accessor: 'kind',
      title: t('partners.column.kind'),
      sortable: true,
      render: ({ kind: rowKind, businessLine }) => (
        <>
          <Text size="sm">{t(`partners.kind.${rowKind}`)}</Text>
          {businessLine && (
            <Text size="xs" c="dimmed">
              {t(`partners.businessLine.${businessLine}`)}
            </Text>
          )}
        </>
      ),
    },
    province: { accessor: 'provinceName', title: t('partners.column.province'), sortable: true },
    contact: { accessor: 'contactName', title: t('partners.column.contact') },
    phone: { accessor: 'phone', title: t('partners.column.phone'), noWrap: true },
    buys: {
      accessor: 'buys',
      title: t('partners.column.buys'),
      width: '24%',
      render: ({ buys }) => (
        <Text size="sm" lineClamp={2}>
          {buys}
        </Text>
      ),
    },
  };
  // The list has no column chooser: it shows, and exports, every column in the contract's order.
  const columns = partnerListColumns.map((column) => columnDefs[column]);

  return (
    <ListTable<PartnerSummary>
      title={t('partners.title')}
      count={(total) => t('partners.total', { count: total })}
      addLabel={t('partners.add')}
      onAdd={addForm.open}
      searchLabel={t('partners.searchLabel')}
      searchPlaceholder={t('partners.searchPlaceholder')}
      position={listState}
      toolbar={
        <>
          <LabelledSelect
            label={t('partners.kindFilter')}
            placeholder={t('partners.kindAll')}
            clearable
            w={230}
            data={partnerKinds.map((value) => ({ value, label: t(`partners.kind.${value}`) }))}
            value={kind}
            onChange={(value) => update({ kind: partnerKinds.find((item) => item === value) ?? null })}
          />
          <ProvinceSelect
            label={t('partners.provinceFilter')}
            placeholder={t('partners.provinceAll')}
            nothingFoundMessage={t('partners.noProvince')}
            clearable
            w={230}
            value={provinceCode}
            onChange={(value) => update({ provinceCode: value })}
          />
        </>
      }
      exportRequest={{ list: 'partners', input: request, columns: [...partnerListColumns] }}
      list={list}
      columns={columns}
      sort={{ status: sort, onChange: (next) => update({ sort: next }) }}
      empty={{
        icon: <IconBuildingStore />,
        title: filtered ? t('partners.noMatchTitle') : t('partners.emptyTitle'),
        description: filtered ? t('partners.noMatchDescription') : t('partners.emptyDescription'),
      }}
      hrefOf={partnerHref}
    >
      <FormModal opened={adding} onClose={addForm.close} title={t('partners.form.title')} size="xl">
        {/* Mounted only while open: a dialog opened again while still closing starts afresh. */}
        {adding && <PartnerForm defaultProvinceCode={alliance.data?.provinceCode} onSaved={created} onCancel={addForm.close} />}
      </FormModal>
    </ListTable>
  );
}
