/**
 * Union links, dated: a liên hiệp HTX lists its member cooperatives and manages them; a
 * cooperative shows the unions it belongs (or belonged) to. Leaving is recorded with a date so the
 * history stays; removing a link is for mistakes only.
 */
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconPlus } from '@tabler/icons-react';
import { DataTable } from '../../components/DataTable';
import { useTranslation } from 'react-i18next';
import type { OrganizationDetail, UnionMembership } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { messageOf } from '../../api';
import { LabelledSelect } from '../../components/LabelledSelect';
import { isIsoDate } from '../../../../shared/typed';
import { DateField } from '../../components/DateField';
import { useOneSave } from '../../forms/oneSave';
import { useAddUnionMember, useEndUnionMembership, useOrganizationList, useRemoveUnionMember } from '../../queries';
import { organizationHref } from '../../routing/useHashRoute';

export function UnionTab({ organization }: { organization: OrganizationDetail }) {
  if (organization.kind === 'lhhtx') return <UnionMembers organization={organization} />;
  if (organization.kind === 'htx') return <MemberOfUnions organization={organization} />;
  return null;
}

function Period({ link }: { link: UnionMembership }) {
  const { t } = useTranslation();
  return link.leftOn ? (
    <>{formatDate(link.leftOn)}</>
  ) : (
    <Badge variant="light" color="teal" tt="none">
      {t('register.union.current')}
    </Badge>
  );
}

function MemberOfUnions({ organization }: { organization: OrganizationDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t('register.union.unionsTitle')}
      </Title>
      {organization.unions.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('register.union.noUnions')}
        </Text>
      ) : (
        <DataTable<UnionMembership>
          withTableBorder
          idAccessor="linkId"
          records={organization.unions}
          columns={[
            {
              accessor: 'unionName',
              title: t('register.union.union'),
              render: ({ unionId, unionName }) => <Anchor size="sm" href={organizationHref(unionId)}>{unionName}</Anchor>,
            },
            { accessor: 'joinedOn', title: t('register.union.joinedOn'), render: ({ joinedOn }) => formatDate(joinedOn) },
            { accessor: 'leftOn', title: t('register.union.leftOn'), render: (link) => <Period link={link} /> },
          ]}
        />
      )}
    </Paper>
  );
}

function UnionMembers({ organization }: { organization: OrganizationDetail }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<UnionMembership | null>(null);
  const remove = useRemoveUnionMember();

  const confirmRemove = (link: UnionMembership) =>
    modals.openConfirmModal({
      title: t('register.union.removeTitle'),
      children: <Text size="sm">{t('register.union.removeConfirm', { member: link.memberName })}</Text>,
      labels: { confirm: t('register.union.removeSubmit'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        remove.mutate(
          { linkId: link.linkId },
          {
            onSuccess: () => notifications.show({ color: 'teal', message: t('register.union.removed', { name: link.memberName }) }),
            onError: (error) => notifications.show({ color: 'red', message: messageOf(error, t('common.unexpectedError')) }),
          },
        ),
    });

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('register.union.membersTitle')}
        </Title>
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
          {t('register.union.add')}
        </Button>
      </Group>
      {organization.members.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('register.union.noMembers')}
        </Text>
      ) : (
        <DataTable<UnionMembership>
          withTableBorder
          striped
          idAccessor="linkId"
          records={organization.members}
          columns={[
            {
              accessor: 'memberName',
              title: t('register.union.member'),
              render: ({ memberId, memberName }) => <Anchor size="sm" href={organizationHref(memberId)}>{memberName}</Anchor>,
            },
            { accessor: 'memberCommuneName', title: t('register.union.commune') },
            { accessor: 'joinedOn', title: t('register.union.joinedOn'), render: ({ joinedOn }) => formatDate(joinedOn) },
            { accessor: 'leftOn', title: t('register.union.leftOn'), render: (link) => <Period link={link} /> },
            {
              accessor: 'actions',
              title: t('register.union.actions'),
              textAlign: 'right',
              render: (link) => (
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  {!link.leftOn && (
                    <Button size="compact-sm" variant="subtle" onClick={() => setEnding(link)}>
                      {t('register.union.end')}
                    </Button>
                  )}
                  <Button size="compact-sm" variant="subtle" color="red" onClick={() => confirmRemove(link)}>
                    {t('register.union.remove')}
                  </Button>
                </Group>
              ),
            },
          ]}
        />
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('register.union.addTitle')}>
        <AddMemberForm union={organization} onDone={() => setAdding(false)} />
      </Modal>
      <Modal
        opened={ending !== null}
        onClose={() => setEnding(null)}
        title={ending ? t('register.union.endTitle', { name: ending.memberName }) : ''}
      >
        {ending && <EndMembershipForm link={ending} onDone={() => setEnding(null)} />}
      </Modal>
    </Paper>
  );
}

