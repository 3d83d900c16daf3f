/**
 * Where a row's organization is today, from what the list says: a current commune, or an address
 * from before 1 July 2025 ("ấp Vĩnh Hòa, xã Vĩnh Bình, huyện Châu Thành, tỉnh An Giang") mapped to
 * the commune it went into. Only an unambiguous mapping is taken; otherwise the person is asked.
 */
import type { Commune } from '../../../shared/domain';
import { unitNameInSentence } from '../../../shared/format';
import { cleanText, foldText } from '../../../shared/text';
import { partedAtTypeWords, type AddressReading, type AdminUnits, type AlsoOldCommunes, type NotInDistrict, type OldNamesake } from '../../adminUnits';

export type PlaceReading =
  | {
      kind: 'mapped';
      commune: Commune;
      street: string;
      oldAddress: string;
      /** Read as today's commune of a name old communes elsewhere bore too (`AddressReading.alsoOldCommunes`). */
      alsoOldCommunes?: AlsoOldCommunes;
    }
  | {
      kind: 'ambiguous';
      /** All of `provinceCode`, the province the row names, else the alliance's. */
      candidates: Commune[];
      provinceCode: string;
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
  // Parted as the place is read when it is written without commas: "ấp Phú Hòa xã Phú Thuận" is ấp Phú Hòa.
  const street = places
    .splitAddress(partedAtTypeWords(address))
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
  if (candidates.length === 1) return { kind: 'mapped', commune: only, street, oldAddress, ...(reading.alsoOldCommunes ? { alsoOldCommunes: reading.alsoOldCommunes } : {}) };
  return { kind: 'ambiguous', candidates, provinceCode: reading.provinceCode, street, oldAddress, alsoOldDistrict: reading.alsoOldDistrict, anywhereInDistrict: reading.anywhereInDistrict, notInDistrict: reading.notInDistrict };
}

/**
 * "xã Vĩnh Trường của huyện An Phú (cũ) nay thuộc xã Vĩnh Hậu", naming only the communes of today
 * of `provinceCode` (all of them when it is not known): the form and the import offer no other, so
 * a reason names no other. Nothing when the old commune went only elsewhere. An island district
 * that was a unit of its own has no district around it.
 */
function wentTo(commune: string, district: string, now: readonly Commune[], provinceCode: string | undefined): string[] {
  const within = now.filter((place) => provinceCode === undefined || place.provinceCode === provinceCode);
  if (within.length === 0) return [];
  const old = district ? `${commune} của ${district} (cũ)` : commune;
  return [`${old} nay thuộc ${within.map((place) => unitNameInSentence(place.fullName)).join(' hoặc ')}`];
}

/**
 * Why the person is asked for the commune of an old commune written beside a district that held
 * none of its name, in the import's words: "Không có xã Vĩnh Trường trong huyện Châu Thành (cũ);
 * xã Vĩnh Trường của huyện An Phú (cũ) nay thuộc xã Vĩnh Hậu." Only the namesakes that went into
 * `provinceCode`, the province the address is read in, are named.
 */
export function notInDistrictWords({ commune, districts, elsewhere }: NotInDistrict, provinceCode: string | undefined): string {
  const named = elsewhere.flatMap(({ district, now }) => wentTo(commune, district, now, provinceCode));
  return `Không có ${commune} trong ${districts.join(' hoặc ')} (cũ)${named.length ? `; ${named.join('; ')}` : ''}.`;
}

/**
 * Why the person is asked when the old commune written was one of several of its name: "Trước
 * 01/07/2025 có 2 nơi mang tên này: xã Vĩnh Hòa của thị xã Tân Châu (cũ) nay thuộc xã Vĩnh Xương;
 * …". Only those that went into `provinceCode` are counted and named; null when fewer than two
 * did, for then the choices are the parts of one divided old commune, which the form says itself.
 */
export function namesakesWords(namesakes: readonly OldNamesake[], provinceCode: string | undefined): string | null {
  const each = namesakes.flatMap(({ commune, district, now }) => wentTo(commune, district, now, provinceCode));
  return each.length < 2 ? null : `Trước 01/07/2025 có ${each.length} nơi mang tên này: ${each.join('; ')}.`;
}

/**
 * What a name read as today's commune may also have meant, and what to write for the old one: its
 * old district as the catalogue names it — "«Vĩnh Hòa» đọc là xã Vĩnh Hòa hiện nay; nếu là xã
 * Vĩnh Hòa cũ của thị xã Tân Châu (nay thuộc xã Vĩnh Xương), hãy ghi thêm thị xã Tân Châu." — or,
 * for an island district that was a unit of its own, that district. Only the old communes that
 * went into the province of `commune` are named (as `wentTo`); null when none did.
 */
export function alsoOldCommunesWords({ written, namesakes }: AlsoOldCommunes, commune: Commune): string | null {
  const olds = namesakes.flatMap(({ commune: old, district, now }) => {
    const within = now.filter((place) => place.provinceCode === commune.provinceCode);
    const said = `${old} cũ${district ? ` của ${district}` : ''} (nay thuộc ${within.map((place) => unitNameInSentence(place.fullName)).join(' hoặc ')})`;
    return within.length ? [{ said, toWrite: district || old }] : [];
  });
  if (olds.length === 0) return null;
  const toWrite = [...new Set(olds.map((one) => one.toWrite))];
  return `«${written}» đọc là ${unitNameInSentence(commune.fullName)} hiện nay; nếu là ${olds.map((one) => one.said).join(' hoặc ')}, hãy ghi thêm ${toWrite.join(' hoặc ')}.`;
}
