/**
 * Numbers as a Vietnamese office reads them: dots between thousands, a comma before decimals, and
 * large sums of money in triệu / tỷ đồng. Used by the figures, the year grid and the overview.
 */
import type { TFunction } from 'i18next';
import { formatMoney } from '../../../../../shared/format';

const whole = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** A count: `17.234`; nothing for a missing value. */
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : whole.format(value);
}

/** Money in đồng, `1.234.567 ₫`; nothing for a missing value. */
export function formatDong(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : formatMoney(value);
}

/** Large money in tỷ / triệu đồng (`1,75 tỷ đồng`, `450 triệu đồng`), smaller in đồng. */
export function formatMoneyShort(value: number | null | undefined, t: TFunction): string {
  if (value === null || value === undefined) return '';
  const size = Math.abs(value);
  if (size >= 1e9) return t('figures.money.billion', { value: twoDecimals.format(value / 1e9) });
  if (size >= 1e6) return t('figures.money.million', { value: oneDecimal.format(value / 1e6) });
  return formatMoney(value);
}

/** A value in triệu đồng for a chart axis: `1.750`. */
export function toMillions(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : Math.round(value / 1e5) / 10;
}

export function formatDecimal(value: number): string {
  return oneDecimal.format(value);
}
