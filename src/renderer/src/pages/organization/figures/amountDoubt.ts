/**
 * A money box of the figures (the form's and the year grid's cells) refuses a bare amount too
 * small to be meant in đồng (`doubtfulBareAmount`): «1.200» of a revenue typed from a report in
 * triệu. The message says what it would be stored as and what to type for either meaning.
 */
import type { TFunction } from 'i18next';
import { doubtfulBareAmount, type FigureField } from '../../../../../shared/contracts/figures';
import { formatCount } from './numbers';

/** `doubtBare` for a figure's box: why `typed` (read as `value` đồng) is doubted, or null. */
export function bareAmountDoubt(t: TFunction, field: FigureField): (value: number, typed: string) => string | null {
  return (value, typed) => {
    const multiple = doubtfulBareAmount(field, value);
    if (multiple === null) return null;
    return t('figures.bareAmount', {
      typed,
      field: t(`figures.field.${field}`).toLocaleLowerCase('vi'),
      multiple: t(multiple === 1_000 ? 'figures.multiple.thousand' : 'figures.multiple.million'),
      meant: formatCount(value * multiple),
    });
  };
}
