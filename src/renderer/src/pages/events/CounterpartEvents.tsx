/** The events a member organization or a partner took part in, for its own page. */
import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { LoadError } from '../../components/LoadError';
import { useCounterpartEvents, useEventNames } from '../../queries/events';
import { eventHref } from '../../routing/useHashRoute';

const statusColor = { invited: 'gray', registered: 'blue', attended: 'teal', absent: 'red' } as const;

export function CounterpartEvents(counterpart: InputOf<'events:ofCounterpart'>) {
  const { t } = useTranslation();
  const names = useEventNames();
  const events = useCounterpartEvents(counterpart);
  return (
    <Stack gap="xs">
      <Title order={4} id="counterpart-events">
        {t('events.ofCounterpart.title')}
      </Title>
      {events.isError && <LoadError error={events.error} onRetry={() => void events.refetch()} />}
      {events.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('events.ofCounterpart.none')}
        </Text>
      )}
      {events.data && events.data.length > 0 && (
        <Table.ScrollContainer minWidth={600}>
          <Table striped aria-labelledby="counterpart-events">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('events.ofCounterpart.date')}</Table.Th>
                <Table.Th>{t('events.ofCounterpart.event')}</Table.Th>
                <Table.Th>{t('events.ofCounterpart.place')}</Table.Th>
                <Table.Th>{t('events.ofCounterpart.role')}</Table.Th>
                <Table.Th>{t('events.ofCounterpart.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.data.map((row) => (
                <Table.Tr key={row.participantId}>
                  <Table.Td>{formatDate(row.startsOn)}</Table.Td>
                  <Table.Td>
                    <Anchor href={eventHref(row.eventId)} size="sm">
                      {row.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {names.kind(row.kind)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{row.provinceName}</Table.Td>
                  <Table.Td>{names.role(row.role)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={statusColor[row.status]}>
                      {t(`events.status.${row.status}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
