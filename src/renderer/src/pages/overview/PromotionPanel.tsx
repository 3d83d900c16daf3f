/**
 * The year's trade promotion and agreements on Tổng quan: events by kind, the provinces they were
 * held in, who came — HTX, THT, enterprises, other partners, each once — and the agreements signed
 * in the year with their value and how far they are carried out. The same figures as section II of
 * the trade-promotion report (see core/services/promotion.ts).
 */
import { Paper, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgreementsOfPeriod, PromotionFigures, PromotionLine } from '../../../../shared/contract';
import { formatDate, formatPercent } from '../../../../shared/format';
import { basisText } from '../agreements/AgreementBits';
import { formatCount, formatMoneyIn, moneyUnitFor } from '../organization/figures/numbers';

const countColumns = ['events', 'places', 'cooperatives', 'groups', 'enterprises', 'otherPartners'] as const;

interface PromotionPanelProps {
  year: number;
  promotion: PromotionFigures;
  agreements: AgreementsOfPeriod;
}

export function PromotionPanel({ year, promotion, agreements }: PromotionPanelProps) {
  const { t } = useTranslation();
  const cells = (line: Omit<PromotionLine, 'kind' | 'kindName'>) =>
    countColumns.map((column) => (
      <Table.Td key={column} ta="right">
        {formatCount(line[column])}
      </Table.Td>
    ));
  const { fulfilment } = agreements;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Text fw={600}>{t('overview.promotion.title', { year })}</Text>
        {promotion.byKind.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('overview.promotion.noEvents', { year })}
          </Text>
        ) : (
          <ScrollArea type="auto">
            <Table fz="sm" verticalSpacing={4} striped aria-label={t('overview.promotion.tableLabel', { year })}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('overview.promotion.kind')}</Table.Th>
                  {countColumns.map((column) => (
                    <Table.Th key={column} ta="right">
                      {t(`overview.promotion.column.${column}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {promotion.byKind.map((line) => (
                  <Table.Tr key={line.kind}>
                    <Table.Td>{line.kindName}</Table.Td>
                    {cells(line)}
                  </Table.Tr>
                ))}
                <Table.Tr fw={700}>
                  <Table.Td>{t('overview.promotion.total')}</Table.Td>
                  {cells(promotion.total)}
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
        <Text size="xs" c="dimmed">
          {t('overview.promotion.note')}
        </Text>
        {promotion.upcoming.events > 0 && (
          <Text size="sm" c="dimmed">
            {t('overview.promotion.upcoming', { count: promotion.upcoming.events, date: formatDate(promotion.upcoming.firstOn) })}
          </Text>
        )}
        <Text size="sm" aria-label={t('overview.promotion.agreementsLabel')}>
          {t('overview.promotion.agreements', {
            count: agreements.signed,
            signed: formatCount(agreements.signed),
            value: formatMoneyIn(agreements.value, moneyUnitFor(agreements.value), t),
          })}{' '}
          {fulfilment
            ? t('overview.promotion.fulfilment', { percent: formatPercent(fulfilment.percent), basis: basisText(t, fulfilment) })
            : t('overview.promotion.noCommitments')}
        </Text>
      </Stack>
    </Paper>
  );
}
