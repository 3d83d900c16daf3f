/**
 * Keeping one record from being entered twice, the same way in every form that saves one (member,
 * partner, agreement, plan, offer, demand, event). While the name, the place and the number (Mã số
 * HTX, mã số thuế, số thỏa thuận) are typed, possible duplicates are looked up. On save, the
 * backend refuses a duplicate with a conflict. Some cannot be saved (a Mã số HTX already taken);
 * others the person may confirm are another record — a near-identical name in the same place, an
 * agreement number another agreement has, a year plan of the same scope, an open offer of the same
 * goods — and the conflict lists them (`similar`): «Vẫn lưu» sends the save again naming those
 * (`confirmedSimilarIds`), so that one added since is asked about again.
 */
import { useMemo, useState } from 'react';
import type { UseFormReturnType } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { registrationNoPattern } from '../../../shared/contract';
import type { SimilarRecord } from '../../../shared/errors';
import { cleanText } from '../../../shared/text';
import { ApiError } from '../api';
import { bringFirstInvalidIntoView, showFirstInvalid, useOneSave } from './oneSave';
import { useServerRefusal, type FieldPlaces } from './serverErrors';

/** Long enough not to ask on every keystroke, short enough to warn before the form is finished. */
export const typingPauseMs = 400;

/** What identifies a record in its duplicate check: its name, its place (commune, province) and its number. */
export interface TypedIdentity {
  name: string;
  place: string;
  /** A complete number, or '' while none is typed or it is half-typed. */
  number: string;
}

/**
 * What has been typed, once typing pauses and there is enough to ask about: a name and a place.
 * Null asks nothing.
 */
export function useTypedIdentity(name: string, place: string | null, number: string): TypedIdentity | null {
  // Kept the same object while nothing changes: a new one each render would restart the wait.
  const typed = useMemo(() => ({ name: cleanText(name), place, number: number.replace(/\s/g, '') }), [name, place, number]);
  const [settled] = useDebouncedValue(typed, typingPauseMs);
  if (settled.name === '' || settled.place === null) return null;
  // A half-typed number would only be refused by the check's schema.
  return { name: settled.name, place: settled.place, number: registrationNoPattern.test(settled.number) ? settled.number : '' };
}

/** A save refused as a duplicate, as the backend said it, with the record it duplicates. */
export interface SaveConflict {
  message: string;
  /** The person may confirm this one is another record and save anyway: the conflict lists the records it may be. */
  confirmable: boolean;
  existingId: number | undefined;
  /** The records it was refused for as possibly the same one, when the backend lists them; «Vẫn lưu» confirms these. */
  similar?: readonly SimilarRecord[];
}

/** An input a conflict may be confirmed for, naming the records the person was shown. */
interface Confirmable {
  confirmedSimilarIds?: number[];
}

interface DuplicateCheckedSave<Values, Input extends Confirmable, Saved> {
  form: Pick<UseFormReturnType<Values>, 'onSubmit' | 'getValues' | 'setErrors'>;
  /** What to send for these values, or null when they cannot be sent (the schema has already said why). */
  inputOf: (values: Values) => Input | null;
  /** Creates or updates the record. */
  persist: (input: Input) => Promise<Saved>;
  onSaved: (saved: Saved) => void;
  /** Where the backend's field issues go (see `FieldPlaces`); the values' own keys unless said. */
  fieldPaths?: (values: Values) => FieldPlaces;
}

/** What the form needs: its onSubmit, the «Vẫn lưu» action, and what to show while and after saving. */
export function useSaveWithDuplicateCheck<Values extends object, Input extends Confirmable, Saved>({
  form,
  inputOf,
  persist,
  onSaved,
  fieldPaths,
}: DuplicateCheckedSave<Values, Input, Saved>) {
  const { saving, run } = useOneSave();
  const { formError, refuse, clear } = useServerRefusal(form, fieldPaths);
  // With the input it refused: «Vẫn lưu» confirms only what the person saw refused.
  const [conflict, setConflict] = useState<{ refused: string; conflict: SaveConflict } | null>(null);
  // The form of the last submit: a refusal at a field is brought into view there, «Vẫn lưu» included.
  const [formElement, setFormElement] = useState<HTMLFormElement | null>(null);

  // `confirmedIds`: the similar records the person confirmed, null for a save not confirmed.
  const save = (values: Values, confirmedIds: number[] | null, submitted?: HTMLFormElement) =>
    run(async () => {
      const input = inputOf(values);
      if (input === null) return false;
      clear();
      setConflict(null);
      try {
        // What the person typed, as typed: the backend cleans it with the same schema.
        onSaved(await persist(confirmedIds ? { ...input, confirmedSimilarIds: confirmedIds } : input));
        return true;
      } catch (error) {
        if (error instanceof ApiError && error.error.kind === 'conflict') {
          const { existingId, similar = [] } = error.error;
          // A conflict that lists none (a Mã số HTX or a mã số thuế taken) cannot be confirmed.
          const shown = { message: error.error.message, confirmable: similar.length > 0, existingId, similar };
          setConflict({ refused: JSON.stringify(input), conflict: shown });
          return false;
        }
        refuse(error, values);
        const shown = submitted ?? formElement;
        if (shown) bringFirstInvalidIntoView(shown);
        return false;
      }
    });

  // Once what is typed changes, the conflict and its «Vẫn lưu» go: the matches of the new name or
  // place were not seen, and a save asks about them afresh.
  const current = conflict && conflict.refused === JSON.stringify(inputOf(form.getValues())) ? conflict.conflict : null;

  return {
    submit: form.onSubmit((values, event) => {
      const submitted = event?.currentTarget;
      setFormElement(submitted ?? null);
      return save(values, null, submitted);
    }, showFirstInvalid),
    saveAnyway: () => {
      if (current) void save(form.getValues(), (current.similar ?? []).map((record) => record.id));
    },
    conflict: current,
    saving,
    /** A refusal that belongs to no single field. */
    formError,
  };
}
