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

/**
 * Abbreviations offices use in organization names, folded. Longer forms come first so that
 * "lh htx" is read before "htx".
 */
const nameAbbreviations: [RegExp, string][] = [
  [/\blhhtx\b|\blh htx\b/g, 'lien hiep hop tac xa'],
  [/\bqtdnd\b/g, 'quy tin dung nhan dan'],
  [/\bhtx\b/g, 'hop tac xa'],
  [/\btht\b/g, 'to hop tac'],
  [/\blh\b/g, 'lien hiep'],
  [/\bnn\b/g, 'nong nghiep'],
  [/\bdv\b/g, 'dich vu'],
  [/\bsx\b/g, 'san xuat'],
  [/\btm\b/g, 'thuong mai'],
  [/\bkd\b/g, 'kinh doanh'],
  [/\btmdv\b/g, 'thuong mai dich vu'],
];

/** The words that only say what kind of organization it is. */
const kindPrefix = /^(lien hiep hop tac xa|hop tac xa|to hop tac|quy tin dung nhan dan)\s+/;

/**
 * The key two spellings of one organization's name share: "HTX NN Vĩnh Bình", "Hợp tác xã nông
 * nghiệp Vĩnh Bình" and "HTX Nông nghiệp Vĩnh Bình" all give "nong nghiep vinh binh". Used to flag
 * possible duplicates and to match imported rows; never shown.
 */
export function organizationNameKey(name: string): string {
  let key = foldText(name).replace(/[.,;:()"'“”\-–]/g, ' ');
  for (const [pattern, expansion] of nameAbbreviations) key = key.replace(pattern, expansion);
  return key.replace(/\s+/g, ' ').trim().replace(kindPrefix, '');
}

/** An ISO date as a person reads it in Vietnam: `2024-03-01` → `01/03/2024`. */
export function formatIsoDateVi(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}
