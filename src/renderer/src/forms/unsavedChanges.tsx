/**
 * Typed work is never lost without a word. Every form says through its footer whether it holds
 * changes not yet saved (`FormFooter`'s `dirty`, from Mantine's `form.isDirty()`); while one does,
 * each way of leaving it asks first, "Bỏ các thay đổi chưa lưu?": closing its dialog (Escape, ✕, a
 * click beside it), its Hủy button, and moving to another address — a tab of the same record,
 * another area, Back (see `useHashRoute`). Leaving the page itself — reloading it, closing the
 * browser's tab or the app's window, opening another data file — asks too: the browser with its
 * own question, the desktop app with the same one (`src/main/index.ts`, told by `reportUnsaved`).
 */
import { createContext, useContext, useEffect, useState } from 'react';
import { Modal, Text, type ModalProps } from '@mantine/core';
import { modals } from '@mantine/modals';
import i18next from 'i18next';

/** The forms on screen with unsaved changes, each by a token of its own. */
const unsavedOnScreen = new Set<object>();

/** Whether leaving the page now would lose typed work. */
export function hasUnsavedChanges(): boolean {
  return unsavedOnScreen.size > 0;
}

/** The desktop shell, told whenever that changes; a browser has no shell to tell. */
function reportUnsaved(): void {
  window.api?.reportUnsaved(hasUnsavedChanges());
}

// Leaving the page while a form holds typed work: the browser (or the desktop shell, for a reload) asks first.
window.addEventListener('beforeunload', (event) => {
  if (hasUnsavedChanges()) event.preventDefault();
});

// Enter or Escape on the question keeps the work: the harmless answer is the one focused. Held
// in a variable because Mantine's button props do not list data attributes.
export const focusedFirst = { 'data-autofocus': true };

/**
 * Asks whether to throw the changes away; `discard` runs only on "Bỏ thay đổi". Plain i18next
 * rather than a hook, because the router asks too, outside any component.
 */
export function confirmDiscard(discard: () => void): void {
  modals.openConfirmModal({
    title: i18next.t('common.unsaved.title'),
    children: <Text size="sm">{i18next.t('common.unsaved.message')}</Text>,
    labels: { confirm: i18next.t('common.unsaved.discard'), cancel: i18next.t('common.unsaved.keepEditing') },
    confirmProps: { color: 'red' },
    cancelProps: focusedFirst,
    onConfirm: discard,
  });
}

/** Runs `leave`, which takes the forms on screen away (a tab held in the page), once any unsaved changes are given up. */
export function leaveForms(leave: () => void): void {
  if (hasUnsavedChanges()) confirmDiscard(leave);
  else leave();
}

/** The unsaved forms inside one dialog: only those matter when that dialog is closed. */
const DialogForms = createContext<Set<object> | null>(null);

/** Reports whether the calling form holds unsaved changes, for as long as it is on screen. */
export function useUnsavedChanges(unsaved: boolean): void {
  const dialog = useContext(DialogForms);
  useEffect(() => {
    if (!unsaved) return undefined;
    const token = {};
    unsavedOnScreen.add(token);
    dialog?.add(token);
    reportUnsaved();
    return () => {
      unsavedOnScreen.delete(token);
      dialog?.delete(token);
      reportUnsaved();
    };
  }, [unsaved, dialog]);
}

/** Mantine's Modal for a form: closing it while the form holds unsaved changes asks first. */
export function FormModal({ onClose, children, ...props }: ModalProps) {
  const [unsaved] = useState(() => new Set<object>());
  return (
    <Modal {...props} onClose={() => (unsaved.size > 0 ? confirmDiscard(onClose) : onClose())}>
      <DialogForms value={unsaved}>{children}</DialogForms>
    </Modal>
  );
}
