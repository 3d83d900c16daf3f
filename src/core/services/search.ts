/**
 * How the register is searched as a person types. Kept in one place so the matching can change
 * without touching the lists that use it.
 *
 * What matches: every word typed must match, in any order, diacritics ignored and đ read as d, in
 * the folded search text (name, short name, registration number, commune, old address). A word of three letters
 * or more matches anywhere ("inh" finds "Vĩnh"); a word of one or two letters matches the start of a
 * word ("v", "vi" find "Vĩnh Bình", not "Dịch vụ" for "i"), which is what a person typing "v", "vi",
 * "vinh b" means, and what keeps a lone first letter from matching nearly every row. Words are what
 * spaces separate.
 *
 * How: `organizations_search` (db/derived.ts) is a trigram FTS5 index over the search text of the
 * organizations not in the trash, with every space doubled, two more at the start and one at the
 * end ("  vinh  binh "). A long word is looked up as itself; the start of a word as the trigram "  v" for
 * one letter or " vi" for two, which only a word start can produce. So every query is one FTS5
 * expression, and its matches can be counted from the index alone. `searchRowCondition` is the same
 * rule as a LIKE on the row, for walking the register in list order when a search matches
 * thousands of rows (see `listOrganizations`).
 */
import type Database from 'better-sqlite3';
import { and, inArray, or, sql, type AnyColumn, type SQL, type SQLWrapper } from 'drizzle-orm';
import { queryWords } from '../../shared/closeness';
import { nameSearchWords, nameWords } from '../../shared/names';
import { foldText } from '../../shared/text';
import { searchIndex, searchIndexMatches } from '../db/derived';
import { subqueries } from '../db/predicates';
import { isVocabularyWord } from '../db/sqlFunctions';
import { organizations } from '../db/schema';

/** The shortest word matched anywhere; shorter words match the start of a word. */
const TRIGRAM = 3;

/**
 * The folded words of a query (`queryWords`), each marked whether it is looked for at a word's
 * start. FTS5 trigrams count Unicode code points, as does this.
 */
function searchWords(query: string): { word: string; wordStart: boolean }[] {
  return queryWords(query).map((word) => ({ word, wordStart: Array.from(word).length < TRIGRAM }));
}

/** An FTS5 term for `text`: quoted (quotes doubled), so that FTS5 syntax typed by a person is plain text. */
function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The FTS5 term of a typed word: itself, or for the start of a word "  v" and " vi" (three code points, one trigram each, found only where a word starts). */
function exactTerm({ word, wordStart }: { word: string; wordStart: boolean }): string {
  return quoted(wordStart ? `${' '.repeat(TRIGRAM - Array.from(word).length)}${word}` : word);
}

/**
 * The FTS5 expression for what was typed, or undefined when nothing searchable was typed. Each term
 * is quoted, so that FTS5 syntax typed by a person (`-`, `*`, `OR`, `:`) is read as plain text; all
 * terms must match.
 */
export function searchMatchExpression(query: string): string | undefined {
  const words = searchWords(query);
  if (words.length === 0) return undefined;
  return words.map(exactTerm).join(' AND ');
}

/** Whether two words are one slipped, missing, extra or two swapped letters apart (or equal). */
export function withinOneEdit(a: readonly string[], b: readonly string[]): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const [restA, restB] = [endA - start, endB - start];
  if (restA <= 1 && restB <= 1) return true;
  // Two neighbouring letters swapped: "vnih" for "vinh".
  return restA === 2 && restB === 2 && a[start] === b[start + 1] && a[start + 1] === b[start];
}

/** The word with each letter taken out in turn. */
function deletions(letters: readonly string[]): string[] {
  return [...new Set(letters.map((_, at) => [...letters.slice(0, at), ...letters.slice(at + 1)].join('')))];
}

type Vocabulary = Pick<Database.Database, 'prepare'>;

/** A typed word a slipped, missing, extra or swapped letter may be forgiven in: one `search_words` would keep, typed whole. */
function forgivable({ word, wordStart }: { word: string; wordStart: boolean }): boolean {
  return !wordStart && isVocabularyWord(word);
}

/** Each of `words` and its deletions, the keys two words one letter apart share (see `search_word_deletions`). */
function deletionKeys(words: readonly string[]): Map<string, string[]> {
  return new Map(words.map((word) => [word, [word, ...deletions(Array.from(word))]]));
}

/**
 * The partners' words a typed word may be forgiven into, by key (each word and its deletions, as
 * `search_words` and `search_word_deletions` keep the organizations'): the words of the name keys
 * and short names of the partners not in the trash. Computed where they are needed rather than kept
 * beside the rows: a few thousand partners nationwide are read in a few milliseconds, and only when
 * a sheet has a line that names nothing as written.
 */
