/**
 * Where a row's organization is today, from what the list says: a current commune, or an address
 * from before 1 July 2025 ("ấp Vĩnh Hòa, xã Vĩnh Bình, huyện Châu Thành, tỉnh An Giang") mapped to
 * the commune it went into. Only an unambiguous mapping is taken; otherwise the person is asked.
 */
import type { Commune } from '../../../shared/domain';
import { cleanText, foldText } from '../../../shared/text';
import type { AddressReading, AdminUnits, NotInDistrict } from '../../adminUnits';

export type PlaceReading =
  | { kind: 'mapped'; commune: Commune; street: string; oldAddress: string }
  | {
      kind: 'ambiguous';
      candidates: Commune[];
      street: string;
      oldAddress: string;
      alsoOldDistrict: AddressReading['alsoOldDistrict'];
      /** Chosen row by row, never for every row of these words nor remembered (`AddressReading.anywhereInDistrict`). */
      anywhereInDistrict: boolean;
      /** Asked because the old commune written was not of the old district written, not because it was divided. */
      notInDistrict: NotInDistrict | null;
    }
  /**
   * Not found: the person chooses a commune of `provinceCode`, the province the row names, else the
   * alliance's. `elsewhere` holds the communes the words name in other provinces, for the note.
   */
  | { kind: 'unknown'; provinceCode: string; street: string; oldAddress: string; elsewhere: Commune[] };

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

/** What a street part starts with: a house number, a hamlet, a road. */
const streetWord = /^(\d|so\s|ap\s|thon\s|xom\s|khom\s|to\s|ban\s|duong\s|khu pho\s|kp\s|khu\s|lo\s|quoc lo|ql\s|tinh lo)/;

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
 * Reads the province, commune, district and address columns (`AdminUnits.readAddress`). A place
 * that names a district (its own column, "huyện / quận / thị xã / thành phố …", or the district
 * around the old commune a part before it names: "Long Điền A, Chợ Mới") or a town (thị trấn) is an
 * old address, mapped through the old communes of that district, even where a commune of today
 * bears the same name. Otherwise the commune of today of that name is taken; failing that, an old
 * commune's. Where the address and the commune column name different communes, or an old commune
 * went to several, the person is asked. The place is looked for in the province the row names (its
 * column, or a last part written as a province), else in the alliance's: a cooperative of another
 * province is recorded there (and kept out of this province's statistics).
 */
export function readPlace(places: AdminUnits, homeProvinceCode: string, written: WrittenPlace): PlaceReading {
  const address = cleanText(written.address);
  const commune = cleanText(written.commune);
  const street = places
    .splitAddress(address)
    .filter((part) => streetWord.test(foldText(part)))
    .join(', ');
  if (commune === '' && address === '') return { kind: 'unknown', provinceCode: homeProvinceCode, street: '', oldAddress: '', elsewhere: [] };
  const column = cleanText(written.province ?? '');
  const columnProvince = column === '' ? undefined : places.findProvinceAnyTime(column)?.province.code;
  const reading = places.readAddress({ address, commune, district: cleanText(written.district) }, homeProvinceCode, columnProvince);
  const { match } = reading;
  // Kept unless read as a commune of today: what the app could not place is kept as written.
  const oldAddress = reading.old || match.kind === 'unknown' ? wholeOldAddress(written) : '';
  // An old commune the source maps into another province is not a place of the province the row names.
  const found = match.kind === 'mapped' ? [match.commune] : match.kind === 'ambiguous' ? match.candidates : [];
  const candidates = found.filter((candidate) => candidate.provinceCode === reading.provinceCode);
  const [only] = candidates;
  if (!only) return { kind: 'unknown', provinceCode: reading.provinceCode, street, oldAddress, elsewhere: found };
  if (candidates.length === 1) return { kind: 'mapped', commune: only, street, oldAddress };
  return { kind: 'ambiguous', candidates, street, oldAddress, alsoOldDistrict: reading.alsoOldDistrict, anywhereInDistrict: reading.anywhereInDistrict, notInDistrict: reading.notInDistrict };
}

/**
 * Why the person is asked for the commune of an old commune written beside a district that held
 * none of its name, in the import's words: "Không có xã Vĩnh Trường trong huyện Châu Thành (cũ);
 * xã Vĩnh Trường của huyện An Phú (cũ) nay thuộc Xã Vĩnh Trường."
 */
export function notInDistrictWords({ commune, districts, elsewhere }: NotInDistrict): string {
  const named = elsewhere.map(({ district, now }) => `${district ? `${commune} của ${district} (cũ)` : commune} nay thuộc ${now.map((place) => place.fullName).join(' hoặc ')}`);
  return `Không có ${commune} trong ${districts.join(' hoặc ')} (cũ); ${named.join('; ')}.`;
}
