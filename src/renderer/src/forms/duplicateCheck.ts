/**
 * Keeping one record from being entered twice, the same way in the member and partner forms.
 * While the name, the place and the number (Mã số HTX, mã số thuế) are typed, possible duplicates
 * are looked up. On save, the backend refuses two kinds of duplicate with a conflict: a number
 * already taken, which cannot be saved, and a near-identical name in the same place, which the
 * person may confirm is another record («Vẫn lưu» sends the save again with confirmSimilarName).
 */
import { useMemo, useState } from 'react';
import type { UseFormReturnType } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { registrationNoPattern } from '../../../shared/contract';
import { cleanText } from '../../../shared/text';
import { ApiError } from '../api';
import { splitServerError } from './serverErrors';

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
  /** A near-identical name, which the person may confirm; otherwise the number is taken. */
  similarName: boolean;
  existingId: number | undefined;
}

interface DuplicateCheckedSave<Values, Input, Saved> {
  form: Pick<UseFormReturnType<Values>, 'onSubmit' | 'getValues' | 'setErrors'>;
  /** What to send for these values, or null when they cannot be sent (the schema has already said why). */
  inputOf: (values: Values) => Input | null;
  /** Creates or updates the record. */
  persist: (input: Input) => Promise<Saved>;
  onSaved: (saved: Saved) => void;
  /** The area's duplicate check for what is being saved. */
  findDuplicates: (input: Input) => Promise<readonly { id: number; reason: string }[]>;
  /** Whether a number was typed: then a taken number is the likelier conflict if the check cannot be asked. */
  hasNumber: (input: Input) => boolean;
}

/** What the form needs: its onSubmit, the «Vẫn lưu» action, and what to show when a save is refused. */
export function useSaveWithDuplicateCheck<Values extends object, Input extends { confirmSimilarName?: boolean }, Saved>({
  form,
  inputOf,
  persist,
  onSaved,
  findDuplicates,
  hasNumber,
}: DuplicateCheckedSave<Values, Input, Saved>) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<SaveConflict | null>(null);

  /** The conflict does not say which kind it is; the duplicate check's reason tells them apart. */
  const isSimilarName = async (input: Input, existingId: number | undefined): Promise<boolean> => {
    try {
      // Asked afresh: the conflict may come from a save made since the last check.
      const found = await findDuplicates(input);
      const candidate = found.find((item) => item.id === existingId) ?? found.find((item) => item.reason !== 'sameName');
      return candidate === undefined || candidate.reason === 'sameName';
    } catch {
      return !hasNumber(input);
    }
  };

  const save = async (values: Values, confirmSimilarName: boolean) => {
    const input = inputOf(values);
    if (input === null) return;
    setFormError(null);
    setConflict(null);
    try {
      // What the person typed, as typed: the backend cleans it with the same schema.
      onSaved(await persist(confirmSimilarName ? { ...input, confirmSimilarName } : input));
    } catch (error) {
      if (error instanceof ApiError && error.error.kind === 'conflict') {
        const existingId = error.error.existingId;
        setConflict({ message: error.error.message, similarName: await isSimilarName(input, existingId), existingId });
        return;
      }
      const { fields, general } = splitServerError(error, Object.keys(values), t('common.unexpectedError'));
      form.setErrors(fields);
      setFormError(general);
    }
  };

  return {
    submit: form.onSubmit((values) => save(values, false)),
    saveAnyway: () => void save(form.getValues(), true),
    conflict,
    /** A refusal that belongs to no single field. */
    formError,
  };
}
