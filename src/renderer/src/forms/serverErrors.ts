/**
 * The backend is the authority on what is valid. When it refuses a save, each field issue goes
 * under its own input and everything else is said once for the whole form, above its buttons.
 * Every form takes a refusal this one way (`useServerRefusal`, through `useFormSave` or the
 * duplicate check).
 */
import { useState } from 'react';
import type { FormErrors, UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';

export interface ServerErrors {
  fields: FormErrors;
  /** A message for the whole form, or null when the field messages say it all. */
  general: string | null;
}

/** The form path under which an issue at the backend's `path` shows, or null when no single input shows it. */
export type IssuePlace = (path: string) => string | null;

/**
 * Where the backend's field issues go: the form paths they may name (`commitments.0.quantity`), an
 * issue at any other path being said for the whole form; or, when the form names its inputs other
 * than the contract does, where each path shows.
 */
export type FieldPlaces = readonly string[] | IssuePlace;

export function splitServerError(error: unknown, places: FieldPlaces, fallback: string): ServerErrors {
  if (!(error instanceof ApiError)) return { fields: {}, general: fallback };
  const appError = error.error;
  if (appError.kind !== 'validation') return { fields: {}, general: appError.message };
  const placeOf: IssuePlace = typeof places === 'function' ? places : (path) => (places.includes(path) ? path : null);
  // Every problem of a field is said under it: one save shows all there is to correct.
  const placed = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const issue of appError.issues) {
    const place = placeOf(issue.path);
    if (place !== null) placed.set(place, [...(placed.get(place) ?? []), issue.message]);
    else unplaced.push(issue.message);
  }
  const fields: FormErrors = Object.fromEntries([...placed].map(([place, messages]) => [place, messages.join(' ')]));
  if (unplaced.length > 0) return { fields, general: unplaced.join(' ') };
  // A validation error without issues (a malformed request) still needs to be said.
  return { fields, general: Object.keys(fields).length > 0 ? null : appError.message };
}

/**
 * A form's answer to a refused save: `refuse` puts the field issues on the form and keeps the rest
 * in `formError`, which the form shows above its buttons (`FormFooter`); `clear` forgets it before
 * the next save. The places are the values' own keys unless said.
 */
export function useServerRefusal<Values extends object>(form: Pick<UseFormReturnType<Values>, 'setErrors'>, fieldPlaces?: (values: Values) => FieldPlaces) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const refuse = (error: unknown, values: Values) => {
    const { fields, general } = splitServerError(error, fieldPlaces ? fieldPlaces(values) : Object.keys(values), t('common.unexpectedError'));
    form.setErrors(fields);
    setFormError(general);
  };
  return { formError, refuse, clear: () => setFormError(null) };
}
