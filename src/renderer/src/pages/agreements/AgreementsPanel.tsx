/**
 * A short list of agreements inside another page (an event's, an organization's, a partner's):
 * each with its signing date, value, fulfilment and status, and the total value in đồng. A page
 * may add columns of its own (a party's part in each) and a line above the table.
 */
import type { ReactNode } from 'react';
import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AgreementSummary } from '../../../../shared/contract';
import { formatDate, formatMoney } from '../../../../shared/format';
import { LoadError } from '../../components/LoadError';
import { agreementHref } from '../../routing/useHashRoute';
import { AgreementStatusBadge, FulfilmentBar } from './AgreementBits';

export interface PanelColumn<T> {
  title: string;
  render: (row: T) => ReactNode;
}

interface AgreementsPanelProps<T extends AgreementSummary> {
  title: string;
  empty: string;
  query: UseQueryResult;
  rows: T[];
  /** Shown after the fulfilment column. */
  columns?: PanelColumn<T>[];
  /** A line above the table. */
  summary?: ReactNode;
}

export function AgreementsPanel<T extends AgreementSummary>({ title, empty, query, rows, columns = [], summary }: AgreementsPanelProps<T>) {
  const { t } = useTranslation();
  const totalValue = rows.reduce((sum, row) => sum + (row.totalValue ?? 0), 0);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3}>{title}</Title>
        {query.isError ? (
          <LoadError error={query.error} onRetry={() => void query.refetch()} />
        ) : query.isPending ? (
          <Text size="sm" c="dimmed">
            {t('common.loading')}
          </Text>
        ) : rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        ) : (
          <>
            {summary}
            <Table.ScrollContainer minWidth={640}>
              <Table striped verticalSpacing="xs" aria-label={title}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('agreements.column.title')}</Table.Th>
                    <Table.Th>{t('agreements.column.signedOn')}</Table.Th>
                    <Table.Th ta="right">{t('agreements.column.value')}</Table.Th>
                    <Table.Th>{t('agreements.column.fulfilment')}</Table.Th>
                    {columns.map((column) => (
                      <Table.Th key={column.title}>{column.title}</Table.Th>
                    ))}
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
                        <FulfilmentBar
                          fulfilment={row.fulfilment}
                          basis={row.fulfilmentBasis}
                          unvalued={row.fulfilmentUnvalued}
                          unvaluedShort={row.fulfilmentUnvaluedShort}
                        />
                      </Table.Td>
                      {columns.map((column) => (
                        <Table.Td key={column.title}>{column.render(row)}</Table.Td>
                      ))}
                      {/* Wide enough for "Đang thực hiện" whole: a cut status reads as another. */}
                      <Table.Td miw={130}>
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
