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
 * Normalise text on its way in: characters that are not text removed, NFC, trimmed, inner runs of
 * white space (tabs and line breaks too) collapsed to one space.
 */
export function cleanText(value: string): string {
  return withoutControlCharacters(value).normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Fold text for matching and search: lower case, diacritics removed, and đ folded to d
 * explicitly — Unicode decomposition leaves đ/Đ alone because it is a letter of its own.
 */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Vietnamese collation for sorting what a person reads (SQLite's byte order puts Đ after Z). */
export const vietnameseCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** An ISO date as a person reads it in Vietnam: `2024-03-01` → `01/03/2024`. */
export function formatIsoDateVi(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}
