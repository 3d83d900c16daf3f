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
 * A key that types into a box (a digit, a dot, a correction), as opposed to one that ends what was
 * typed or answers (Enter, Tab, Space) or closes (Esc).
 */
function typesText(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  return (event.key.length === 1 && event.key !== ' ') || event.key === 'Backspace' || event.key === 'Delete';
}

/** How soon after a typed key an Enter, Tab or Space still ends the typing rather than answers. */
const TYPING_ON_MS = 1000;

/**
 * Resolves true when the person chooses «Vẫn lưu», false for «Sửa lại» or closing. «Sửa lại» puts
 * the focus on `field`, the number just typed, to be corrected; «Vẫn lưu» where the person was
 * going when asked (`onwards`: in the year grid the cell Tab or Enter was leaving for, so typing
 * goes on there), else back on `field`.
 *
 * A person entering a pile of paper forms types on without looking — a number, Enter, the next
 * number — so the question holds the keys from the moment it is asked. Until «Sửa lại» has the
 * focus (the dialog takes it a frame or two later) none reaches the grid or the form: the first
 * digit of the next number went into the cell below, which saved it as that row's profit when
 * the dialog took the focus away. And the Enter (or Tab) ending a number typed on is not taken as
 * the answer: as «Sửa lại» it put the number after it in this cell, saved there by the next Enter.
 * The question then says that what was typed was entered nowhere.
 */
export function confirmProfitAboveRevenue({ year, revenue, profit }: Asked, field: HTMLElement | null, onwards: HTMLElement | null = null): Promise<boolean> {
  let accepted = false;
  let answerable = false;
  let typedAt: number | null = null;
  const question = (typedOn: boolean) => (
    <>
      <Text size="sm">{i18next.t('figures.profitAboveRevenue.question', { year, profit: formatDong(profit), revenue: formatDong(revenue) })}</Text>
      {typedOn && (
        <Text size="sm" mt="sm" fw={500} c="orange.8">
          {i18next.t('figures.profitAboveRevenue.typedOn')}
        </Text>
      )}
    </>
  );
  return new Promise((answer) => {
    const holdKeys = (event: KeyboardEvent) => {
      const typing = typesText(event);
      const endsTyping = ['Enter', 'Tab', ' '].includes(event.key) && typedAt !== null && Date.now() - typedAt < TYPING_ON_MS;
      if (!answerable || endsTyping) {
        event.preventDefault();
        event.stopPropagation();
      }
      if (!typing) return;
      if (typedAt === null) modals.updateModal({ modalId, children: question(true) });
      typedAt = Date.now();
    };
    const modalId = modals.openConfirmModal({
      title: i18next.t('figures.profitAboveRevenue.title'),
      children: question(false),
      labels: { confirm: i18next.t('common.saveAnyway'), cancel: i18next.t('figures.profitAboveRevenue.correct') },
      confirmProps: { color: 'orange' },
      // Enter pressed on, as in the year grid, corrects rather than saves.
      cancelProps: {
        ...focusedFirst,
        onFocus: () => {
          answerable = true;
        },
      },
      returnFocus: false,
      onConfirm: () => {
        accepted = true;
      },
      // Called after onConfirm too, and on Sửa lại, Esc or a click outside.
      onClose: () => {
        document.removeEventListener('keydown', holdKeys, true);
        answer(accepted);
        const next = accepted && onwards?.isConnected ? onwards : field;
        if (next) focusWhole(next);
      },
    });
    // Before anything else hears the keys: the grid's cells and the form's fields listen below the document.
    document.addEventListener('keydown', holdKeys, true);
  });
}
