/**
 * One save per intention. Enter pressed twice in a dialog, or a save button clicked twice, sends
 * one save: a second one is ignored while the first is on its way, and after a save that closes
 * the form none is sent again (the form may stay on screen a moment while it closes). The save
 * button is disabled meanwhile — at once, not when TanStack Query next tells the screen that the
 * mutation is pending, which comes a task later, after a second Enter may already have arrived.
 */
import { useRef, useState, type SyntheticEvent } from 'react';
import type { UseFormReturnType } from '@mantine/form';
import { useServerRefusal, type FieldPlaces } from './serverErrors';

interface OneSaveOptions {
  /** The form stays open for another entry after a save (a follow-up note): it may save again. */
  again?: boolean;
}

/**
 * `run(save)` runs one save at a time. `save` resolves true when it saved, false when the backend
 * refused (the person corrects and saves again); it must not throw.
 */
export function useOneSave({ again = false }: OneSaveOptions = {}) {
  const busy = useRef(false);
  const [saving, setSaving] = useState(false);
  const run = async (save: () => Promise<boolean>): Promise<void> => {
    if (busy.current) return;
    busy.current = true;
    setSaving(true);
    let saved = false;
    try {
      saved = await save();
    } finally {
      if (!saved || again) {
        busy.current = false;
        setSaving(false);
      }
    }
  };
  return { saving, run };
}

/**
 * When the schema refuses a submit, the first field it marked is brought into view and focused
 * (a date field only into view): in a form longer than the screen, whose save button stays in view,
 * the person sees what to correct.
 */
export function showFirstInvalid(_errors: unknown, _values: unknown, event: SyntheticEvent<HTMLFormElement> | undefined): void {
  // Read now: React clears the event's currentTarget once the handler returns.
  const form = event?.currentTarget;
  if (form) bringFirstInvalidIntoView(form);
}

/**
 * The first field marked in `form` brought into view and focused, as `showFirstInvalid` does: also
 * after the backend has refused a save at a field (a member ended before the offer's first day,
 * said under «Tổ chức có hàng» at the top of a dialog scrolled to its button).
 */
export function bringFirstInvalidIntoView(form: HTMLFormElement): void {
  // After React has rendered the messages and marked the fields.
  requestAnimationFrame(() => {
    const field = form.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.scrollIntoView({ block: 'center' });
    // A date field opens its calendar on focus, and a list one types into (a picker) its options,
    // over the message that says what is wrong.
    const opensOnFocus = field?.hasAttribute('data-dates-input') || (field?.getAttribute('role') === 'combobox' && !field.hasAttribute('readonly'));
    if (field && !opensOnFocus) field.focus({ preventScroll: true });
  });
}

interface FormSave<Values, Saved> extends OneSaveOptions {
  form: Pick<UseFormReturnType<Values>, 'onSubmit' | 'setErrors'>;
  /** Sends the values; rejects with what the backend refused. */
  save: (values: Values) => Promise<Saved>;
  /**
   * Asked once the schema has passed, before anything is sent: a warning the person may accept
   * (profit above revenue). False sends nothing; the person corrects and saves again.
   */
  confirm?: (values: Values) => Promise<boolean>;
  onSaved: (saved: Saved) => void;
  /** Where the backend's field issues go (see `FieldPlaces`); the values' own keys unless said. */
  fieldPaths?: (values: Values) => FieldPlaces;
}

/**
 * The save of a form: after its schema has passed, sends once, and puts the backend's refusal under
 * the fields it names and the rest above the buttons (`formError`).
 */
export function useFormSave<Values extends object, Saved>({ form, save, confirm, onSaved, fieldPaths, again }: FormSave<Values, Saved>) {
  const { saving, run } = useOneSave({ again });
  const { formError, refuse, clear } = useServerRefusal(form, fieldPaths);
  const submit = form.onSubmit((values, event) => {
    // Read now: React clears the event's currentTarget once the handler returns.
    const formElement = event?.currentTarget;
    return run(async () => {
      if (confirm && !(await confirm(values))) return false;
      clear();
      try {
        onSaved(await save(values));
        return true;
      } catch (error) {
        refuse(error, values);
        if (formElement) bringFirstInvalidIntoView(formElement);
        return false;
      }
    });
  }, showFirstInvalid);
  return { submit, saving, formError };
}
