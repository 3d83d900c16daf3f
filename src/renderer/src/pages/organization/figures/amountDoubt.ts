/**
 * A money box of the figures (the form's and the year grid's cells) reads an amount as the Excel
 * import reads the same field (`figureAmountReading`), and refuses a bare amount too small to be
 * meant in đồng (`doubtfulBareAmount`): «1.200» of a revenue typed from a report in triệu. The
 * message says what it would be stored as and what to type for either meaning.
 */
import type { TFunction } from 'i18next';
import { doubtfulBareAmount, type FigureField } from '../../../../../shared/contracts/figures';
import { figureAmountWords, readFigureAmount } from '../../../../../shared/writtenAmounts';
import type { AmountReading } from '../../../components/NumberField';
import { formatCount } from './numbers';

/** `writtenAmounts` for a figure's money box: «lỗ 50 triệu» of a profit, «3,8 tr/tháng» of an income, «1,5 tỷ» of any. */
export function figureAmountReading(field: FigureField): AmountReading {
  const words = figureAmountWords[field];
  return (text) => readFigureAmount(text, words);
}

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
