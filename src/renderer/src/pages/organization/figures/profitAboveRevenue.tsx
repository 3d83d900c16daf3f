/**
 * A profit above the revenue of its year (`profitAboveRevenue`) is almost always a zero typed too
 * many, yet it can be so (income besides the revenue): the figures form and the year grid ask
 * before saving it, as the lifecycle form asks before recording a name close to another's, and
 * take it when the person says it is right.
 */
import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import i18next from 'i18next';
import type { NumberFieldValue } from '../../../components/NumberField';
import { focusedFirst } from '../../../forms/unsavedChanges';
import { formatDong } from './numbers';

/** A number field's value as a figure: what it could not read is no figure yet. */
export function figureOf(value: NumberFieldValue): number | null {
  return typeof value === 'number' ? value : null;
}

interface Asked {
  year: number;
  revenue: number | null;
  profit: number | null;
}

/**
 * Resolves true when the person chooses «Vẫn lưu», false for «Sửa lại» or closing. Either way the
 * focus goes to `field`, the number just typed: to be corrected, or to go on from once saved
 * (rather than back to wherever it was when the question opened, which in the year grid may be
 * the next row's cell or nothing).
 */
export function confirmProfitAboveRevenue({ year, revenue, profit }: Asked, field: HTMLElement | null): Promise<boolean> {
  let accepted = false;
  return new Promise((answer) =>
    modals.openConfirmModal({
      title: i18next.t('figures.profitAboveRevenue.title'),
      children: <Text size="sm">{i18next.t('figures.profitAboveRevenue.question', { year, profit: formatDong(profit), revenue: formatDong(revenue) })}</Text>,
      labels: { confirm: i18next.t('common.saveAnyway'), cancel: i18next.t('figures.profitAboveRevenue.correct') },
      confirmProps: { color: 'orange' },
      // Enter pressed on, as in the year grid, corrects rather than saves.
      cancelProps: focusedFirst,
      returnFocus: false,
      onConfirm: () => {
        accepted = true;
      },
      // Called after onConfirm too, and on Sửa lại, Esc or a click outside.
      onClose: () => {
        answer(accepted);
        field?.focus();
        if (!accepted && field instanceof HTMLInputElement) field.select();
      },
    }),
  );
}
