/**
 * Vietnamese text helpers shared by every layer. Pure: no node, DOM or electron.
 */

/**
 * Characters that are not text: C0 and C1 controls other than tab and line breaks (NUL, ESC, …),
 * the direction overrides and isolates that make a name display reversed (U+202E), invisible
 * spaces and joiners that make one name look like another, the byte-order mark, noncharacters, and
 * halves of a surrogate pair without their other half. None is typed on purpose; a paste from a web
 * page or a crafted request brings them, and an export would silently drop them.
 */
const notText =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is matched
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text without the characters that are not text (see `notText`); tab and line breaks stay. */
export function withoutControlCharacters(value: string): string {
  return value.replace(notText, '');
}

/**
 * Text that `cleanText` leaves as it is and `foldText` may fold letter by letter: visible ASCII and
 * precomposed Latin letters (Latin-1 to Latin Extended-B, Latin Extended Additional — every
 * Vietnamese letter), words parted by single spaces. None of these is a control character or white
 * space other than the space, each is in NFC alone, and none composes with the one after it (only
 * combining marks, Hangul and a few Indic signs are the second of a composition, none here):
 * tests/core/text.test.ts checks every letter and every pair. Nearly all the text of a list is
 * such text; checking it is one pass instead of the three regular expressions and normalization
 * that cleaning and folding cost on every cell of a 100,000-row import.
 */
const plainText = /^(?:[!-~\u00c0-\u024f\u1e00-\u1eff]+(?: [!-~\u00c0-\u024f\u1e00-\u1eff]+)*)?$/;

/**
 * Normalise text on its way in: characters that are not text removed, NFC, trimmed, inner runs of
 * white space (tabs and line breaks too) collapsed to one space.
 */
export function cleanText(value: string): string {
  if (plainText.test(value)) return value;
  return withoutControlCharacters(value).normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Raised whenever `foldText` folds a letter otherwise, so that what is stored folded (name keys,
 * search text) is folded again at the next start (`nameRulesFingerprint`).
 */
export const FOLDING_VERSION = 2;

/**
 * One character folded: decomposed, marks dropped, đ to d, lower case (white space is the
 * caller's). Ð (U+00D0, Eth) and ð look like Đ and đ, and old keyboard layouts and font
 * conversions type them for it.
 */
function foldCharacters(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐÐð]/g, 'd')
    .toLowerCase();
}

/** Each character of plain text folded alone, by its code (up to U+1EFF), made when first needed. */
let foldedCharacters: string[] | null = null;

/**
 * Fold text for matching and search: lower case, diacritics removed, and đ folded to d
 * explicitly — Unicode decomposition leaves đ/Đ alone because it is a letter of its own.
 * Plain text (see `plainText`) folds letter by letter to the same result: each of its letters
 * decomposes to a base letter and marks of its own, and lower case changes each alone.
 */
export function foldText(value: string): string {
  if (plainText.test(value)) {
    foldedCharacters ??= Array.from({ length: 0x1f00 }, (_, code) => foldCharacters(String.fromCharCode(code)));
    let folded = '';
    for (let at = 0; at < value.length; at++) folded += foldedCharacters[value.charCodeAt(at)] ?? '';
    return folded;
  }
  return foldCharacters(value).replace(/\s+/g, ' ').trim();
}

/** Vietnamese collation for sorting what a person reads (SQLite's byte order puts Đ after Z). */
export const vietnameseCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** An ISO date as a person reads it in Vietnam: `2024-03-01` → `01/03/2024`. */
export function formatIsoDateVi(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}
