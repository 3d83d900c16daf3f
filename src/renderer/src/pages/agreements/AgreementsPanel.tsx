/**
 * A short list of agreements inside another page (an event's, an organization's, a partner's):
 * each with its signing date, value, fulfilment and status, and the total value in đồng.
 */
import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AgreementSummary } from '../../../../shared/contract';
import { formatDate, formatMoney } from '../../../../shared/format';
import { LoadError } from '../../components/LoadError';
import { agreementHref } from '../../routing/useHashRoute';
import { AgreementStatusBadge, FulfilmentBar } from './AgreementBits';

interface AgreementsPanelProps {
  title: string;
  empty: string;
  agreements: UseQueryResult<AgreementSummary[]>;
}

export function AgreementsPanel({ title, empty, agreements }: AgreementsPanelProps) {
  const { t } = useTranslation();
  const rows = agreements.data ?? [];
  const totalValue = rows.reduce((sum, row) => sum + (row.totalValue ?? 0), 0);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3}>{title}</Title>
        {agreements.isError ? (
          <LoadError error={agreements.error} onRetry={() => void agreements.refetch()} />
        ) : agreements.isPending ? (
          <Text size="sm" c="dimmed">
            {t('common.loading')}
          </Text>
        ) : rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        ) : (
          <>
            <Table.ScrollContainer minWidth={640}>
              <Table striped verticalSpacing="xs" aria-label={title}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('agreements.column.title')}</Table.Th>
                    <Table.Th>{t('agreements.column.signedOn')}</Table.Th>
                    <Table.Th ta="right">{t('agreements.column.value')}</Table.Th>
                    <Table.Th>{t('agreements.column.fulfilment')}</Table.Th>
                    <Table.Th>{t('agreements.column.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.id}>
                      <Table.Td>
                        <Anchor size="sm" href={agreementHref(row.id)}>
                          {row.title}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {[row.number, t(`agreements.kind.${row.kind}`)].filter(Boolean).join(' · ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>{row.signedOn ? formatDate(row.signedOn) : t('agreements.notSigned')}</Table.Td>
                      <Table.Td ta="right">{row.totalValue === null ? '' : formatMoney(row.totalValue)}</Table.Td>
                      <Table.Td>
                        <FulfilmentBar fulfilment={row.fulfilment} />
                      </Table.Td>
                      <Table.Td>
                        <AgreementStatusBadge status={row.status} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text size="sm" fw={500} ta="right">
              {t('agreements.panel.totalValue', { value: formatMoney(totalValue) })}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
