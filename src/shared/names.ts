/**
 * Names as Vietnamese offices write them: "HTX NN Vĩnh Bình", "Hợp tác xã nông nghiệp Vĩnh Bình",
 * "Cty CP", "CTCP". What the short forms mean is data, not code: one table,
 * resources/names/abbreviations.json, read here by everything that compares names — search as you
 * type (the words a name is found by), the duplicate check and the import's matching (the name
 * keys), the sign-in sheet and partner matching. Pure: no node, DOM or electron.
 */
import table from '../../resources/names/abbreviations.json';
import type { OrganizationKind } from './domain';
import { FOLDING_VERSION, foldText } from './text';

/** A name as compared: folded, anything but letters and digits read as a space. */
export function nameWords(name: string): string[] {
  const folded = foldText(name);
  // Folded, a Vietnamese name is ASCII: cut at each character that is not a letter or a digit by
  // its code, the same cut as the Unicode classes below, without two regular expressions and an
  // array of pieces for every name an import or the search index reads.
  const words: string[] = [];
  let start = -1;
  for (let at = 0; at < folded.length; at++) {
    const code = folded.charCodeAt(at);
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90)) {
      if (start < 0) start = at;
    } else if (code >= 128) {
      return folded
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .split(' ')
        .filter(Boolean);
    } else if (start >= 0) {
      words.push(folded.slice(start, at));
      start = -1;
    }
  }
  if (start >= 0) words.push(folded.slice(start));
  return words;
}

interface Entry {
  /** The short forms' words, folded ("lh htx" → ["lh", "htx"]). */
  shorts: string[][];
  long: string[];
}

const entries: Entry[] = table.abbreviations.map(({ short, long }) => ({ shorts: short.map(nameWords), long: nameWords(long) }));

/** Short form (its words joined by spaces) → what it means. */
const longOfShort = new Map<string, string[]>(entries.flatMap((entry) => entry.shorts.map((words): [string, string[]] => [words.join(' '), entry.long])));
const longestShort = Math.max(...entries.flatMap((entry) => entry.shorts.map((words) => words.length)));
/** The words a short form starts with: at any other word no short form is looked for. */
const shortStarts = new Set(entries.flatMap((entry) => entry.shorts.map((words) => words[0] ?? '')));
/**
 * The entries by the first word of their long form: a name's words are looked up here rather than
 * tried against every entry (an import computes the search words of every name it writes).
 */
const entriesByLongStart = new Map<string, Entry[]>();
for (const entry of entries) {
  const first = entry.long[0];
  if (first !== undefined) entriesByLongStart.set(first, [...(entriesByLongStart.get(first) ?? []), entry]);
}

/** Each short form written out, read left to right, a longer short form before a shorter one ("lh htx" before "htx"). */
function expanded(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let at = 0; at < words.length; ) {
    let taken = 0;
    if (!shortStarts.has(words[at] ?? '')) {
      out.push(words[at] ?? '');
      at += 1;
      continue;
    }
    for (let length = Math.min(longestShort, words.length - at); length > 0 && taken === 0; length--) {
      const long = longOfShort.get(words.slice(at, at + length).join(' '));
      if (long) {
        out.push(...long);
        taken = length;
      }
    }
    if (taken === 0) {
      out.push(words[at] ?? '');
      taken = 1;
    }
    at += taken;
  }
  return out;
}

/** A name's words with every short form written out: "HTX DVNN" → hop tac xa dich vu nong nghiep. */
export function expandedNameWords(name: string): readonly string[] {
  return wordsOf(name).long;
}

/** A text's own words (`nameWords`) and those words with every short form written out. */
interface NameReading {
  name: string;
  own: readonly string[];
  long: readonly string[];
  /** Its keys, once asked for: an import asks for a row's several times (its matching, its repeats, its trash check). */
  organizationKey?: string;
  partnerKey?: string;
}

/**
 * The last few texts' words: an import asks for the words of each row's name and of its Loại hình
 * cell several times over, in turn (its kind, whether it is an enterprise's, its key, its search
 * words), and folding a text costs more than the rest. One slot was not enough: the two texts
 * took it from each other.
 */
const recentReadings: NameReading[] = Array.from({ length: 4 }, () => ({ name: '', own: [], long: [] }));
let nextReading = 0;

function wordsOf(name: string): NameReading {
  const kept = recentReadings.find((reading) => reading.name === name);
  if (kept) return kept;
  const own = nameWords(name);
  const reading = { name, own, long: expanded(own) };
  recentReadings[nextReading] = reading;
  nextReading = (nextReading + 1) % recentReadings.length;
  return reading;
}

/** Whether `words` has `part` starting at `at`. */
function hasAt(words: readonly string[], part: readonly string[], at: number): boolean {
  return part.length > 0 && part.every((word, offset) => words[at + offset] === word);
}

/** The long forms that say only what kind of organization it is, longest first. */
const kindForms: [OrganizationKind, string[]][] = Object.entries(table.organizationKinds)
  .flatMap(([kind, forms]) => forms.map((form): [OrganizationKind, string[]] => [kind as OrganizationKind, nameWords(form)]))
  .sort((a, b) => b[1].length - a[1].length);

/** The same forms alone, as prefixes a name key leaves out. */
const kindFormWords = kindForms.map(([, form]) => form);

