/**
 * Text typed with the pre-Unicode Vietnamese fonts (.VnTime for TCVN3, VNI-Times for VNI) reaches
 * us as Latin-1 gibberish: "Hîp t¸c x·" or "Hôïp taùc xaõ" for "Hợp tác xã". A cell whose font is
 * one of them is read into Unicode by that font's table (`decodeLegacyText`): the font says which
 * table, and whether its letters show as capitals. Text that only looks legacy, in a Unicode font,
 * cannot be read so surely: the import says so and asks for the file to be converted first.
 */
import type { LegacyEncoding, LegacyFontKind, SourceRow } from './types';

/**
 * How far past ASCII a text reaches: 'ascii', 'latin1', or 'beyond' Latin-1, known at its first
 * character past it. Vietnamese in Unicode always uses letters past Latin-1 (ạ, ă, đ, ơ, ư, ế…)
 * somewhere, mostly in its first word; a scan that stops there is asked of every cell an import reads.
 */
function reach(text: string): 'ascii' | 'latin1' | 'beyond' {
  let latin1 = false;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code >= 0x100) return 'beyond';
    if (code >= 0x80) latin1 = true;
  }
  return latin1 ? 'latin1' : 'ascii';
}
/** Latin-1 letters that Vietnamese never uses; both legacy encodings produce them. */
const foreignLatin1 = /[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db-\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb-\u00ff]/u;
/**
 * TCVN3 puts the commonest lower-case letters (à á ả ã ạ ă â ê ô ơ đ) on the symbols ¡–¿, so a
 * symbol between or right after letters is its mark.
 */
const tcvn3Mark = /[a-z\u00c0-\u00ff][\u00a1-\u00bf]|[\u00a1-\u00bf][a-z]/iu;
/**
 * VNI writes a base letter followed by a tone or shape letter: ø ù û õ ï (tones), ö (horn),
 * ä å ë (circumflex with a tone), and ñ/Ñ for đ/Đ before a vowel.
 */
const vniMark = /[aeiouyâêôAEIOUYÂÊÔ][øùûõïöäåëØÙÛÕÏÖÄÅË]|(?:^|[^a-z])[ñÑ][aeiouôöAEIOUÔÖ]/u;

/** Share of the texts with non-ASCII letters that must look legacy before we say so. */
const threshold = 0.3;

/**
 * Which legacy font the texts look typed in, when a good share of those that carry any Vietnamese
 * marks look like it; null when they read as Unicode (or carry no marks at all).
 */
export function detectLegacyEncoding(texts: string[]): LegacyEncoding | null {
  let marked = 0;
  let tcvn3 = 0;
  let vni = 0;
  for (const text of texts) {
    const reaches = reach(text);
    // Plain ASCII carries no evidence either way.
    if (reaches === 'ascii') continue;
    marked++;
    if (reaches === 'beyond' || !foreignLatin1.test(text)) continue;
    if (tcvn3Mark.test(text)) tcvn3++;
    else if (vniMark.test(text)) vni++;
  }
  if (marked === 0) return null;
  if (tcvn3 >= vni && tcvn3 / marked >= threshold) return 'tcvn3';
  if (vni > tcvn3 && vni / marked >= threshold) return 'vni';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Reading text by its font

/**
 * The legacy encoding a font name says its text is in: the ABC fonts of TCVN3 are named ".Vn…"
 * (".VnTime", ".VnArial Narrow"), their capitals-only twins end in "H" (".VnTimeH"), where a
 * lower-case code shows as its capital; VNI's are named "VNI-…" ("VNI-Times"). Null for any other.
 */
export function legacyFontOf(fontName: string): LegacyFontKind | null {
  const name = fontName.trim();
  if (/^\.vn/i.test(name)) return /h$/i.test(name) ? 'tcvn3Capitals' : 'tcvn3';
  if (/^vni[-\s]/i.test(name)) return 'vni';
  return null;
}

/** A legacy font a cell's format or a rich-text run names, and how its text is read. */
export interface LegacyFont {
  name: string;
  kind: LegacyFontKind;
}

export function legacyFontNamed(name: string | null | undefined): LegacyFont | null {
  const kind = name === null || name === undefined ? null : legacyFontOf(name);
  return name === null || name === undefined || kind === null ? null : { name: name.trim(), kind };
}

/**
 * A piece of rich text whose runs name their own fonts: read by its run's font (`font`), or by
 * the cell's when the run names none (`font` undefined).
 */
export interface StringRun {
  text: string;
  font?: LegacyFont | null;
}

/** Text typed in `font`, read into Unicode (`decodeLegacyText`); `row` notes the font when that changed it. */
export function readInFont(text: string, font: LegacyFont, row: SourceRow): string {
  const read = decodeLegacyText(text, font.kind);
  if (read !== text && !row.legacyFonts?.includes(font.name)) (row.legacyFonts ??= []).push(font.name);
  return read;
}

/**
 * TCVN3 (TCVN 5712:1993, its VN3 set): the 7 capitals and 67 small letters it gives a code past
 * ASCII, in the order of their codes. Excel keeps a code as the Latin-1 character of that number.
 */
const TCVN3_LETTERS = 'ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ';
const TCVN3_CODE_RANGES: readonly [number, number][] = [
  [0xa1, 0xae],
  [0xb5, 0xb9],
  [0xbb, 0xbe],
  [0xc6, 0xcc],
  [0xce, 0xd8],
  [0xdc, 0xdf],
  [0xe1, 0xef],
  [0xf1, 0xfe],
];
const tcvn3Letters = new Map<string, string>(
  TCVN3_CODE_RANGES.flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, at) => String.fromCharCode(first + at))).map((code, at) => [code, TCVN3_LETTERS[at] ?? code]),
);

