/**
 * Vietnamese text helpers shared by every layer. Pure: no node, DOM or electron.
 */

/** Normalise text on its way in: NFC, trimmed, inner runs of white space collapsed. */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
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
