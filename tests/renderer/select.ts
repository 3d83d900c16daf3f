/**
 * Drives a Mantine Select as a person does: focus, type, pick. Mantine ignores changes to an
 * input that does not have focus (it takes them for browser autofill), so focusing matters.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';

export function typeInto(combobox: HTMLElement, search: string): void {
  combobox.focus();
  fireEvent.click(combobox);
  fireEvent.change(combobox, { target: { value: search } });
}

/** The labels of the options the dropdown shows now. */
export function shownOptions(): (string | null)[] {
  return screen.queryAllByRole('option').map((option) => option.textContent);
}

export async function choose(combobox: HTMLElement, search: string, option: string): Promise<void> {
  typeInto(combobox, search);
  // A form re-rendering as it validates may close the dropdown just opened: as a person would, it
  // is opened again until the option can be clicked.
  await waitFor(() => {
    if (!shownOptions().includes(option)) typeInto(combobox, search);
    fireEvent.click(screen.getByRole('option', { name: option }));
  });
}
