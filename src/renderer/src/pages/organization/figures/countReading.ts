/**
 * A count box (members, workers, managers) takes «14 người»: the number with the count's own unit
 * after it, read as the Excel import reads it (`countInWords`), and said beneath the box. Another
 * word («14 tấn», «khoảng 14») is left to the box, which refuses it.
 */
import type { TFunction } from 'i18next';
import { formatTypedNumber } from '../../../../../shared/typed';
import { countInWords, isCountField } from '../../../../../shared/writtenAmounts';
import type { UnitReading } from '../../../components/NumberField';

/** `readWithUnit` for a figure's box, or undefined when the figure is no count. */
export function countReading(t: TFunction, field: string): ((text: string) => UnitReading | null) | undefined {
  if (!isCountField(field)) return undefined;
  return (text) => {
    const count = countInWords(text, field);
    return count === null ? null : { value: count, decimals: 0, said: t('fields.number.readAsCount', { typed: text.trim(), count: formatTypedNumber(count) }) };
  };
}
