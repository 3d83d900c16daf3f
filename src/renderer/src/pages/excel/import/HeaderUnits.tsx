/**
 * Above the preview's rows: the columns whose header names the unit their numbers are in
 * («Vốn điều lệ (triệu đồng)», «Sản lượng (tấn)»), one line each with what a number written there
 * is stored as — so that a clerk who typed «1,5» sees before writing that it is 1.500.000 ₫.
 */
import { Alert, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../../shared/contract';
import { formatMoney } from '../../../../../shared/format';

/** The multiples of the đồng a header names (core's `scaleOfHeader`), by their message key. */
const multipleKeys: Readonly<Record<number, 'thousand' | 'million' | 'billion'>> = { 1_000: 'thousand', 1_000_000: 'million', 1_000_000_000: 'billion' };

export function HeaderUnits({ columns }: { columns: ImportPreview['columns'] }) {
  const { t } = useTranslation();
  const lines = columns.flatMap((column) => {
    const named = { letter: column.letter, header: column.header };
    const key = column.multiple === undefined ? undefined : multipleKeys[column.multiple];
    if (column.multiple !== undefined && key !== undefined) {
      return [t('excel.import.headerUnits.money', { ...named, multiple: t(`excel.import.headerUnits.multiples.${key}`), example: formatMoney(1.5 * column.multiple) })];
    }
    return column.unit === undefined ? [] : [t('excel.import.headerUnits.quantity', { ...named, unit: column.unit })];
  });
  if (lines.length === 0) return null;
  return (
    <Alert color="blue" icon={<IconInfoCircle />} title={t('excel.import.headerUnits.title')}>
      <Stack gap={2}>
        {lines.map((line) => (
          <Text key={line} size="sm">
            {line}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
