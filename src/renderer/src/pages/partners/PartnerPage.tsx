/**
 * One partner: who it is at a glance (name, kind, tax code, province), then its record in tabs —
 * Thông tin (edited in place with the form that adds one) and Lịch sử thay đổi. The tabs are a list
 * so that the events and agreements a partner took part in can join them.
 */
import { useState, type ReactNode } from 'react';
import { Anchor, Badge, Button, Center, DataList, Group, Loader, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CounterpartAgreements } from '../agreements/CounterpartAgreements';
import { CounterpartEvents } from '../events/CounterpartEvents';
import { CounterpartSupply } from '../supply/CounterpartSupply';
import type { PartnerDetail } from '../../../../shared/contract';
import { LoadError } from '../../components/LoadError';
import { useEditInPlace } from '../../components/useEditInPlace';
import { leaveForms } from '../../forms/unsavedChanges';
import { useConfirmedDeletion } from '../../components/useConfirmedDeletion';
import { useDeletePartner, usePartner, usePartnerTies, useRestorePartner } from '../../queries/partners';
import { hrefOf, partnerHref } from '../../routing/useHashRoute';
import { PartnerForm } from './PartnerForm';
import { RecordHistory } from '../../components/RecordHistory';

const partnerTabs = ['info', 'activity', 'history'] as const;
type PartnerTab = (typeof partnerTabs)[number];

function isTab(value: string | null): value is PartnerTab {
  return partnerTabs.some((tab) => tab === value);
}