function partnerWordsByKey(sqlite: Vocabulary): Map<string, string[]> {
  const words = new Set<string>();
  // A name key is folded already; a short name, seldom given, is folded here.
  const rows = sqlite.prepare<[], [string, string]>('SELECT name_key, short_name FROM partners WHERE deleted_at IS NULL').raw().all();
  for (const [nameKey, shortName] of rows) {
    for (const word of nameKey.split(' ')) words.add(word);
    if (shortName !== '') for (const word of nameWords(shortName)) words.add(word);
  }
  const byKey = new Map<string, string[]>();
  for (const [word, keys] of deletionKeys([...words].filter((word) => forgivable({ word, wordStart: false })))) {
    for (const key of keys) {
      const found = byKey.get(key);
      if (found) found.push(word);
      else byKey.set(key, [word]);
    }
  }
  return byKey;
}

/**
 * For each of `words`, the register's words one letter away from it (`search_words` and its
 * deletions, see db/derived.ts: those that share a deletion with it, or are one of its deletions),
 * in alphabetical order; and whether it is a word of the register itself. With `partners`, the
 * partners' words as well (`partnerWordsByKey`). One statement whatever the number of words, so
 * that a sign-in sheet's hundreds of lines read the vocabulary once.
 */
function nearWords(sqlite: Vocabulary, words: readonly string[], partners: boolean): Map<string, { known: boolean; near: string[] }> {
  if (words.length === 0) return new Map();
  const keysOf = deletionKeys(words);
  const keys = JSON.stringify([...new Set([...keysOf.values()].flat())]);
  const rows = sqlite
    .prepare<{ keys: string }, { key: string; word: string }>(
      `SELECT d.deletion AS key, d.word FROM search_word_deletions d JOIN search_words w ON w.word = d.word AND w.uses > 0
       WHERE d.deletion IN (SELECT value FROM json_each(@keys))
       UNION SELECT word, word FROM search_words WHERE uses > 0 AND word IN (SELECT value FROM json_each(@keys))`,
    )
    .all({ keys });
  const byKey = partners ? partnerWordsByKey(sqlite) : new Map<string, string[]>();
  for (const { key, word } of rows) {
    const found = byKey.get(key);
    if (found) found.push(word);
    else byKey.set(key, [word]);
  }
  return new Map(
    words.map((word) => {
      const letters = Array.from(word);
      // A row found through the word itself is the word, in use: the join and the union both ask `uses > 0`.
      const found = new Set((keysOf.get(word) ?? []).flatMap((key) => byKey.get(key) ?? []));
      const near = [...found].filter((candidate) => candidate !== word && withinOneEdit(letters, Array.from(candidate))).sort();
      return [word, { known: found.has(word), near }];
    }),
  );
}

/** What was typed, read with one word mistyped: that word and the words it stands for. */
export interface NearReading {
  /** Where the mistyped word is among the typed words (`queryWords`). */
  at: number;
  /** The word the register has, one slipped, missing, extra or swapped letter from the typed one. */
  word: string;
  /** The typed words with that one replaced by `word`, in the order typed. */
  words: string[];
}

/**
 * Each of `queries` read with exactly one typed word of four letters or more forgiven (see
 * `nearSearch`): every reading, the forgiven word replaced by each of the register's words one
 * letter away from it (`nearWords`), the vocabulary read once for all the queries. With
 * `unitNames`, for names written whole (a sign-in sheet's), which may be a partner's as well as a
 * member's: the partners' words are forgiven into too («Thuc phamm» read as «thuc pham» of «Công ty
 * TNHH Thực phẩm Sài Gòn»), and a typed word that is itself a word of the register or of a partner
 * is no typo and is not forgiven, since a name made of such words is a unit the register lacks,
 * not another one mistyped.
 */
export function nearReadings(sqlite: Vocabulary, queries: readonly string[], unitNames = false): NearReading[][] {
  const typed = queries.map(searchWords);
  const near = nearWords(sqlite, [...new Set(typed.flat().filter(forgivable).map(({ word }) => word))], unitNames);
  return typed.map((words) =>
    words.flatMap(({ word }, at) => {
      const found = near.get(word);
      if (found === undefined || (unitNames && found.known)) return [];
      return found.near.map((replacement) => ({ at, word: replacement, words: words.map((other, index) => (index === at ? replacement : other.word)) }));
    }),
  );
}

