/**
 * How the register is searched as a person types. Kept in one place so the matching can change
 * without touching the lists that use it.
 *
 * What matches: every word typed must match, in any order, diacritics ignored and đ read as d, in
 * the folded search text (name, short name, registration number, commune). A word of three letters
 * or more matches anywhere ("inh" finds "Vĩnh"); a word of one or two letters matches the start of a
 * word ("v", "vi" find "Vĩnh Bình", not "Dịch vụ" for "i"), which is what a person typing "v", "vi",
 * "vinh b" means, and what keeps a lone first letter from matching nearly every row. Words are what
 * spaces separate.
 *
 * How: `organizations_search` (db/derived.ts) is a trigram FTS5 index over the search text of the
 * organizations not in the trash, with every space doubled and two more at the start
 * ("  vinh  binh"). A long word is looked up as itself; the start of a word as the trigram "  v" for
 * one letter or " vi" for two, which only a word start can produce. So every query is one FTS5
 * expression, and its matches can be counted from the index alone. `searchRowCondition` is the same
 * rule as a LIKE on the row, for walking the register in list order when a search matches
 * thousands of rows (see `listOrganizations`).
 */
import { and, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { foldText, withoutControlCharacters } from '../../shared/text';
import { organizations } from '../db/schema';

/** The shortest word matched anywhere; shorter words match the start of a word. */
const TRIGRAM = 3;

/**
 * The folded words of a query, each once. FTS5 trigrams count Unicode code points, as does this.
 * Characters that are not text go first: a NUL would end FTS5's reading of the quoted term.
 */
function searchWords(query: string): { word: string; wordStart: boolean }[] {
  const words = [...new Set(foldText(withoutControlCharacters(query)).split(' ').filter(Boolean))];
  return words.map((word) => ({ word, wordStart: Array.from(word).length < TRIGRAM }));
}

/**
 * The FTS5 expression for what was typed, or undefined when nothing searchable was typed. Each term
 * is a quoted string (quotes doubled), so that FTS5 syntax typed by a person (`-`, `*`, `OR`, `:`)
 * is read as plain text; all terms must match.
 */
export function searchMatchExpression(query: string): string | undefined {
  const words = searchWords(query);
  if (words.length === 0) return undefined;
  return words
    .map(({ word, wordStart }) => {
      // "  v" and " vi": three code points, one trigram each, found only where a word starts.
      const term = wordStart ? `${' '.repeat(TRIGRAM - Array.from(word).length)}${word}` : word;
      return `"${term.replace(/"/g, '""')}"`;
    })
    .join(' AND ');
}

/**
 * The condition on `organizations` for what was typed (see the top of this file for what matches),
 * through the index. It also leaves out organizations in the trash, which the index does not hold.
 * Undefined when nothing searchable was typed.
 */
export function searchCondition(query: string): SQL | undefined {
  const match = searchMatchExpression(query);
  if (match === undefined) return undefined;
  return sql`${organizations.id} IN (SELECT rowid FROM organizations_search WHERE organizations_search MATCH ${match})`;
}

/** Escapes LIKE wildcards so that a typed `%` or `_` matches itself. */
function likeEscaped(folded: string): string {
  return folded.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * Exactly the rule of `searchCondition`, checked on each row with LIKE instead of through the index
 * (trash not included: combine with the register's own condition). Cheap per row and able to stop
 * early, so it is the better plan when a search matches a large part of the register and the list
 * is read in an indexed order; slow when few rows match.
 */
export function searchRowCondition(query: string): SQL | undefined {
  return foldedTextCondition(organizations.searchText, query);
}

/**
 * The same rule on any column of folded search text, for lists small enough to be read row by row
 * without an index (partners: hundreds, not tens of thousands), so every list searches alike.
 */
export function foldedTextCondition(searchText: AnyColumn, query: string): SQL | undefined {
  const words = searchWords(query);
  if (words.length === 0) return undefined;
  return and(
    ...words.map(({ word, wordStart }) =>
      wordStart
        ? sql`(' ' || ${searchText}) LIKE ${`% ${likeEscaped(word)}%`} ESCAPE '\\'`
        : sql`${searchText} LIKE ${`%${likeEscaped(word)}%`} ESCAPE '\\'`,
    ),
  );
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
