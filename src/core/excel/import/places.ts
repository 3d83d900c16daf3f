/**
 * Where a row's organization is today, from what the list says: a current commune, or an address
 * from before 1 July 2025 ("ấp Vĩnh Hòa, xã Vĩnh Bình, huyện Châu Thành, tỉnh An Giang") mapped to
 * the commune it went into. Only an unambiguous mapping is taken; otherwise the person is asked.
 */
import type { Commune } from '../../../shared/domain';
import { cleanText, foldText } from '../../../shared/text';
import type { AdminUnits } from '../../adminUnits';

export type PlaceReading =
  | { kind: 'mapped'; commune: Commune; street: string; oldAddress: string }
  | { kind: 'ambiguous'; candidates: Commune[]; street: string; oldAddress: string }
  | { kind: 'unknown'; street: string; oldAddress: string };

/** What a row says of its place, each from its own column (any may be blank). */
export interface WrittenPlace {
  commune: string;
  /** A district column ("Huyện", "Quận/huyện"): there were none after 1 July 2025. */
  district: string;
  address: string;
  /** A street column (ấp, số nhà): part of the old address as written, never read for the place. */
  street?: string;
  /** A province column ("Tỉnh", "Tỉnh/TP"): today's name or one from before 1 July 2025. */
  province?: string;
}

/** The parts of a one-line address, as `suggestFromOldAddress` splits it. */
function partsOf(text: string): string[] {
  return text
    .split(/[,;]| - /)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Districts and towns (thị trấn) ended on 1 July 2025: an address naming one was written before. */
const districtWord = /^(huyen|quan|thi xa|tx|h\.|q\.|thi tran|tt)[\s.]/;
const cityWord = /^(thanh pho|tp)[\s.]/;
/** What a street part starts with: a house number, a hamlet, a road. */
const streetWord = /^(\d|so\s|ap\s|thon\s|xom\s|khom\s|to\s|ban\s|duong\s|khu pho\s|kp\s|khu\s|lo\s|quoc lo|ql\s|tinh lo)/;

/** Whether the written place is from before 1 July 2025: it names a district or a town. */
function isOld(places: AdminUnits, provinceCode: string, written: WrittenPlace, parts: readonly string[]): boolean {
  if (written.district !== '') return true;
  return [written.commune, ...parts].some((part) => {
    const folded = foldText(part);
    // "Thành phố Long Xuyên" was a district-level city; "Thành phố Cần Thơ" is a province.
    if (districtWord.test(folded)) return true;
    return cityWord.test(folded) && !places.findProvince(part) && places.namesOldDistrict(part, provinceCode);
  });
}

/**
 * The old address whole, as written: the address cell, with the commune and district cells that
 * it does not already say ("ấp Mỹ Hòa" + "Vĩnh Bình" + "Châu Thành" → "ấp Mỹ Hòa, Vĩnh Bình, Châu Thành").
 */
function wholeOldAddress(written: WrittenPlace): string {
  const address = cleanText(written.address);
  const said = foldText(address);
  const street = cleanText(written.street ?? '');
  const more = [written.commune, written.district].map(cleanText).filter((part) => part !== '' && !said.includes(foldText(part)));
  return [street && !said.includes(foldText(street)) ? street : '', address, ...more].filter(Boolean).join(', ');
}

/**
 * The province a row names, when it names one: its province column, else the last part of its
 * address ("…, tỉnh Đồng Tháp", "…, Bạc Liêu"), as today's province (an old one mapped to the one
 * it went into).
 */
function namedProvince(places: AdminUnits, written: WrittenPlace): string | undefined {
  const column = cleanText(written.province ?? '');
  const last = partsOf(written.address).at(-1);
  const text = column !== '' ? column : last;
  return text === undefined ? undefined : places.findProvinceAnyTime(text)?.province.code;
}

/**
 * Reads the province, commune, district and address columns. A place that names a district (its
 * own column, or "huyện / quận / thị xã / thành phố …" in the text) or a town (thị trấn) is an old
 * address, mapped through the old communes of that district, even where a commune of today bears
 * the same name. Otherwise the commune of today of that name is taken; failing that, an old
 * commune's. The place is looked for in the province the row names, else in the alliance's: a
 * cooperative of another province is recorded there (and kept out of this province's statistics).
 */
export function readPlace(places: AdminUnits, homeProvinceCode: string, written: WrittenPlace): PlaceReading {
  const provinceCode = namedProvince(places, written) ?? homeProvinceCode;
  const reading = readAnyPlace(places, provinceCode, written);
  const candidates = (reading.kind === 'mapped' ? [reading.commune] : reading.kind === 'ambiguous' ? reading.candidates : []).filter(
    (commune) => commune.provinceCode === provinceCode,
  );
  const { street, oldAddress } = reading;
  if (reading.kind === 'unknown' || candidates.length === 0) return { kind: 'unknown', street, oldAddress };
  const [only] = candidates;
  if (candidates.length === 1 && only) return { kind: 'mapped', commune: only, street, oldAddress };
  return { kind: 'ambiguous', candidates, street, oldAddress };
}

function readAnyPlace(places: AdminUnits, provinceCode: string, written: WrittenPlace): PlaceReading {
  const parts = partsOf(written.address);
  const street = parts.filter((part) => streetWord.test(foldText(part))).join(', ');
  const commune = cleanText(written.commune);
  const district = cleanText(written.district);
  if (commune === '' && parts.length === 0) return { kind: 'unknown', street: '', oldAddress: '' };
  const oldText = [commune, ...parts].filter(Boolean).join(', ');

  if (isOld(places, provinceCode, written, parts)) {
    const oldAddress = wholeOldAddress(written);
    const old = places.suggestFromOldAddress(oldText, provinceCode, district || undefined);
    if (old.kind === 'mapped') return { kind: 'mapped', commune: old.commune, street, oldAddress };
    if (old.kind === 'ambiguous') return { kind: 'ambiguous', candidates: old.candidates, street, oldAddress };
    return { kind: 'unknown', street, oldAddress };
  }
  const current = [commune, ...parts.filter((part) => !streetWord.test(foldText(part)))]
    .filter(Boolean)
    .map((part) => places.findCommune(provinceCode, part))
    .find((found) => found !== undefined);
  if (current) return { kind: 'mapped', commune: current, street, oldAddress: '' };
  const oldAddress = wholeOldAddress(written);
  const old = places.suggestFromOldAddress(oldText, provinceCode);
  if (old.kind === 'mapped') return { kind: 'mapped', commune: old.commune, street, oldAddress };
  if (old.kind === 'ambiguous') return { kind: 'ambiguous', candidates: old.candidates, street, oldAddress };
  return { kind: 'unknown', street, oldAddress };
}
