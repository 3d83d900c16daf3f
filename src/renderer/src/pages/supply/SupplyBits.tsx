/**
 * What every screen of supply–demand connection shows the same way: the status badge of an offer
 * or a demand, a quantity with what remains of it, a price or price range, a window of days, and
 * the header and the one facts grid of a record's page.
 */
import type { ReactNode } from 'react';
import { Badge, Button, Group, SimpleGrid, Stack, Text, Title, type MantineColor } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SupplyStatus } from '../../../../shared/domain';
import { formatDate, formatMoney, formatQuantity } from '../../../../shared/format';

export const supplyStatusColors: Record<SupplyStatus, MantineColor> = {
  open: 'blue',
  partly_connected: 'cyan',
  fully_connected: 'teal',
  withdrawn: 'gray',
  expired: 'orange',
};

/** The same status reads as an offer's ("Đang chào bán") or a demand's ("Chưa kết nối"). */
export function SupplyStatusBadge({ status, side, size }: { status: SupplyStatus; side: 'offer' | 'demand'; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" tt="none" size={size} color={supplyStatusColors[status]}>
      {t(`supply.status.${side}.${status}`)}
    </Badge>
  );
}

/**
 * "80 tấn", and under it what is left when some is connected: "còn 50 tấn". Nothing when nothing
 * is left: the status says it is fully connected.
 */
export function QuantityLeft({ quantity, remaining, unitName }: { quantity: number; remaining: number; unitName: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0}>
      <Text size="sm">{formatQuantity(quantity, unitName)}</Text>
      {remaining > 0 && remaining < quantity && (
        <Text size="xs" c="dimmed">
          {t('supply.remaining', { quantity: formatQuantity(remaining, unitName) })}
        </Text>
      )}
    </Stack>
  );
}

/**
 * "18.000.000 ₫ – 19.000.000 ₫/tấn", one price, the most a buyer pays ("đến 15.000 ₫/kg": Giá đến
 * alone), or nothing when none was given.
 */
export function priceRange(t: TFunction, priceMin: number | null, priceMax: number | null, unitName: string): string {
  if (priceMin === null) return priceMax === null ? '' : t('supply.priceUpTo', { price: `${formatMoney(priceMax)}/${unitName}` });
  const range = priceMax === null || priceMax === priceMin ? formatMoney(priceMin) : `${formatMoney(priceMin)} – ${formatMoney(priceMax)}`;
  return `${range}/${unitName}`;
}

/** "01/06/2026 – 31/07/2026", or "từ 01/06/2026" when the window has no end. */
export function useWindowText(): (from: string, until: string | null) => string {
  const { t } = useTranslation();
  return (from, until) => (until === null ? t('supply.windowFrom', { from: formatDate(from) }) : `${formatDate(from)} – ${formatDate(until)}`);
}

/** A label and its value on a record's page; an empty value says it was not given. */
export function Fact({ label, value }: { label: string; value: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {value === '' || value === null ? (
        <Text size="sm" c="dimmed">
          {t('supply.notGiven')}
        </Text>
      ) : typeof value === 'string' ? (
        <Text size="sm">{value}</Text>
      ) : (
        value
      )}
    </div>
  );
}

export function Facts({ children }: { children: ReactNode }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
      {children}
    </SimpleGrid>
  );
}

interface RecordHeaderProps {
  badges: ReactNode;
  title: string;
  subtitle: ReactNode;
  onEdit: () => void;
  onDelete: () => void;
  /** Buttons of this kind of record, between «Sửa» and «Xóa». */
  actions?: ReactNode;
}

/** The head of an offer's, a demand's or a programme's page: what it is, its name, and what is done to it. */
export function RecordHeader({ badges, title, subtitle, onEdit, onDelete, actions }: RecordHeaderProps) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" align="flex-start">
      <Stack gap={4}>
        <Group gap="xs">{badges}</Group>
        <Title order={2}>{title}</Title>
        <Text c="dimmed">{subtitle}</Text>
      </Stack>
      <Group gap="xs">
        <Button variant="default" leftSection={<IconPencil size={16} />} onClick={onEdit}>
          {t('supply.edit')}
        </Button>
        {actions}
        <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={onDelete}>
          {t('supply.delete')}
        </Button>
      </Group>
    </Group>
  );
}