export function PartnerPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const partner = usePartner(id);
  const [tab, setTab] = useState<PartnerTab>('info');

  const back = (
    <Anchor href={hrefOf('doi-tac')} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} />
        {t('partners.page.back')}
      </Group>
    </Anchor>
  );

  if (partner.isPending) {
    return (
      <Stack>
        {back}
        <Center mih={200}>
          <Loader aria-label={t('common.loading')} />
        </Center>
      </Stack>
    );
  }
  if (partner.isError) {
    return (
      <Stack>
        {back}
        <LoadError error={partner.error} onRetry={() => void partner.refetch()} />
      </Stack>
    );
  }
  const detail = partner.data;

  return (
    <Stack>
      {back}
      <PartnerHeader partner={detail} />
      <Tabs
        value={tab}
        onChange={(next) => {
          // The tab is held here, not in the address, so the router cannot guard this move.
          if (isTab(next)) leaveForms(() => setTab(next));
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('partners.page.tabs')}>
          {partnerTabs.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`partners.page.tab.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="info" pt="md">
          <PartnerInfo partner={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="activity" pt="md">
          <Stack gap="xl">
            <CounterpartEvents kind="partner" id={detail.id} />
            <CounterpartAgreements kind="partner" id={detail.id} />
            <CounterpartSupply kind="partner" id={detail.id} name={detail.name} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <RecordHistory kind="partner" id={detail.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function PartnerHeader({ partner }: { partner: PartnerDetail }) {
  const { t } = useTranslation();
  const remove = useDeletePartner();
  const restore = useRestorePartner();
  const ties = usePartnerTies(partner.id).data;

  // What it still has under way, and what becomes of it: moving it is allowed, the trash restores it.
  const agreements = ties?.agreementsInForce ?? 0;
  const demands = ties?.openDemands ?? 0;
  const tiesText = [
    agreements > 0 && demands > 0 ? t('partners.page.ties.both', { agreements, demands }) : null,
    agreements > 0 && demands === 0 ? t('partners.page.ties.agreements', { agreements }) : null,
    agreements === 0 && demands > 0 ? t('partners.page.ties.demands', { demands }) : null,
    agreements > 0 ? t('partners.page.ties.agreementsStay') : null,
    demands > 0 ? t('partners.page.ties.demandsHidden') : null,
  ].filter((sentence) => sentence !== null);

  const confirmDelete = useConfirmedDeletion({
    messages: {
      title: t('partners.page.deleteTitle'),
      question: [...tiesText, t('partners.page.deleteConfirm', { name: partner.name })].join(' '),
      deleted: t('partners.page.deleted', { name: partner.name }),
      restored: t('register.trash.restored', { name: partner.name }),
    },
    remove: () => remove.mutateAsync({ id: partner.id }),
    restore: () => restore.mutateAsync({ id: partner.id }),
    list: 'doi-tac',
    hrefOf: partnerHref,
  });

  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap">
      <Stack gap={6}>
        <Title order={2}>{partner.name}</Title>
        <Group gap="xs">
          <Badge variant="outline" tt="none">
            {t(`partners.kind.${partner.kind}`)}
          </Badge>
          {partner.businessLine && (
            <Badge variant="light" tt="none">
              {t(`partners.businessLine.${partner.businessLine}`)}
            </Badge>
          )}
        </Group>
        <Text c="dimmed" size="sm">
          {partner.taxCode ? `${t('partners.page.taxCode')}: ${partner.taxCode}` : t('partners.page.noTaxCode')}
          {' · '}
          {partner.provinceName}
          {partner.shortName && ` · ${partner.shortName}`}
        </Text>
      </Stack>
      <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={confirmDelete} loading={remove.isPending}>
        {t('register.page.delete')}
      </Button>
    </Group>
  );
}

function PartnerInfo({ partner }: { partner: PartnerDetail }) {
  const { t } = useTranslation();
  const { editing, start, stop, formRef, editButtonRef } = useEditInPlace();

  if (editing) {
    return (
      <Paper withBorder p="md" ref={formRef}>
        <Title order={3} size="h4" mb="sm">
          {t('partners.form.editTitle')}
        </Title>
        <PartnerForm
          initial={partner}
          onCancel={stop}
          onSaved={(saved) => {
            stop();
            notifications.show({ color: 'teal', message: t('partners.saved', { name: saved.name }) });
          }}
        />
      </Paper>
    );
  }

  const p = partner;
  return (
    <Paper withBorder p="md">
      <Group justify="flex-end" mb={-28}>
        <Button ref={editButtonRef} variant="light" leftSection={<IconPencil size={16} />} onClick={start}>
          {t('partners.page.edit')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl" verticalSpacing="lg">
        <Stack gap="lg">
          <Section title={t('partners.form.general')}>
            <Item label={t('partners.form.kind')}>{t(`partners.kind.${p.kind}`)}</Item>
            {p.kind === 'enterprise' && (
              <Item label={t('partners.form.businessLine')}>{p.businessLine && t(`partners.businessLine.${p.businessLine}`)}</Item>
            )}
            <Item label={t('partners.form.name')}>{p.name}</Item>
            <Item label={t('partners.form.shortName')}>{p.shortName}</Item>
            <Item label={t('partners.form.taxCode')}>{p.taxCode}</Item>
          </Section>
          <Section title={t('partners.form.trade')}>
            <Item label={t('partners.form.buys')}>{p.buys}</Item>
            <Item label={t('partners.form.qualityRequirements')}>{p.qualityRequirements}</Item>
            <Item label={t('partners.form.note')}>{p.note}</Item>
          </Section>
        </Stack>
        <Section title={t('partners.form.contact')}>
          <Item label={t('partners.form.province')}>{p.provinceName}</Item>
          <Item label={t('partners.form.address')}>{p.address}</Item>
          <Item label={t('partners.form.contactName')}>{p.contactName}</Item>
          <Item label={t('partners.form.contactRole')}>{p.contactRole}</Item>
          <Item label={t('partners.form.phone')}>{p.phone}</Item>
          <Item label={t('partners.form.email')}>{p.email}</Item>
          <Item label={t('partners.form.website')}>{p.website}</Item>
        </Section>
      </SimpleGrid>
    </Paper>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h5" c="dimmed">
        {title}
      </Title>
      <DataList labelWidth={190}>{children}</DataList>
    </Stack>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  const empty = children === null || children === undefined || children === '';
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue c={empty ? 'dimmed' : undefined}>{empty ? t('register.general.notEntered') : children}</DataList.ItemValue>
    </DataList.Item>
  );
}
