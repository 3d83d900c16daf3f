/** The types of the message files, and the typed keys of `t()` derived from them. */
import type { vi } from './vi';

export type Messages = typeof vi;

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many';

/**
 * Every key of the Vietnamese file, with any text. Vietnamese has one plural form only, so other
 * languages may add the forms it lacks (English `total_one` next to `total_other`).
 */
export type Translations<T = Messages> = { [K in keyof T]: T[K] extends string ? string : Translations<T[K]> } & {
  [pluralForm: `${string}_${PluralSuffix}`]: string;
};

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
