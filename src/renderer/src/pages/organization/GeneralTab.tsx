/**
 * Thông tin chung: the organization's details as the office reads them, edited in place with the
 * same form that adds one; then its contact people and its union links.
 */
import type { ReactNode, Ref } from 'react';
import { Button, DataList, Group, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { membershipEndsOn, type OrganizationDetail } from '../../../../shared/contract';
import { formatDate, formatMoney } from '../../../../shared/format';
import { OrganizationForm } from '../../components/OrganizationForm';
import { useEditInPlace } from '../../components/useEditInPlace';
import { useLookups } from '../../queries';
import { ContactsTab } from './ContactsTab';
import { UnionTab } from './UnionTab';

interface GeneralTabProps {
  organization: OrganizationDetail;
  provinceCode: string;
}

export function GeneralTab({ organization, provinceCode }: GeneralTabProps) {
  const { t } = useTranslation();
  const { editing, start, stop, formRef, editButtonRef } = useEditInPlace();

  return (
    <Stack gap="lg">
      {editing ? (
        <Paper withBorder p="md" ref={formRef}>
          <Title order={3} size="h4" mb="sm">
            {t('register.general.editTitle')}
          </Title>
          <OrganizationForm
            provinceCode={provinceCode}
            initial={organization}
            onCancel={stop}
            onSaved={(saved) => {
              stop();
              notifications.show({ color: 'teal', message: t('register.form.saved', { name: saved.name }) });
            }}
          />
        </Paper>
      ) : (
        <OrganizationDetails organization={organization} onEdit={start} editButtonRef={editButtonRef} />
      )}
      <ContactsTab organization={organization} />
      <UnionTab organization={organization} />
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h5" c="dimmed">
        {title}
      </Title>
      <DataList labelWidth={230}>{children}</DataList>
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

interface DetailsProps {
  organization: OrganizationDetail;
  onEdit: () => void;
  editButtonRef: Ref<HTMLButtonElement>;
}

function OrganizationDetails({ organization, onEdit, editButtonRef }: DetailsProps) {
  const { t } = useTranslation();
  const lookups = useLookups();
  const o = organization;
  const sector = lookups.data?.sectors.find((item) => item.code === o.sectorCode)?.name ?? o.sectorCode;
  const size = lookups.data?.sizeClasses.find((item) => item.code === o.sizeClass)?.name ?? o.sizeClass;
  const yesNo = (value: boolean) => (value ? t('register.yes') : t('register.no'));

  // Its membership ends when it leaves, or when it ends: the leaving day is then its end's.
  const leftOn = membershipEndsOn(o);
  const leftWhenEnded = leftOn !== null && leftOn === o.endedOn && leftOn !== o.memberUntil;
  const membership = o.isMember
    ? [t('register.page.member'), o.memberSince && t('register.general.since', { date: formatDate(o.memberSince) }), leftOn && t('register.general.until', { date: formatDate(leftOn) })]
        .filter(Boolean)
        .join(' ')
    : o.memberSince
      ? `${t('register.general.formerMember')} (${formatDate(o.memberSince)} – ${formatDate(leftOn)}${leftWhenEnded ? `, ${t('register.general.leftWhenEnded')}` : ''})`
      : t('register.general.notMember');

  return (
    <Paper withBorder p="md">
      <Group justify="flex-end" mb={-28}>
        <Button ref={editButtonRef} variant="light" leftSection={<IconPencil size={16} />} onClick={onEdit}>
          {t('register.general.edit')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl" verticalSpacing="lg">
        <Section title={t('register.form.general')}>
          <Item label={t('organization.form.kind')}>{t(`organization.kind.${o.kind}`)}</Item>
          <Item label={t('organization.form.name')}>{o.name}</Item>
          <Item label={t('organization.form.shortName')}>{o.shortName}</Item>
          <Item label={t(`organization.form.registrationNo.${o.kind}`)}>{o.registrationNo}</Item>
          <Item label={t('register.form.sector')}>{sector}</Item>
          <Item label={t('register.form.foundedOn')}>{formatDate(o.foundedOn)}</Item>
          <Item label={t('register.form.charterCapital')}>{o.charterCapital === null ? null : formatMoney(o.charterCapital)}</Item>
          <Item label={t('register.form.sizeClass')}>{size}</Item>
          <Item label={t('members.column.status')}>
            {t(`organization.status.${o.status}`)}
            {o.endedOn && ` (${formatDate(o.endedOn)})`}
          </Item>
        </Section>
        <Stack gap="lg">
          <Section title={t('register.form.address')}>
            <Item label={t('organization.form.commune')}>{o.communeName}</Item>
            <Item label={t('organization.form.street')}>{o.street}</Item>
            <Item label={t('register.form.oldAddress')}>{o.oldAddress}</Item>
          </Section>
          <Section title={t('register.form.contact')}>
            <Item label={t('register.form.representative')}>{o.representative}</Item>
            <Item label={t('register.form.phone')}>{o.phone}</Item>
            <Item label={t('register.form.email')}>{o.email}</Item>
            <Item label={t('register.form.website')}>{o.website}</Item>
          </Section>
          <Section title={t('register.form.traits')}>
            <Item label={t('register.form.membership')}>{membership}</Item>
            <Item label={t('register.form.highTech')}>{yesNo(o.highTech)}</Item>
            <Item label={t('register.form.valueChain')}>{yesNo(o.valueChain)}</Item>
          </Section>
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}