function decodeTcvn3(text: string): string {
  let decoded = '';
  for (const character of text) decoded += tcvn3Letters.get(character) ?? character;
  return decoded;
}

/**
 * VNI writes a letter then what marks it: a tone (ù ø û õ ï: sắc, huyền, hỏi, ngã, nặng), â for a
 * circumflex over a, e, o (á à å ã ä: with a tone), ê for a breve over a (é è ú ü ë: with a tone).
 * ơ, ư, đ and i, y with some tones are single codes. Upper-case text uses the upper-case codes.
 */
const TONES = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
/** Each VNI code, in lower case, and the letter or marks it stands for. */
const VNI_TONES = new Map(['ù', 'ø', 'û', 'õ', 'ï'].map((code, at) => [code, TONES[at] ?? '']));
const VNI_CIRCUMFLEX = new Map(['â', 'á', 'à', 'å', 'ã', 'ä'].map((code, at) => [code, `\u0302${TONES[at - 1] ?? ''}`]));
const VNI_BREVE = new Map(['ê', 'é', 'è', 'ú', 'ü', 'ë'].map((code, at) => [code, `\u0306${TONES[at - 1] ?? ''}`]));
const VNI_SINGLE = new Map<string, string>([
  ['ô', 'ơ'],
  ['ö', 'ư'],
  ['ñ', 'đ'],
  ['í', 'í'],
  ['ì', 'ì'],
  ['æ', 'ỉ'],
  ['ó', 'ĩ'],
  ['ò', 'ị'],
  ['î', 'ỵ'],
]);
for (const [code, letter] of [...VNI_SINGLE]) VNI_SINGLE.set(code.toUpperCase(), letter.toUpperCase());

/** The combining marks the VNI code `code` (in lower case) adds to `letter`, when it is a mark that letter takes. */
function vniMarks(letter: string, code: string): string | undefined {
  const [base = '', ...marks] = letter.normalize('NFD');
  const vowel = base.toLowerCase();
  if (/^[aeiouy]$/.test(vowel) && !marks.some((mark) => TONES.includes(mark))) {
    const tone = VNI_TONES.get(code);
    if (tone !== undefined) return tone;
  }
  if (marks.length > 0) return undefined;
  return (/^[aeo]$/.test(vowel) ? VNI_CIRCUMFLEX.get(code) : undefined) ?? (vowel === 'a' ? VNI_BREVE.get(code) : undefined);
}

function decodeVni(text: string): string {
  const letters: string[] = [];
  for (const code of text) {
    const previous = letters.at(-1);
    const marks = previous === undefined ? undefined : vniMarks(previous, code.toLowerCase());
    if (previous !== undefined && marks !== undefined) letters[letters.length - 1] = (previous + marks).normalize('NFC');
    else letters.push(VNI_SINGLE.get(code) ?? code);
  }
  return letters.join('');
}

/** A Vietnamese letter only Unicode has (ă, đ, ơ, ư, ạ, ế…): a legacy font's text never holds one. */
const unicodeVietnamese = /[\u0100-\u024f\u1e00-\u1eff]/u;

/**
 * Text typed in a legacy font, as Unicode: what the person saw on the screen. Text that already
 * holds a letter only Unicode has was typed in Unicode into a cell of that font, and is left as it is.
 */
export function decodeLegacyText(text: string, kind: LegacyFontKind): string {
  if (unicodeVietnamese.test(text)) return text;
  if (kind === 'vni') return decodeVni(text);
  const decoded = decodeTcvn3(text);
  return kind === 'tcvn3Capitals' ? decoded.toUpperCase() : decoded;
}
