/**
 * The register of member organizations: searched, filtered and paged by the backend, so the page
 * stays quick with thousands of organizations.
 */
import { useState } from 'react';
import { Badge, Button, EmptyState, Group, Modal, SegmentedControl, Stack, Text, TextInput, Title, type MantineColor } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSearch, IconUsersGroup } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import {
  organizationKinds,
  type Alliance,
  type Organization,
  type OrganizationKind,
  type OrganizationStatus,
} from '../../../shared/domain';
import { LoadError } from '../components/LoadError';
import { OrganizationForm } from '../components/OrganizationForm';
import { useOrganizationList } from '../queries';

const pageSize = 50;
/** Long enough to skip the keystrokes of a word being typed, short enough to feel live. */
const searchDelayMs = 200;

type KindFilter = OrganizationKind | 'all';

function isKindFilter(value: string): value is KindFilter {
  return value === 'all' || organizationKinds.some((kind) => kind === value);
}

const statusColors: Record<OrganizationStatus, MantineColor> = {
  active: 'teal',
  suspended: 'yellow',
  dissolving: 'orange',
  dissolved: 'gray',
  bankrupt: 'red',
  reorganized: 'violet',
};

interface MembersPageProps {
  alliance: Alliance;
}

export function MembersPage({ alliance }: MembersPageProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), searchDelayMs);
  const [kind, setKind] = useState<KindFilter>('all');
  // The page belongs to the search it was chosen for; a new search starts again at page 1.
  const filterKey = `${kind}\n${query}`;
  const [paging, setPaging] = useState({ filterKey, page: 1 });
  const page = paging.filterKey === filterKey ? paging.page : 1;
  const [adding, addForm] = useDisclosure(false);

  const list = useOrganizationList({
    query: query === '' ? undefined : query,
    kind: kind === 'all' ? undefined : kind,
    page,
    pageSize,
  });
  const filtered = query !== '' || kind !== 'all';

  const created = (organization: Organization) => {
    addForm.close();
    notifications.show({ color: 'teal', message: t('organization.form.created', { name: organization.name }) });
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2}>{t('members.title')}</Title>
          {list.data && <Text c="dimmed">{t('members.total', { count: list.data.total })}</Text>}
        </Stack>
        <Button leftSection={<IconPlus size={18} />} onClick={addForm.open}>
          {t('members.add')}
        </Button>
      </Group>

      <Group align="flex-end">
        <TextInput
          flex={1}
          miw={280}
          aria-label={t('members.searchLabel')}
          placeholder={t('members.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
        <SegmentedControl
          aria-label={t('members.kindFilter')}
          value={kind}
          onChange={(value) => {
            if (isKindFilter(value)) setKind(value);
          }}
          data={[
            { value: 'all', label: t('members.allKinds') },
            ...organizationKinds.map((value) => ({ value, label: t(`organization.kindShort.${value}`) })),
          ]}
        />
      </Group>

      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<Organization>
          withTableBorder
          striped
          highlightOnHover
          minHeight={list.data?.rows.length ? undefined : 240}
          records={list.data?.rows ?? []}
          fetching={list.isFetching}
          loadingText={t('common.loading')}
          emptyState={
            <EmptyState
              icon={<IconUsersGroup />}
              title={filtered ? t('members.noMatchTitle') : t('members.emptyTitle')}
              description={filtered ? t('members.noMatchDescription') : t('members.emptyDescription')}
            />
          }
          columns={[
            {
              accessor: 'name',
              title: t('members.column.name'),
              render: ({ name, shortName }) => (
                <>
                  <Text size="sm">{name}</Text>
                  {shortName && (
                    <Text size="xs" c="dimmed">
                      {shortName}
                    </Text>
                  )}
                </>
              ),
            },
            {
              accessor: 'kind',
              title: t('members.column.kind'),
              render: ({ kind: value }) => t(`organization.kindShort.${value}`),
            },
            { accessor: 'registrationNo', title: t('members.column.registrationNo') },
            { accessor: 'communeName', title: t('members.column.commune') },
            {
              accessor: 'status',
              title: t('members.column.status'),
              render: ({ status }) => (
                <Badge variant="light" tt="none" color={statusColors[status]}>
                  {t(`organization.status.${status}`)}
                </Badge>
              ),
            },
          ]}
          page={page}
          onPageChange={(next) => setPaging({ filterKey, page: next })}
          totalRecords={list.data?.total ?? 0}
          recordsPerPage={pageSize}
          paginationText={({ from, to, totalRecords }) => t('members.pagination', { from, to, total: totalRecords })}
          getPaginationControlProps={(control) => ({ 'aria-label': t(`members.pageControl.${control}`) })}
        />
      )}

      <Modal opened={adding} onClose={addForm.close} title={t('organization.form.title')} size="lg">
        <OrganizationForm provinceCode={alliance.provinceCode} onCreated={created} onCancel={addForm.close} />
      </Modal>
    </Stack>
  );
}
