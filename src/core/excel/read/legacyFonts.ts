/**
 * Text typed with the pre-Unicode Vietnamese fonts (.VnTime for TCVN3, VNI-Times for VNI) reaches
 * us as Latin-1 gibberish: "Hîp t¸c x·" or "Hôïp taùc xaõ" for "Hợp tác xã". Converting it back is
 * guesswork per font, so the import only warns and asks for the file to be converted first.
 */
import type { LegacyEncoding } from './types';

/** Vietnamese in Unicode always uses letters past Latin-1 (ạ, ă, đ, ơ, ư, ế…) somewhere. */
const beyondLatin1 = /[\u0100-\u{10ffff}]/u;
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
    // Plain ASCII carries no evidence either way.
    if (!/[\u0080-\u{10ffff}]/u.test(text)) continue;
    marked++;
    if (beyondLatin1.test(text) || !foreignLatin1.test(text)) continue;
    if (tcvn3Mark.test(text)) tcvn3++;
    else if (vniMark.test(text)) vni++;
  }
  if (marked === 0) return null;
  if (tcvn3 >= vni && tcvn3 / marked >= threshold) return 'tcvn3';
  if (vni > tcvn3 && vni / marked >= threshold) return 'vni';
  return null;
}