/**
 * The typo pass, for when what was typed finds little: the organizations found with exactly one
 * typed word of four letters or more forgiven, as the list's badge says ("vnih binh" finds "Vĩnh
 * Bình" through "vinh"). The word read in its place is one of the register's own words (`nearWords`)
 * and must be a whole word of the search text: as a part of another word, "than" for "thap" would
 * find every "thanh", and every word forgiven at once, "dong thap" would find "Công … Thành".
 * `expression` is the FTS5 expression (a whole word is the word between the index's spaces, which
 * the last word of the search text, the commune's, has too); `readings`, each reading it stands for. Undefined when no typed word has such a neighbour: there is nothing more to find.
 */
export function nearSearch(sqlite: Vocabulary, query: string): { expression: string; readings: NearReading[] } | undefined {
  const [readings = []] = nearReadings(sqlite, [query]);
  if (readings.length === 0) return undefined;
  const exactTerms = searchWords(query).map(exactTerm);
  const alternatives = [...new Set(readings.map((reading) => reading.at))].map((at) => {
    const wholeWords = `(${readings
      .filter((reading) => reading.at === at)
      .map((reading) => quoted(` ${reading.word} `))
      .join(' OR ')})`;
    return `(${exactTerms.map((term, index) => (index === at ? wholeWords : term)).join(' AND ')})`;
  });
  return { expression: alternatives.join(' OR '), readings };
}

/**
 * The condition on `organizations` for what was typed (see the top of this file for what matches),
 * through the index. It also leaves out organizations in the trash, which the index does not hold.
 * Undefined when nothing searchable was typed.
 */
export function searchCondition(query: string): SQL | undefined {
  const match = searchMatchExpression(query);
  if (match === undefined) return undefined;
  return inArray(organizations.id, subqueries.select({ id: searchIndex.id }).from(searchIndex).where(searchIndexMatches(match)));
}

/** Orders rows by how close `nameFolded` reads to `query`, the closest first (`search_closeness`, db/sqlFunctions.ts). */
export function closenessOrder(query: string, nameFolded: AnyColumn): SQL {
  return sql`search_closeness(${query}, ${nameFolded})`;
}

