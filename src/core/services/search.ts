/**
 * How the register is searched as a person types. Kept in one place so the matching can change
 * without touching the lists that use it.
 *
 * Words of three letters or more go through `organizations_search`, a trigram FTS5 index on the
 * folded search text (migration 0003, kept in step by triggers), which finds a substring without
 * reading every row. A trigram index cannot look up one or two letters, so shorter words are
 * matched with LIKE: alone ("v", "vi") they read the rows in list order, and beside a longer word
 * ("vinh b") they only check the rows the index found.
 */
import { and, sql, type SQL } from 'drizzle-orm';
import { foldText } from '../../shared/text';
import { organizations } from '../db/schema';

/** The shortest word the trigram index can look up. */
const TRIGRAM = 3;

/** Escapes LIKE wildcards so that a typed `%` or `_` matches itself. */
function likeContains(folded: string): string {
  return `%${folded.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * An FTS5 query in which every word must occur as a substring: each word a quoted string (quotes
 * doubled), so that FTS5 syntax typed by a person (`-`, `*`, `OR`, `:`) is read as plain text.
 */
function trigramQuery(words: readonly string[]): string {
  return words.map((word) => `"${word.replace(/"/g, '""')}"`).join(' AND ');
}

/**
 * The condition on `organizations` for what was typed: every word must appear somewhere in the
 * folded search text (name, short name, registration number, commune), in any order, diacritics
 * ignored and đ read as d. Undefined when nothing searchable was typed.
 */
export function searchCondition(query: string): SQL | undefined {
  const words = [...new Set(foldText(query).split(' ').filter(Boolean))];
  if (words.length === 0) return undefined;
  const long = words.filter((word) => [...word].length >= TRIGRAM);
  // A short word inside a longer one ("vi" with "vinh") adds nothing the index has not checked.
  const short = words.filter((word) => [...word].length < TRIGRAM && !long.some((other) => other.includes(word)));
  const conditions: SQL[] = [];
  if (long.length > 0) {
    conditions.push(
      sql`${organizations.id} IN (SELECT rowid FROM organizations_search WHERE organizations_search MATCH ${trigramQuery(long)})`,
    );
  }
  for (const word of short) {
    conditions.push(sql`${organizations.searchText} LIKE ${likeContains(word)} ESCAPE '\\'`);
  }
  return and(...conditions);
}

/** What search reads of an organization: folded name and short name, registration number, commune. */
export function organizationSearchText(fields: {
  name: string;
  shortName: string;
  registrationNo: string | null;
  communeName: string;
}): string {
  return [foldText(fields.name), foldText(fields.shortName), fields.registrationNo ?? '', foldText(fields.communeName)]
    .filter(Boolean)
    .join(' ');
}
