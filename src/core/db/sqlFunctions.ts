/**
 * The SQL functions every connection of the app has, defined when it is opened (`connect` in
 * open.ts): rules of the app's own that queries ask of every row.
 */
import type Database from 'better-sqlite3';
import { searchCloseness } from '../../shared/closeness';

/**
 * Makes `searchCloseness` an SQL function of the connection, `search_closeness(query, name_folded)`,
 * so that a list orders every match by how close its name reads to what was typed and SQLite keeps
 * only the page (`closenessOrder` in services/search.ts), however many rows match, instead of the
 * rows being read into memory to be ranked. The rule is worked out once for each query: a list asks
 * it of every row.
 */
export function defineSearchCloseness(sqlite: Pick<Database.Database, 'function'>): void {
  let last: { query: string; closeness: (name: string) => number } | undefined;
  sqlite.function('search_closeness', { deterministic: true }, (query: unknown, name: unknown) => {
    if (typeof query !== 'string' || typeof name !== 'string') return null;
    if (last?.query !== query) last = { query, closeness: searchCloseness(query) };
    return last.closeness(name);
  });
}

/** The shortest and the longest word a slipped, missing, extra or swapped letter is forgiven in. */
export const NEAR_MIN = 4;
export const NEAR_MAX = 20;

/**
 * Whether a word of a search text is one the vocabulary of near matches keeps (`search_words`): a
 * whole word of letters only, `NEAR_MIN` to `NEAR_MAX` of them. A search text is folded, so its
 * words are mostly ASCII: those are told by their codes, the rest by the Unicode class.
 */
export function isVocabularyWord(word: string): boolean {
  let ascii = true;
  for (let at = 0; at < word.length && ascii; at++) {
    const code = word.charCodeAt(at);
    if (code >= 128) ascii = false;
    else if (!((code >= 97 && code <= 122) || (code >= 65 && code <= 90))) return false;
  }
  const length = ascii ? word.length : Array.from(word).length;
  return length >= NEAR_MIN && length <= NEAR_MAX && (ascii || /^\p{L}+$/u.test(word));
}

/** The words of a search text the vocabulary keeps, each as often as the text holds it. */
export function vocabularyWords(searchText: string): string[] {
  return searchText.split(' ').filter(isVocabularyWord);
}

/**
 * `vocabularyWords` as an SQL function of the connection, `vocabulary_words(search_text)`, giving a
 * JSON array: the triggers keep `search_words` by it as organizations change, the check reads the
 * rows by it, and a bulk load counts the same words in JavaScript — one rule for all three.
 */
export function defineVocabularyWords(sqlite: Pick<Database.Database, 'function'>): void {
  sqlite.function('vocabulary_words', { deterministic: true }, (searchText: unknown) =>
    JSON.stringify(typeof searchText === 'string' ? vocabularyWords(searchText) : []),
  );
}
