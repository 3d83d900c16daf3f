/**
 * Drives a Mantine Select as a person does: focus, type, pick. Mantine ignores changes to an
 * input that does not have focus (it takes them for browser autofill), so focusing matters.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';

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
  await waitFor(() => expect(shownOptions()).toContain(option));
  // Found again by role: the dropdown may re-render between the two reads while it opens.
  fireEvent.click(await screen.findByRole('option', { name: option }));
}
