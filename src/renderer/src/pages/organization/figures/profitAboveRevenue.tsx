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

/** Focus on `element`, its text selected when it is a box: what is typed next replaces it. */
function focusWhole(element: HTMLElement): void {
  element.focus();
  if (element instanceof HTMLInputElement) element.select();
}

/**
 * Resolves true when the person chooses «Vẫn lưu», false for «Sửa lại» or closing. «Sửa lại» puts
 * the focus on `field`, the number just typed, to be corrected; «Vẫn lưu» where the person was
 * going when asked (`onwards`: in the year grid the cell Tab or Enter was leaving for, so typing
 * goes on there), else back on `field`.
 */
export function confirmProfitAboveRevenue({ year, revenue, profit }: Asked, field: HTMLElement | null, onwards: HTMLElement | null = null): Promise<boolean> {
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
        const next = accepted && onwards?.isConnected ? onwards : field;
        if (next) focusWhole(next);
      },
    }),
  );
}
