/**
 * Keeping one record from being entered twice, the same way in the member, partner and agreement
 * forms. While the name, the place and the number (Mã số HTX, mã số thuế, số thỏa thuận) are
 * typed, possible duplicates are looked up. On save, the backend refuses a duplicate with a
 * conflict. Some cannot be saved (a Mã số HTX already taken); others the person may confirm are
 * another record — a near-identical name in the same place, an agreement number another agreement
 * has — and «Vẫn lưu» sends the save again saying so: for the member register, naming the records
 * the conflict listed (`similar`), so that one added since is asked about again.
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
  /** The person may confirm this one is another record and save anyway. */
  confirmable: boolean;
  existingId: number | undefined;
  /** The records of nearly the same name it was refused for, when the backend lists them; «Vẫn lưu» confirms these. */
  similar?: readonly SimilarRecord[];
}

interface DuplicateCheckedSave<Values, Input, Saved> {
  form: Pick<UseFormReturnType<Values>, 'onSubmit' | 'getValues' | 'setErrors'>;
  /** What to send for these values, or null when they cannot be sent (the schema has already said why). */
  inputOf: (values: Values) => Input | null;
  /** Creates or updates the record. */
  persist: (input: Input) => Promise<Saved>;
  onSaved: (saved: Saved) => void;
  /**
   * Whether a conflict over this input may be confirmed («Vẫn lưu»), given the record it names.
   * Absent: when the conflict lists the records of nearly the same name it was refused for (`similar`).
   */
  confirmable?: (input: Input, existingId: number | undefined) => Promise<boolean>;
  /** The input saying that the person confirmed, with the ids of the similar records they were shown. */
  confirmed: (input: Input, similarIds: number[]) => Input;
  /** Where the backend's field issues go (see `FieldPlaces`); the values' own keys unless said. */
  fieldPaths?: (values: Values) => FieldPlaces;
}

/**
 * The partner form's rule for `confirmable`: a near-identical name may be confirmed, a tax code
 * already taken may not. The conflict does not say which it is; the duplicate check's reason tells
 * them apart.
 */
export function similarNameConfirmable<Input>(
  findDuplicates: (input: Input) => Promise<readonly { id: number; reason: string; inTrash?: true }[]>,
  hasNumber: (input: Input) => boolean,
): (input: Input, existingId: number | undefined) => Promise<boolean> {
  return async (input, existingId) => {
    try {
      // Asked afresh: the conflict may come from a save made since the last check. One in the
      // trash refuses no save: the conflict is about a live one.
      const found = (await findDuplicates(input)).filter((item) => !item.inTrash);
      const candidate = found.find((item) => item.id === existingId) ?? found.find((item) => item.reason !== 'sameName');
      return candidate === undefined || candidate.reason === 'sameName';
    } catch {
      // Without the check, a taken number is the likelier conflict when a number was typed.
      return !hasNumber(input);
    }
  };
}

/** What the form needs: its onSubmit, the «Vẫn lưu» action, and what to show while and after saving. */
export function useSaveWithDuplicateCheck<Values extends object, Input, Saved>({
  form,
  inputOf,
  persist,
  onSaved,
  confirmable,
  confirmed,
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
        onSaved(await persist(confirmedIds ? confirmed(input, confirmedIds) : input));
        return true;
      } catch (error) {
        if (error instanceof ApiError && error.error.kind === 'conflict') {
          const { existingId, similar = [] } = error.error;
          const shown = {
            message: error.error.message,
            confirmable: confirmable ? await confirmable(input, existingId) : similar.length > 0,
            existingId,
            similar,
          };
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
