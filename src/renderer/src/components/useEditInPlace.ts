/**
 * A record's details edited in place, on its own page: the details give way to the form and back.
 * Focus follows — into the form's first field when editing starts, back to the edit button when
 * it ends — so that a keyboard user whose button has just disappeared is not dropped at the top
 * of the page.
 */
import { useEffect, useRef, useState } from 'react';

export function useEditInPlace() {
  const [editing, setEditing] = useState(false);
  /** Wraps the form; its field marked `data-autofocus` (else its first) gets the focus. */
  const formRef = useRef<HTMLDivElement>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  // Focus moves on a change the person made, not when the page first shows the details.
  const changed = useRef(false);

  useEffect(() => {
    if (!changed.current) return;
    if (editing) {
      const form = formRef.current;
      (form?.querySelector<HTMLElement>('[data-autofocus]') ?? form?.querySelector<HTMLElement>('input, textarea'))?.focus();
    } else {
      editButtonRef.current?.focus();
    }
  }, [editing]);

  const switchTo = (next: boolean) => {
    changed.current = true;
    setEditing(next);
  };
  return { editing, start: () => switchTo(true), stop: () => switchTo(false), formRef, editButtonRef };
}
