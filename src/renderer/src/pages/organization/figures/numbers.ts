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

/** The unit a card writes all its money in, so that "4,7 triệu đồng" never sits next to "▲ 107.831 ₫". */
export type MoneyUnit = 'billion' | 'million' | 'dong';

/** The unit that suits `value`: tỷ from a billion, triệu from a million, else đồng. */
export function moneyUnitFor(value: number | null | undefined): MoneyUnit {
  const size = Math.abs(value ?? 0);
  return size >= 1e9 ? 'billion' : size >= 1e6 ? 'million' : 'dong';
}

/** One significant digit: what a sum too small for its unit's decimals keeps (`0,04`). */
const firstDigit = new Intl.NumberFormat('vi-VN', { maximumSignificantDigits: 1 });

/** `amount` with `decimals`, or with its first digit when those would write a sum that is not 0 as 0. */
function scaled(amount: number, decimals: Intl.NumberFormat): string {
  const written = decimals.format(amount);
  return amount !== 0 && /^-?0$/.test(written) ? firstDigit.format(amount) : written;
}

/**
 * Money in the unit given: `0,1 triệu đồng` for a change of 107.831 on a card in triệu, and
 * `0,04 triệu đồng` for one of 40.000, which one decimal would write as 0.
 */
export function formatMoneyIn(value: number, unit: MoneyUnit, t: TFunction): string {
  if (unit === 'billion') return t('figures.money.billion', { value: scaled(value / 1e9, twoDecimals) });
  if (unit === 'million') return t('figures.money.million', { value: scaled(value / 1e6, oneDecimal) });
  return formatMoney(value);
}

/** Every decimal an amount in triệu or tỷ has: a planned figure is written exactly (`4,89 triệu đồng`). */
const allDecimals = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 9 });

/** Money in the unit given, as many decimals as the amount has: what was decided, not rounded. */
export function formatMoneyExactIn(value: number, unit: MoneyUnit, t: TFunction): string {
  if (unit === 'billion') return t('figures.money.billion', { value: allDecimals.format(value / 1e9) });
  if (unit === 'million') return t('figures.money.million', { value: allDecimals.format(value / 1e6) });
  return formatMoney(value);
}

/** A value in triệu đồng for a chart axis: `1.750`. */
export function toMillions(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : Math.round(value / 1e5) / 10;
}

export function formatDecimal(value: number): string {
  return oneDecimal.format(value);
}