/** An enterprise's legal forms, longest first. */
const legalForms: string[][] = table.legalForms.map(nameWords).sort((a, b) => b.length - a.length);

function withoutPrefix(words: readonly string[], prefixes: readonly string[][]): readonly string[] {
  const prefix = prefixes.find((form) => hasAt(words, form, 0));
  return prefix ? words.slice(prefix.length) : words;
}

/**
 * The phrases that name a trade (`sectorPhrases`) by their first word, longest first: "nuôi trồng
 * thủy sản" before "nuôi…"; every name an import reads asks here, most at a word no phrase starts with.
 */
const sectorPhrasesByStart = new Map<string, string[][]>();
for (const phrase of table.sectorPhrases.map(nameWords).sort((a, b) => b.length - a.length)) {
  const first = phrase[0] ?? '';
  sectorPhrasesByStart.set(first, [...(sectorPhrasesByStart.get(first) ?? []), phrase]);
}

function sectorPhraseAt(words: readonly string[], at: number): readonly string[] | undefined {
  return sectorPhrasesByStart.get(words[at] ?? '')?.find((phrase) => hasAt(words, phrase, at));
}

/**
 * The trades a name opens with, in one order whatever order they were written in: "nông nghiệp
 * dịch vụ tân phú", "dịch vụ nông nghiệp tân phú" and "nông nghiệp và dịch vụ tân phú" all give
 * "dich vu nong nghiep tan phu". Only the run that opens the name: what follows (its place, its
 * product) keeps its order, so "Phú Thành" and "Thành Phú" stay two names.
 */
function tradesInOneOrder(words: readonly string[]): readonly string[] {
  const trades: string[] = [];
  let at = 0;
  for (;;) {
    // "và" joins two trades: "Nông nghiệp và Dịch vụ".
    const joined = trades.length > 0 && words[at] === 'va' ? 1 : 0;
    const phrase = sectorPhraseAt(words, at + joined);
    if (!phrase) break;
    trades.push(phrase.join(' '));
    at += joined + phrase.length;
  }
  if (trades.length < 2) return words;
  return [...trades.sort().flatMap((trade) => trade.split(' ')), ...words.slice(at)];
}

/**
 * The key two spellings of one organization's name share: "HTX NN Vĩnh Bình", "Hợp tác xã nông
 * nghiệp Vĩnh Bình" and "HTX Nông nghiệp Vĩnh Bình" all give "nong nghiep vinh binh", and
 * "HTX NN-DV Tân Phú" and "Hợp tác xã Dịch vụ Nông nghiệp Tân Phú" one key (`tradesInOneOrder`).
 * Flags possible duplicates and matches imported rows and sign-in sheets; never shown.
 */
export function organizationNameKey(name: string): string {
  const reading = wordsOf(name);
  return (reading.organizationKey ??= tradesInOneOrder(withoutPrefix(reading.long, kindFormWords)).join(' '));
}

/**
 * `organizationNameKey` for partners: "Công ty CP Thực phẩm Hà Nội", "CTCP Thực phẩm Hà Nội" and
 * "Công ty Cổ phần Thực phẩm Hà Nội" all give "thuc pham ha noi"; "Công ty TNHH TM-DV Sao Mai" and
 * "Công ty TNHH Dịch vụ Thương mại Sao Mai" one key.
 */
export function partnerNameKey(name: string): string {
  const reading = wordsOf(name);
  return (reading.partnerKey ??= tradesInOneOrder(withoutPrefix(reading.long, legalForms)).join(' '));
}

/** The kind a name or a "Loại hình" cell says ("LH HTX …", "Quỹ tín dụng …"), if it says one. */
export function organizationKindOfName(text: string): OrganizationKind | undefined {
  const words = expandedNameWords(text);
  return kindForms.find(([, form]) => hasAt(words, form, 0))?.[0];
}

/** Whether a name starts with an enterprise's legal form ("Cty CP …", "Doanh nghiệp tư nhân …"). */
export function hasLegalForm(name: string): boolean {
  const words = expandedNameWords(name);
  return legalForms.some((form) => hasAt(words, form, 0));
}

/**
 * Every word a name can be found by: its own words, the short forms written out, and the short
 * forms of what it writes out in full — so that "hợp tác xã vĩnh bình" finds "HTX Vĩnh Bình" and
 * "htx vinh binh" finds "Hợp tác xã Vĩnh Bình". Each word once, the name's own first.
 */
export function nameSearchWords(name: string): string[] {
  const { own, long } = wordsOf(name);
  const words = new Set(own);
  for (const word of long) words.add(word);
  for (let at = 0; at < long.length; at++) {
    const starting = entriesByLongStart.get(long[at] ?? '');
    if (!starting) continue;
    for (const entry of starting) if (hasAt(long, entry.long, at)) for (const short of entry.shorts) for (const word of short) words.add(word);
  }
  return [...words];
}

/**
 * A fingerprint of the table and of the folding (FNV-1a of their text): name keys and search text
 * stored under another table, or folded otherwise, are recomputed when the app starts.
 */
export const nameRulesFingerprint = (() => {
  let hash = 0x811c9dc5;
  for (const char of `${JSON.stringify(table)}:${String(FOLDING_VERSION)}`) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
})();
