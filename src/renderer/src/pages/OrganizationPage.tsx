/**
 * One organization of the register: who it is at a glance (name, kind, status, Mã số HTX,
 * commune), what needs attention, and its record in tabs whose choice is part of the address, so
 * Back and Forward move between tabs too.
 */
import { Alert, Anchor, Badge, Button, Center, Group, List, Loader, Stack, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OrganizationDetail } from '../../../shared/contract';
import type { Alliance } from '../../../shared/domain';
import { formatPlace, unitNameInSentence } from '../../../shared/format';
import { LoadError } from '../components/LoadError';
import { useConfirmedDeletion } from '../components/useConfirmedDeletion';
import { ApiError } from '../api';
import { useDeleteOrganization, useOrganization, useRestoreOrganization, useTrash } from '../queries';
import { CounterpartAgreements } from './agreements/CounterpartAgreements';
import { CounterpartEvents } from './events/CounterpartEvents';
import { CounterpartSupply } from './supply/CounterpartSupply';
import { hrefOf, openOrganization, organizationHref, organizationTabs, trashedOrganizationHref, type OrganizationTab } from '../routing/useHashRoute';
import { statusColors } from './MembersPage';
import { FiguresTab } from './organization/FiguresTab';
import { GeneralTab } from './organization/GeneralTab';
import { RecordHistory } from '../components/RecordHistory';
import { LifecycleTab } from './organization/LifecycleTab';
import { ProductsTab } from './organization/ProductsTab';

interface OrganizationPageProps {
  id: number;
  tab: OrganizationTab;
  alliance: Alliance;
}

function isTab(value: string | null): value is OrganizationTab {
  return organizationTabs.some((tab) => tab === value);
}

export function OrganizationPage({ id, tab, alliance }: OrganizationPageProps) {
  const { t } = useTranslation();
  const organization = useOrganization(id);
  // Not found: it may be in the Thùng rác, where a link from another organization's page leads; the
  // page then opens it there, to be restored.
  const missing = organization.error instanceof ApiError && organization.error.error.kind === 'notFound';
  const trashed = useTrash(1, 1, id, missing);
  const inTrash = missing && (trashed.data?.rows.length ?? 0) > 0;

  const back = (
    <Anchor href={hrefOf('thanh-vien')} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} />
        {t('register.page.back')}
      </Group>
    </Anchor>
  );

  if (organization.isPending) {
    return (
      <Stack>
        {back}
        <Center mih={200}>
          <Loader aria-label={t('common.loading')} />
        </Center>
      </Stack>
    );
  }
  if (organization.isError) {
    return (
      <Stack>
        {back}
        <LoadError
          error={organization.error}
          onRetry={() => void organization.refetch()}
          action={
            inTrash && (
              <Button component="a" href={trashedOrganizationHref(id)} size="xs" color="red" leftSection={<IconTrash size={14} />}>
                {t('register.page.openInTrash')}
              </Button>
            )
          }
        />
      </Stack>
    );
  }
  const detail = organization.data;

  return (
    <Stack>
      {back}
      <OrganizationHeader organization={detail} />
      {detail.warnings.length > 0 && (
        <Alert color="yellow" icon={<IconAlertTriangle />} title={t('register.page.warnings')}>
          {detail.warnings.length === 1 ? (
            detail.warnings[0]
          ) : (
            <List size="sm">
              {detail.warnings.map((warning) => (
                <List.Item key={warning}>{warning}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(next) => {
          if (isTab(next)) openOrganization(id, next);
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('register.page.tabs')}>
          {organizationTabs.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`register.page.tab.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="thong-tin" pt="md">
          <GeneralTab organization={detail} provinceCode={alliance.provinceCode} />
        </Tabs.Panel>
        <Tabs.Panel value="so-lieu" pt="md">
          <FiguresTab organization={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="san-pham" pt="md">
          <ProductsTab organization={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="qua-trinh" pt="md">
          <LifecycleTab organization={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="xuc-tien" pt="md">
          <Stack gap="xl">
            <CounterpartEvents kind="organization" id={id} />
            <CounterpartAgreements kind="organization" id={id} />
            <CounterpartSupply kind="organization" id={id} name={detail.name} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="lich-su" pt="md">
          <RecordHistory kind="organization" id={detail.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function OrganizationHeader({ organization }: { organization: OrganizationDetail }) {
  const { t } = useTranslation();
  const remove = useDeleteOrganization();
  const restore = useRestoreOrganization();

  const confirmDelete = useConfirmedDeletion({
    messages: {
      title: t('register.page.deleteTitle'),
      question: t('register.page.deleteConfirm', { name: organization.name }),
      deleted: t('register.page.deleted', { name: organization.name }),
      restored: t('register.trash.restored', { name: organization.name }),
    },
    remove: () => remove.mutateAsync({ id: organization.id }),
    restore: () => restore.mutateAsync({ id: organization.id }),
    list: 'thanh-vien',
    hrefOf: organizationHref,
  });

  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap">
      <Stack gap={6}>
        <Title order={2}>{organization.name}</Title>
        <Group gap="xs">
          <Badge variant="outline" tt="none">
            {t(`organization.kind.${organization.kind}`)}
          </Badge>
          <Badge variant="light" tt="none" color={statusColors[organization.status]}>
            {t(`organization.status.${organization.status}`)}
          </Badge>
          {organization.isMember && (
            <Badge variant="light" tt="none" color="blue">
              {t('register.page.member')}
            </Badge>
          )}
          {organization.otherProvinceName && (
            <Tooltip label={t('members.elsewhereHint', { province: unitNameInSentence(organization.otherProvinceName) })} multiline maw={320}>
              <Badge variant="light" tt="none" color="orange">
                {t('members.elsewhere')}
              </Badge>
            </Tooltip>
          )}
        </Group>
        <Text c="dimmed" size="sm">
          {organization.registrationNo
            ? `${t(`register.page.registrationNo.${organization.kind}`)}: ${organization.registrationNo}`
            : t(`register.page.noRegistrationNo.${organization.kind}`)}
          {' · '}
          {formatPlace(organization)}
          {organization.shortName && ` · ${organization.shortName}`}
        </Text>
      </Stack>
      <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={confirmDelete} loading={remove.isPending}>
        {t('register.page.delete')}
      </Button>
    </Group>
  );
}