/** Escapes LIKE wildcards so that a typed `%` or `_` matches itself. */
function likeEscaped(folded: string): string {
  return folded.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** `column` holds the folded text `folded` anywhere in it; a typed `%` or `_` matches itself. */
export function containsText(column: SQLWrapper, folded: string): SQL {
  return sql`${column} LIKE ${`%${likeEscaped(folded)}%`} ESCAPE '\\'`;
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
 * without an index (partners: hundreds, a few thousand nationwide), so every list searches alike.
 * With `phone`, a typed word of three digits or more (with the signs written among them) may be
 * found in that column instead, however either was written (`phoneDigitsCondition`): each word is
 * looked for in any field, so «minh phat 0973» finds the partner whose name says Minh Phát and whose
 * number holds 0973, and «an giang 0973» the partners in An Giang whose number holds it.
 */
export function foldedTextCondition(searchText: AnyColumn, query: string, phone?: AnyColumn): SQL | undefined {
  const words = searchWords(query);
  if (words.length === 0) return undefined;
  // Longest word first: the likeliest to be rare, so most rows are refused at the first LIKE (a
  // broad search walks tens of thousands of rows, and "htx" is in nearly every one). A word that
  // may be part of a phone number goes after the others: the phone's signs are taken out of every
  // row it is tried on.
  const mayBePhone = (word: string) => (phone && typedPhoneDigits(word) ? 1 : 0);
  const rarestFirst = [...words].sort((a, b) => mayBePhone(a.word) - mayBePhone(b.word) || Array.from(b.word).length - Array.from(a.word).length);
  return and(
    ...rarestFirst.map(({ word, wordStart }) => {
      const inText = wordStart
        ? sql`(' ' || ${searchText}) LIKE ${`% ${likeEscaped(word)}%`} ESCAPE '\\'`
        : containsText(searchText, word);
      const digits = phone && typedPhoneDigits(word);
      return phone && digits ? or(inText, phoneDigitsCondition(phone, digits)) : inText;
    }),
  );
}

/**
 * A phone number typed into a search box ("0912345678", "0912 345 678", "0912.345.678", "+84 912 345
 * 678"): its digits, +84 read as its 0. Undefined unless what was typed is digits and the signs
 * written among them only, three digits or more (fewer would match nearly every number).
 */
function typedPhoneDigits(query: string): string | undefined {
  const typed = query.trim();
  if (!/^[\d\s.()+-]+$/.test(typed)) return undefined;
  const digits = typed.replace(/\D/g, '');
  if (digits.length < TRIGRAM) return undefined;
  return /^\(?\+84/.test(typed) ? `0${digits.slice(2)}` : digits;
}

/**
 * The partners' search: every typed word in the folded search text or, a word of digits, in the
 * phone (`foldedTextCondition`); and what was typed as a whole, when it is a phone number ("0912 345
 * 678", "+84 912 345 678"), in the phone however either was written — the signs set between digits
 * (spaces, dots, hyphens, brackets) left out on both sides, and a stored +84 standing for the
 * leading 0. Read row by row like `foldedTextCondition`, for the short lists it serves.
 */
export function textOrPhoneCondition(searchText: AnyColumn, phone: AnyColumn, query: string): SQL | undefined {
  const number = typedPhoneDigits(query);
  return number === undefined ? foldedTextCondition(searchText, query, phone) : or(foldedTextCondition(searchText, query), phoneDigitsCondition(phone, number));
}

/**
 * A phone column holds `digits` (`typedPhoneDigits`): the signs between its digits left out and a
 * stored +84 read as the leading 0, in one text compared once (each row of the list reads it).
 */
function phoneDigitsCondition(phone: AnyColumn, digits: string): SQL {
  const bare = sql`replace(replace(replace(replace(replace(replace(${phone}, ' ', ''), '.', ''), '-', ''), '(', ''), ')', ''), '+84', '0')`;
  return sql`${bare} LIKE ${`%${digits}%`}`;
}

/**
 * Raised whenever what `organizationSearchText` or `partnerSearchText` put in the search text
 * changes, so that the rows stored by an earlier version are computed again at the next opening
 * (`refreshNameKeys`). 2: a partner's province and address. 3: an organization's old address.
 */
export const SEARCH_TEXT_RECIPE = 3;

/** What an organization's search text is made of. */
export interface OrganizationSearchFields {
  name: string;
  shortName: string;
  registrationNo: string | null;
  communeName: string;
  /** The address from before 1 July 2025, as written (`organizations.old_address`). */
  oldAddress: string;
}

/**
 * What search reads of an organization: the words of its name and short name, with their short
 * forms written out and their long forms shortened (`nameSearchWords`: "HTX Vĩnh Bình" is found
 * by "hợp tác xã vĩnh bình" and the reverse), its registration number, its commune, and the words
 * of its old address, so that a clerk who knows it by its old commune or district («xã Mỹ Hội
 * Đông», «huyện Chợ Mới») finds it: communes merged on 1 July 2025, and people still say the old
 * names. The address's commas and dots are left out, as a name's are.
 */
export function organizationSearchText(fields: OrganizationSearchFields): string {
  const words = new Set([...nameSearchWords(fields.name), ...nameSearchWords(fields.shortName)]);
  return [...words, fields.registrationNo ?? '', foldText(fields.communeName), ...nameWords(fields.oldAddress)].filter(Boolean).join(' ');
}

/** Whether folded `text` holds a typed word by the rule at the top of this file: anywhere, or a short one at a word's start. */
function holdsWord(text: string, { word, wordStart }: { word: string; wordStart: boolean }): boolean {
  return wordStart ? ` ${text}`.includes(` ${word}`) : text.includes(word);
}

/**
 * Whether an organization is found by what was typed because of its old address: a typed word is
 * in the old address and nowhere else in its search text. The list then shows the old address,
 * since neither the name nor today's commune it shows says why the row is there («huyện Chợ Mới»
 * finds cooperatives whose name and commune say nothing of Chợ Mới).
 */
export function foundByOldAddress(query: string, fields: OrganizationSearchFields): boolean {
  if (fields.oldAddress === '') return false;
  const rest = organizationSearchText({ ...fields, oldAddress: '' });
  const old = nameWords(fields.oldAddress).join(' ');
  return searchWords(query).some((word) => !holdsWord(rest, word) && holdsWord(old, word));
}

/**
 * What search reads of a partner: its name's words as for an organization, and its province's
 * full name's, as the list shows it («tỉnh an giang» finds it as «an giang» does; "hcm" finds Hồ
 * Chí Minh as it finds a name that says it), tax code, contact, what it buys and its address, so
 * that «an giang 0973» or a street finds the partners there.
 */
export function partnerSearchText(fields: {
  name: string;
  shortName: string;
  provinceName: string;
  taxCode: string | null;
  contactName: string;
  buys: string;
  address: string;
}): string {
  const words = new Set([...nameSearchWords(fields.name), ...nameSearchWords(fields.shortName), ...nameSearchWords(fields.provinceName)]);
  return [...words, fields.taxCode ?? '', foldText(fields.contactName), foldText(fields.buys), foldText(fields.address)].filter(Boolean).join(' ');
}