function AddMemberForm({ union, onDone }: { union: OrganizationDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddUnionMember();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  const [memberId, setMemberId] = useState<string | null>(null);
  const [joinedOn, setJoinedOn] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const candidates = useOrganizationList({ ...(query ? { query } : {}), kinds: ['htx'], page: 1, pageSize: 30 });
  const current = new Set(union.members.filter((link) => !link.leftOn).map((link) => link.memberId));
  const options = (candidates.data?.rows ?? [])
    .filter((row) => !current.has(row.id))
    .map((row) => ({ value: String(row.id), label: `${row.name} — ${row.communeName}` }));

  const { saving, run } = useOneSave();
  const submit = () =>
    run(async () => {
      // A date the box could not read stays there with its message; nothing is sent.
      if (memberId === null || (joinedOn !== null && !isIsoDate(joinedOn))) return false;
      setError(null);
      try {
        const link = await add.mutateAsync({ unionId: union.id, memberId: Number(memberId), joinedOn });
        notifications.show({ color: 'teal', message: t('register.union.added', { name: link.memberName }) });
        onDone();
        return true;
      } catch (failure) {
        setError(messageOf(failure, t('common.unexpectedError')));
        return false;
      }
    });

  return (
    <Stack>
      <LabelledSelect
        label={t('register.union.choose')}
        placeholder={t('register.union.choosePlaceholder')}
        nothingFoundMessage={t('register.union.nothingFound')}
        required
        searchable
        // The backend has already searched, ignoring accents; the options are shown as they come.
        filter={({ options: shown }) => shown}
        searchValue={search}
        onSearchChange={setSearch}
        data={options}
        value={memberId}
        onChange={setMemberId}
      />
      <DateField label={t('register.union.joinedOnLabel')} value={joinedOn} onChange={setJoinedOn} />
      {error && (
        <Alert color="orange" icon={<IconAlertCircle />}>
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => void submit()} disabled={memberId === null} loading={saving}>
          {t('register.union.addSubmit')}
        </Button>
      </Group>
    </Stack>
  );
}

function EndMembershipForm({ link, onDone }: { link: UnionMembership; onDone: () => void }) {
  const { t } = useTranslation();
  const end = useEndUnionMembership();
  const [leftOn, setLeftOn] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const { saving, run } = useOneSave();
  const submit = () =>
    run(async () => {
      // A date the box could not read stays there with its message; nothing is sent.
      if (leftOn === null || !isIsoDate(leftOn)) return false;
      setError(null);
      try {
        await end.mutateAsync({ linkId: link.linkId, leftOn });
        notifications.show({ color: 'teal', message: t('register.union.ended', { name: link.memberName }) });
        onDone();
        return true;
      } catch (failure) {
        setError(messageOf(failure, t('common.unexpectedError')));
        return false;
      }
    });

  return (
    <Stack>
      <DateField label={t('register.union.leftOnLabel')} required value={leftOn} onChange={setLeftOn} />
      {error && (
        <Alert color="orange" icon={<IconAlertCircle />}>
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => void submit()} disabled={leftOn === null} loading={saving}>
          {t('register.union.endSubmit')}
        </Button>
      </Group>
    </Stack>
  );
}
