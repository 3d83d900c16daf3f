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
  return expandedName(name, nameAbbreviations).replace(kindPrefix, '');
}

/** The name folded, punctuation dropped, each abbreviation written out. */
function expandedName(name: string, abbreviations: [RegExp, string][]): string {
  let key = foldText(name).replace(/[.,;:()"'“”\-–]/g, ' ');
  for (const [pattern, expansion] of abbreviations) key = key.replace(pattern, expansion);
  return key.replace(/\s+/g, ' ').trim();
}

/** Abbreviations of enterprises' legal forms, folded; read before the organizations' ones. */
const partnerAbbreviations: [RegExp, string][] = [
  [/\bctcp\b/g, 'cong ty co phan'],
  [/\bcty\b/g, 'cong ty'],
  [/\btnhh\b/g, 'trach nhiem huu han'],
  [/\bmtv\b/g, 'mot thanh vien'],
  [/\bcp\b/g, 'co phan'],
  [/\bdntn\b/g, 'doanh nghiep tu nhan'],
  [/\bdn\b/g, 'doanh nghiep'],
  [/\bxnk\b/g, 'xuat nhap khau'],
  ...nameAbbreviations,
];

/** The words that only say an enterprise's legal form; the longest form is tried first. */
const legalFormPrefix =
  /^(cong ty trach nhiem huu han (mot thanh vien|hai thanh vien tro len) |cong ty trach nhiem huu han |cong ty co phan |cong ty hop danh |cong ty |doanh nghiep tu nhan |doanh nghiep )/;

/**
 * `organizationNameKey` for partners: "Công ty CP Thực phẩm Hà Nội", "CTCP Thực phẩm Hà Nội" and
 * "Công ty Cổ phần Thực phẩm Hà Nội" all give "thuc pham ha noi". Flags possible duplicates; never shown.
 */
export function partnerNameKey(name: string): string {
  return expandedName(name, partnerAbbreviations).replace(legalFormPrefix, '');
}

/** An ISO date as a person reads it in Vietnam: `2024-03-01` → `01/03/2024`. */
export function formatIsoDateVi(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}
