/**
 * The backend is the authority on what is valid. When it refuses a save, each field issue goes
 * under its own input and everything else is said once for the whole form.
 */
import type { FormErrors } from '@mantine/form';
import { ApiError } from '../api';

export interface ServerErrors {
  fields: FormErrors;
  /** A message for the whole form, or null when the field messages say it all. */
  general: string | null;
}

export function splitServerError(error: unknown, fieldNames: readonly string[], fallback: string): ServerErrors {
  if (!(error instanceof ApiError)) return { fields: {}, general: fallback };
  const appError = error.error;
  if (appError.kind !== 'validation') return { fields: {}, general: appError.message };
  const fields: FormErrors = {};
  const unplaced: string[] = [];
  for (const issue of appError.issues) {
    if (fieldNames.includes(issue.path)) fields[issue.path] ??= issue.message;
    else unplaced.push(issue.message);
  }
  if (unplaced.length > 0) return { fields, general: unplaced.join(' ') };
  // A validation error without issues (a malformed request) still needs to be said.
  return { fields, general: Object.keys(fields).length > 0 ? null : appError.message };
}
