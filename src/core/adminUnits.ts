/**
 * Vietnam's administrative units from 1 July 2025 (34 provinces, 3,321 communes) and the mapping
 * of the 10,047 communes before it, read from resources/admin-units/admin-units.json (derived by
 * scripts/derive-admin-units.ts). Lookups accept names as people type them.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Commune, OldAddressMatch, Province } from '../shared/domain';
import { unitNameInSentence } from '../shared/format';
import { foldText, vietnameseCollator } from '../shared/text';

export type { Commune, Province };

export type { OldAddressMatch };

export interface ProvinceOfInitials {
  fullName: string;
  /** A province of before 1 July 2025 only. */
  former: boolean;
}

export interface ProvinceFound {
  province: Province;
  formerName: string | null;
  shortForm: boolean;
}

export interface AdminUnits {
  /** The shipped file's sha256: what the database's copy of the units was filled from (see shippedData.ts). */
  fingerprint: string;
  /** In code order, which is the statistics office's north-to-south order. */
  provinces: readonly Province[];
  province(code: string): Province | undefined;
  commune(code: string): Commune | undefined;
  /** In Vietnamese alphabetical order. */
  communesOf(provinceCode: string): readonly Commune[];
  findProvince(text: string): Province | undefined;
  /**
   * A province named as today or as before 1 July 2025 ("Bạc Liêu" → Tỉnh Cà Mau), or by its
   * initials in a cell that holds only a province ("AG", "BR-VT"; see `provinceShortForms`): the
   * province of today, the old province's full name when the text named one that is no more, and
   * whether the text was initials.
   */
  findProvinceAnyTime(text: string): ProvinceFound | undefined;
  /** The provinces, of today and of before 1 July 2025, whose initials the text is ("HN": Thành phố Hà Nội, Tỉnh Hà Nam). */
  provincesOfInitials(text: string): ProvinceOfInitials[];
  /** The provinces before 1 July 2025 merged into this one, other than itself ("Tỉnh Bạc Liêu" for Cà Mau). */
  formerNames(provinceCode: string): string[];
  findCommune(provinceCode: string, text: string): Commune | undefined;
  /**
   * Maps a pre-July-2025 address by old province, old commune and, when known, its old district
   * (which tells apart communes of one name in one old province).
   */
  mapOldAddress(oldProvince: string, oldCommune: string, oldDistrict?: string): OldAddressMatch;
  /**
   * Maps an old address written in one line ("xã Cao Dương, huyện Lương Sơn, tỉnh Hòa Bình"): the
   * part written as a province (or the old provinces merged into `homeProvinceCode`), the old
   * district (`district`, or a part naming one), then the part naming an old commune there. It
   * reads the text as `readAddress` does, as an address of before 1 July 2025, and says as it does
   * why there are choices when they are not the parts of one divided old commune. `provinceCode`
   * is the province the text names, else `homeProvinceCode`: an old commune the source maps into
   * another province is among the choices all the same, for the caller to keep or set aside.
   */
  suggestFromOldAddress(
    text: string,
    homeProvinceCode?: string,
    district?: string,
  ): Pick<AddressReading, 'match' | 'notInDistrict' | 'namesakes'> & { provinceCode: string | undefined };
  /**
   * Where a place written in a list is today: an address line, with the commune and the district
   * of their own columns when the list has them; `provinceCode` when the list says the province
   * in a column of its own.
   */
  readAddress(written: WrittenAddress, homeProvinceCode: string, provinceCode?: string): AddressReading;
  /**
   * The parts of a one-line address ("ấp 3; xã Vĩnh Hòa - Tân Châu, An Giang"), split at commas,
   * semicolons and " - ", except inside a place named with " - " ("Phường Văn Miếu - Quốc Tử Giám").
   */
  splitAddress(text: string): string[];
}

/** A place as a list writes it; any part may be blank. */
export interface WrittenAddress {
  /** One line: "ấp Long Hòa, xã Long Điền A, huyện Chợ Mới, tỉnh An Giang", or only its first parts. */
  address: string;
  /** A commune column, of today or of before 1 July 2025. */
  commune?: string;
  /** A district column: there were none after 1 July 2025. */
  district?: string;
}

export interface AddressReading {
  /** Today's province the place is in: the one it names, else the home province. */
  provinceCode: string;
  /** Read as written before 1 July 2025: it names a district or a town, or only an old commune fits. */
  old: boolean;
  /** One commune of today, several the person chooses among, or none found. */
  match: OldAddressMatch;
  /**
   * A name written without a type word that is today's commune and was an old district too
   * ("Chợ Mới": Xã Chợ Mới, and huyện Chợ Mới): the choices hold the communes that district's went to.
   */
  alsoOldDistrict: { name: string; commune: string; district: string } | null;
  /**
   * The choices are the communes of an old district the address may mean as a whole (it names
   * no commune, or `alsoOldDistrict`): two rows of the same words need not be in the same place.
   */
  anywhereInDistrict: boolean;
  /**
   * The old commune written is not one of the old district written ("Vĩnh Trường, Châu Thành": xã
   * Vĩnh Trường was of huyện An Phú): the choices hold where the communes of that name went and the
   * district's communes, since either may be the mistake. Not an old commune divided between several.
   */
  notInDistrict: NotInDistrict | null;
  /**
   * The old commune written was one of several of that name where it was looked for (no district
   * written, or two districts of one name): the choices are where each of them went, not the parts
   * of one old commune divided between several.
   */
  namesakes: OldNamesake[] | null;
  /**
   * A name read as the one commune of today that bears it, that old communes of the province bore
   * too and that went elsewhere ("Vĩnh Hòa": today's Xã Vĩnh Hòa, though old xã Vĩnh Hòa of thị xã
   * Tân Châu is now in Xã Vĩnh Xương). Today's name comes first; the person is told of the others.
   */
  alsoOldCommunes: AlsoOldCommunes | null;
}

/** See `AddressReading.alsoOldCommunes`. */
export interface AlsoOldCommunes {
  /** The name as written: "Vĩnh Hòa". */
  written: string;
  /** Written in the commune column, not in the address. */
  inCommuneColumn: boolean;
  /** The old communes of that name that did not go into the commune it was read as. */
  namesakes: OldNamesake[];
}

/** One of the old communes of the name written; see `AddressReading.namesakes`. */
export interface OldNamesake {
  /** As a sentence names it: "xã Vĩnh Hòa". */
  commune: string;
  /** Its old district: "thị xã Tân Châu". */
  district: string;
  /** The commune(s) of today it went to. */
  now: Commune[];
}

/** An old commune written beside an old district that held none of its name; see `AddressReading.notInDistrict`. */
export interface NotInDistrict {
  /** As a sentence names it: "xã Vĩnh Trường". */
  commune: string;
  /** The district(s) written: "huyện Châu Thành". */
  districts: string[];
  /** The old communes of that name in other districts, with the commune(s) of today each went to. */
  elsewhere: { district: string; now: Commune[] }[];
}

export function defaultAdminUnitsFile(resourcesDir: string): string {
  return join(resourcesDir, 'admin-units', 'admin-units.json');
}

const oldUnitRow = z.tuple([z.string(), z.string(), z.string(), z.string(), z.array(z.string()).min(1)]);
const fileSchema = z.object({
  format: z.object({ version: z.literal(2) }),
  provinces: z.array(z.tuple([z.string(), z.string(), z.string()])),
  communes: z.array(z.tuple([z.string(), z.string(), z.string(), z.string()])),
  oldProvinces: z.array(z.tuple([z.string(), z.string(), z.string(), z.array(z.string())])),
  oldCommunes: z.array(z.tuple([z.string(), z.string(), z.string(), z.string(), z.array(z.string()).min(1), z.string()])),
  districts: z.array(z.tuple([z.string(), z.string(), z.string(), z.string()])),
  oldDistricts: z.array(oldUnitRow),
});

/**
 * How people write the type words, keyed by the type as stored. The accented and plain spellings
 * are listed separately on purpose: "phuong" may be "Phường", but "Phương" never is, and names such
 * as Phương Liệt, Tịnh Biên or Xà Phìn must not lose their first word.
 */
const provinceTypeWords: Record<string, string[]> = {
  'Thành phố': ['thành phố', 'thanh pho', 'tp'],
  Tỉnh: ['tỉnh', 'tinh', 't'],
};
const communeTypeWords: Record<string, string[]> = {
  Xã: ['xã', 'xa', 'x'],
  Phường: ['phường', 'phuong', 'p'],
  'Đặc khu': ['đặc khu', 'dac khu'],
};
/** Old communes add towns, and the island districts that had no communes. */
const oldCommuneTypeWords: Record<string, string[]> = {
  ...communeTypeWords,
  'Thị trấn': ['thị trấn', 'thi tran', 'tt'],
  Huyện: ['huyện', 'huyen'],
};
/** The district level before 1 July 2025, as people wrote its type words. */
const districtTypeWords: Record<string, string[]> = {
  Quận: ['quận', 'quan', 'q'],
  Huyện: ['huyện', 'huyen', 'h'],
  'Thị xã': ['thị xã', 'thi xa', 'tx'],
  'Thành phố': ['thành phố', 'thanh pho', 'tp'],
};

/**
 * Names in common use that are not the official one, compared folded; the codes are the same
 * before and after 2025 (62 and 67 are of before only). The highlands' names are written with c
 * for k as often as not ("Đắc Lắc", "Daklak").
 */
const provinceAliases: Record<string, string[]> = {
  '79': ['hcm', 'tphcm', 'sài gòn'],
  '46': ['thừa thiên huế', 'tt huế', 'tth'],
  '66': ['dac lac', 'dak lac', 'dac lak', 'daklak'],
  '67': ['dac nong', 'daknong'],
  '62': ['kontum'],
};

/**
 * Provinces by their initials, as lists write them in a province column ("AG", "KG", "ĐT", "BR-VT"):
 * each word's first letter of a province's name, today's or one before 1 July 2025, where no
 * province of another name has the same (BD is Bình Dương and Bình Định, so neither). Keyed as
 * `typedKey` makes what is typed, with đ and without, the halves of a name with a dash apart
 * ("br vt") and together ("brvt"); each to the provinces of those initials, their names folded
 * (for the lookups by name) to their full names (for a message naming them). Never read in an
 * address line, where initials more often name a district ("CM" for huyện Chợ Mới, not Cà Mau).
 */
function provinceShortForms(provinces: readonly { type: string; name: string; former: boolean }[]): Map<string, Map<string, ProvinceOfInitials>> {
  /** By initials, the provinces that have them, by name folded: a name of today and of before 2025 once, as today's. */
  const byForm = new Map<string, Map<string, ProvinceOfInitials>>();
  for (const { type, name, former } of provinces) {
    // "Bà Rịa - Vũng Tàu" → "br", "vt": the dash's halves, written apart or together.
    const halves = name.split(/\s+-\s+/).map((half) => typedKey(half).split(' ').map((word) => word.charAt(0)).join(''));
    const forms = new Set([halves.join(' '), halves.join('')]);
    for (const form of [...forms]) forms.add(form.replace(/đ/g, 'd'));
    for (const form of forms) {
      if (form.replace(/ /g, '').length < 2) continue;
      const named = byForm.get(form) ?? new Map<string, ProvinceOfInitials>();
      if (!named.has(foldText(name))) named.set(foldText(name), { fullName: `${type} ${name}`, former });
      byForm.set(form, named);
    }
  }
  return byForm;
}

/**
 * The comparable form of a name as typed: lower case NFC, punctuation as spaces ("TP.HCM",
 * "Bà Rịa - Vũng Tàu"), apostrophes dropped with the spaces around them (the source itself writes
 * both "K' Dang" and "Cư M'gar"), "P12" read as "P 12" and "Phường 05" as "Phường 5".
 */
function typedKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s*['’ʼ`]\s*/g, '')
    .replace(/[.,;:()/_\-–—]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^p(?=\d)/, 'p ')
    .replace(/(?<![\p{L}\p{N}])0+(?=\d)/gu, '');
}

/** The y of each tone and its i. */
const iOfY: Record<string, string> = { y: 'i', ỳ: 'ì', ý: 'í', ỷ: 'ỉ', ỹ: 'ĩ', ỵ: 'ị' };

/**
 * A name's key with each y that ends a syllable after a consonant written i: Vietnamese writes
 * either there ("Vĩ" and "Vỹ", "Mĩ" and "Mỹ", "Kì" and "Kỳ", "Quí" and "Quý"; the catalogue itself
 * writes "Ô Long Vỹ" and "Bạch Long Vĩ"), never in "ay", "ây", "uy" (Thủy) or "yê" (Yên). The
 * "u" of "qu" is of the consonant. Of a key that `typedKey` or `foldText` made: lower case, NFC.
 */
function iForFinalY(key: string): string {
  return key.replace(/(?<=[bcdđghklmnprstvx]|qu)[yỳýỷỹỵ](?![\p{L}\p{N}])/gu, (y) => iOfY[y] ?? y);
}

/**
 * The forms a name is compared in, most exact first: as written, with i for a final y, folded (no
 * diacritics), folded with i for a final y. Each i/y form comes after its exact one rather than
 * replacing it: folded with i, old Hòa Bình's xã Mi Hòa and xã Mỹ Hòa are both "mi hoa", yet "My
 * Hoa" still finds only Mỹ Hòa and "Mi Hoa" only Mi Hòa, while "Mĩ Hòa" finds Mỹ Hòa, its marks
 * saying more than its spelling. That pair is the only one in the catalogue; tests/core/adminUnits.test.ts
 * checks that every other name written with the other letter finds what it finds as written.
 */
const nameForms: readonly ((key: string) => string)[] = [(key) => key, iForFinalY, foldText, (key) => iForFinalY(foldText(key))];

interface Entry<T> {
  item: T;
  type: string;
}

/**
 * Finds units by name within one scope (the provinces, or one province's communes). Each name is
 * indexed in each of `nameForms`, so that "Văn Lăng" finds only Văn Lăng while "van lang" finds
 * both Văn Lang and Văn Lăng and is left for the caller to call ambiguous.
 */
class NameIndex<T> {
  private readonly byForm = nameForms.map((form) => ({ form, entries: new Map<string, Entry<T>[]>() }));

  constructor(private readonly typeWords: Record<string, string[]>) {}

  add(item: T, type: string, names: readonly string[]): void {
    for (const name of names) {
      const key = typedKey(name);
      for (const { form, entries } of this.byForm) push(entries, form(key), { item, type });
    }
  }

  /** The entries of a name (without its type word) in the first form that has any of `accepted`. */
  private entriesOf(name: string, accepted: (entry: Entry<T>) => boolean): T[] {
    // What the last form, the loosest, does not find, no other finds: most parts of an address
    // (a hamlet, a province) name nothing in most indexes, and are passed over at one look.
    const loosest = this.byForm.at(-1);
    if (!loosest?.entries.get(loosest.form(name))?.some(accepted)) return [];
    for (const { form, entries } of this.byForm) {
      const hits = (entries.get(form(name)) ?? []).filter(accepted);
      if (hits.length) return [...new Set(hits.map((e) => e.item))];
    }
    return [];
  }

  /**
   * Everything the text may name, most specific reading first: the type word as a filter, then the
   * whole text as a name (it may start with a word that looks like a type, "Xa Lý"), then the name
   * without a type word that fits nothing ("xã Lương Sơn" for what was Thị trấn Lương Sơn). Only
   * items that `keep` accepts count.
   */
  lookup(text: string, keep: (item: T) => boolean = () => true): T[] {
    const key = typedKey(text);
    if (!key) return [];
    const typed = this.splitType(key);
    const readings: [type: string | undefined, name: string][] = typed
      ? [typed, [undefined, key], [undefined, typed[1]]]
      : [[undefined, key]];
    for (const [type, name] of readings) {
      const hits = this.entriesOf(name, (e) => (type === undefined || e.type === type) && keep(e.item));
      if (hits.length) return hits;
    }
    return [];
  }

  /** Whether the text starts with one of the type words. */
  hasTypeWord(text: string): boolean {
    return this.splitType(typedKey(text)) !== undefined;
  }

  /** What the text names with the type it is written with ("TP Cà Mau" is no Tỉnh Cà Mau); nothing without a type word. */
  lookupAsTyped(text: string): T[] {
    const typed = this.splitType(typedKey(text));
    if (!typed) return [];
    const [type, name] = typed;
    return this.entriesOf(name, (e) => e.type === type);
  }

  private splitType(key: string): [type: string, name: string] | undefined {
    for (const [type, words] of Object.entries(this.typeWords)) {
      for (const word of words) {
        if (key.startsWith(`${word} `)) return [type, key.slice(word.length + 1)];
      }
    }
    return undefined;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function byName(a: Commune, b: Commune): number {
  return vietnameseCollator.compare(a.name, b.name) || vietnameseCollator.compare(a.type, b.type);
}

function single<T>(items: readonly T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}

export function loadAdminUnits(file: string): AdminUnits {
  const source = readFileSync(file, 'utf8');
  const data = fileSchema.parse(JSON.parse(source));

  const unitLists = [data.provinces, data.communes, data.oldProvinces, data.oldCommunes, data.districts, data.oldDistricts];
  const splitAddress = addressSplitter(unitLists.flatMap((units) => units.map(([, , name]) => name)));

  const provinces = data.provinces.map(
    ([code, type, name]): Province => Object.freeze({ code, type, name, fullName: `${type} ${name}` }),
  );
  const provinceByCode = new Map(provinces.map((p) => [p.code, p]));
  const provinceIndex = new NameIndex<Province>(provinceTypeWords);
  for (const p of provinces) provinceIndex.add(p, p.type, [p.name, ...(provinceAliases[p.code] ?? [])]);

  const communeByCode = new Map<string, Commune>();
  const communesByProvince = new Map<string, Commune[]>();
  const communeIndexes = new Map<string, NameIndex<Commune>>();
  for (const [code, type, name, provinceCode] of data.communes) {
    const commune: Commune = Object.freeze({ code, type, name, fullName: `${type} ${name}`, provinceCode });
    communeByCode.set(code, commune);
    push(communesByProvince, provinceCode, commune);
    let index = communeIndexes.get(provinceCode);
    if (!index) communeIndexes.set(provinceCode, (index = new NameIndex<Commune>(communeTypeWords)));
    index.add(commune, type, [name]);
  }
  for (const list of communesByProvince.values()) {
    list.sort(byName);
    Object.freeze(list);
  }

  const oldProvinceIndex = new NameIndex<string>(provinceTypeWords);
  for (const [code, type, name] of data.oldProvinces) oldProvinceIndex.add(code, type, [name, ...(provinceAliases[code] ?? [])]);
  const oldProvincesOfNew = new Map<string, string[]>();
  const newProvinceOfOld = new Map<string, string>();
  const oldProvinceName = new Map<string, string>();
  for (const [oldCode, type, name, newCodes] of data.oldProvinces) {
    oldProvinceName.set(oldCode, `${type} ${name}`);
    for (const newCode of newCodes) push(oldProvincesOfNew, newCode, oldCode);
    // Provinces merged whole in 2025: each old one is in exactly one of today's.
    if (newCodes.length === 1 && newCodes[0]) newProvinceOfOld.set(oldCode, newCodes[0]);
  }
  // Today's first: a name of both is today's.
  const shortForms = provinceShortForms([
    ...data.provinces.map(([, type, name]) => ({ type, name, former: false })),
    ...data.oldProvinces.map(([, type, name]) => ({ type, name, former: true })),
  ]);
  const districtIndexes = new Map<string, NameIndex<string>>();
  const oldProvinceOfDistrict = new Map<string, string>();
  /** "huyện Chợ Mới", as a sentence names it. */
  const districtNamed = new Map<string, string>();
  for (const [code, type, name, oldProvinceCode] of data.districts) {
    oldProvinceOfDistrict.set(code, oldProvinceCode);
    districtNamed.set(code, unitNameInSentence(`${type} ${name}`));
    let index = districtIndexes.get(oldProvinceCode);
    if (!index) districtIndexes.set(oldProvinceCode, (index = new NameIndex<string>(districtTypeWords)));
    index.add(code, type, [name]);
  }
  // What an old unit went to, resolved once; an old name may recur within a province (in other
  // districts), so a lookup yields several, merged at query time.
  interface OldUnit {
    targets: readonly Commune[];
    /** As a sentence names it: "xã Vĩnh Trường". */
    named: string;
    /** Its old district's code; '' for the island districts that were units of their own. */
    district: string;
  }
  const oldUnitIndexes = new Map<string, NameIndex<OldUnit>>();
  const oldUnitsByDistrict = new Map<string, OldUnit[]>();
  const oldUnits: [type: string, name: string, oldProvinceCode: string, newCodes: string[], district: string][] = [
    ...data.oldCommunes.map(([, type, name, province, to, district]): [string, string, string, string[], string] => [type, name, province, to, district]),
    ...data.oldDistricts.map(([, type, name, province, to]): [string, string, string, string[], string] => [type, name, province, to, '']),
  ];
  for (const [type, name, oldProvinceCode, newCodes, district] of oldUnits) {
    const targets = newCodes.map((code) => {
      const commune = communeByCode.get(code);
      if (!commune) throw new Error(`admin units: old ${type} ${name} maps to unknown commune ${code}`);
      return commune;
    });
    let index = oldUnitIndexes.get(oldProvinceCode);
    if (!index) oldUnitIndexes.set(oldProvinceCode, (index = new NameIndex<OldUnit>(oldCommuneTypeWords)));
    const unit = { targets, district, named: unitNameInSentence(`${type} ${name}`) };
    index.add(unit, type, [name]);
    push(oldUnitsByDistrict, district, unit);
  }

  /** The districts (codes) the text names in these old provinces. */
  function districtsNamed(oldProvinceCodes: readonly string[], text: string): string[] {
    return oldProvinceCodes.flatMap((code) => districtIndexes.get(code)?.lookup(text) ?? []);
  }

  /** The old units of these old provinces the text names, only those `keep` accepts. */
  function oldUnitsNamed(oldProvinceCodes: readonly string[], text: string, keep?: (unit: OldUnit) => boolean): OldUnit[] {
    return oldProvinceCodes.flatMap((code) => oldUnitIndexes.get(code)?.lookup(text, keep) ?? []);
  }

  /** Where these old units went; two old communes of one name that went to one place are no ambiguity. */
  function targetsOf(units: readonly OldUnit[]): Commune[] {
    return [...new Set(units.flatMap((unit) => unit.targets))].sort(byName);
  }

  /**
   * The new communes an old commune (by name) of these old provinces went to; within the named
   * districts when any is named and holds a commune of that name.
   */
  function oldCommuneTargets(oldProvinceCodes: readonly string[], oldCommune: string, districts: readonly string[]): Commune[] {
    const inDistricts = new Set(districts);
    const found = inDistricts.size ? oldUnitsNamed(oldProvinceCodes, oldCommune, (unit) => inDistricts.has(unit.district)) : [];
    return targetsOf(found.length ? found : oldUnitsNamed(oldProvinceCodes, oldCommune));
  }

  function matchOf(candidates: readonly Commune[]): OldAddressMatch {
    const [first] = candidates;
    if (!first) return { kind: 'unknown' };
    return candidates.length === 1 ? { kind: 'mapped', commune: first } : { kind: 'ambiguous', candidates: [...candidates] };
  }

  const districtIndexOfType = new NameIndex<string>(districtTypeWords);
  /** Only to tell a part written as a commune, of today or of before ("xã …", "phường …", "thị trấn …"). */
  const communeTypeWordIndex = new NameIndex<never>(oldCommuneTypeWords);

  /** A province the text names: today's, and the old one when it names one (which an old address is then read in first). */
  function provinceNamed(text: string): { code: string; oldCode: string | undefined } | undefined {
    const oldCode = single(oldProvinceIndex.lookup(text));
    const code = oldCode === undefined ? single(provinceIndex.lookup(text))?.code : newProvinceOfOld.get(oldCode);
    return code === undefined ? undefined : { code, oldCode };
  }

  /**
   * Whether the last part of an address, named like a province of elsewhere without a type word
   * ("…, Long An"), is that province rather than a commune of the home province of that name (old
   * Xã Long An of thị xã Tân Châu, An Giang). It is the province when no commune of the home
   * province bears the name; otherwise only when the rest of the address names nothing of the home
   * province that holds that commune, and names a commune or district of the other province.
   */
  function readsAsProvince(named: { code: string; oldCode: string | undefined }, last: string, others: readonly string[], homeProvinceCode: string | undefined): boolean {
    if (homeProvinceCode === undefined || named.code === homeProvinceCode) return true;
    const homeOlds = oldProvincesOfNew.get(homeProvinceCode) ?? [];
    const homeCommunes = communeIndexes.get(homeProvinceCode)?.lookup(last) ?? [];
    if (homeCommunes.length === 0 && oldUnitsNamed(homeOlds, last).length === 0) return true;
    const homeDistricts = new Set(others.flatMap((text) => districtsNamed(homeOlds, text)));
    if (oldUnitsNamed(homeOlds, last, (unit) => homeDistricts.has(unit.district)).length > 0) return false;
    const olds = named.oldCode === undefined ? (oldProvincesOfNew.get(named.code) ?? []) : [named.oldCode];
    return others.some(
      (text) => districtsNamed(olds, text).length > 0 || oldUnitsNamed(olds, text).length > 0 || (communeIndexes.get(named.code)?.lookup(text).length ?? 0) > 0,
    );
  }

  /**
   * `readWritten`, and for an address it finds no commune in, the address again with a comma before
   * each type word inside a part: "ấp Phú Hòa xã Phú Thuận huyện Thoại Sơn", written without commas,
   * is read as "ấp Phú Hòa, xã Phú Thuận, huyện Thoại Sơn". Only then: a name with such a word in it
   * ("Tân Xã", "Phước Tỉnh") is read whole wherever the address is written with commas.
   */
  function readWrittenOrParted(...args: Parameters<typeof readWritten>): ReturnType<typeof readWritten> {
    const reading = readWritten(...args);
    if (reading.match.kind !== 'unknown') return reading;
    // Parted only for an address not found: an import reads one a row.
    const [written, ...rest] = args;
    const parted = partedAtTypeWords(written.address);
    if (parted === written.address.normalize('NFC')) return reading;
    const again = readWritten({ ...written, address: parted }, ...rest);
    return again.match.kind === 'unknown' ? reading : again;
  }

  /** What one commune-like text may name: an old commune of the named districts, a commune of today, an old commune anywhere in the province. */
  type CommuneReadings = TextsReading['readings'][number];

  /**
   * The reading behind `readAddress` and `suggestFromOldAddress`. `written.address` is split into
   * parts; a part written as a province ("tỉnh …", "TP …", or the last part when `readsAsProvince`)
   * says the province. A part is the old district when it has a district's type word, or when it
   * names a district that holds the old commune a part before it names (or the commune column, or
   * the district column names it): "Long Điền A, Chợ Mới" is old Xã Long Điền A of huyện Chợ Mới,
   * while "Ấp 2, Xã Chợ Mới" is today's Xã Chợ Mới. The other parts are read as communes: of old in
   * the named districts first, then of today, then of old anywhere in the province; a place read as
   * of today first, when it names no district or town.
   */
  function readWritten(written: WrittenAddress, homeProvinceCode: string | undefined, givenProvinceCode: string | undefined, knownOld: boolean): Omit<AddressReading, 'provinceCode'> & { provinceCode: string | undefined } {
    const parts = splitAddress(remarksAsParts(written.address));
    const addressRemarks = remarksApart(written.address).slice(1);
    const [commune = '', ...communeRemarks] = remarksApart(written.commune ?? '');
    const [district = ''] = remarksApart(written.district ?? '');

    const provinceParts = new Map<number, { code: string; oldCode: string | undefined }>();
    const typedAsDistrict = new Set<number>();
    parts.forEach((part, at) => {
      const named = provinceNamed(part);
      if (!named) return;
      const others = [commune, district, ...parts.slice(0, at)].filter(Boolean);
      // Only the last part may be a province without its type word; beside a province column, only that province.
      const untyped = at === parts.length - 1 && (givenProvinceCode === undefined ? readsAsProvince(named, part, others, homeProvinceCode) : named.code === givenProvinceCode);
      const typed = provinceIndex.lookupAsTyped(part).length === 1 || oldProvinceIndex.lookupAsTyped(part).length === 1;
      if (untyped || typed) provinceParts.set(at, named);
      // "Phường 2, TP Vĩnh Long": a tỉnh written with a district's type word names its district of that name too.
      if (untyped && !typed && districtIndexOfType.hasTypeWord(part)) typedAsDistrict.add(at);
    });
    const lastNamed = [...provinceParts.values()].at(-1);
    const provinceCode = givenProvinceCode ?? lastNamed?.code ?? homeProvinceCode;
    const olds = provinceCode === undefined ? [] : (oldProvincesOfNew.get(provinceCode) ?? []);
    // "…, tỉnh Kiên Giang": an old commune is looked for in old Kiên Giang before the rest of today's An Giang.
    const namedOlds = [...provinceParts.values()].flatMap(({ oldCode }) => (oldCode !== undefined && olds.includes(oldCode) ? [oldCode] : []));

    // "huyện Châu Thành, tỉnh Sóc Trăng": the district of that old province, not its namesake in old
    // Hậu Giang, merged into the same Cần Thơ; of the others only when it names none of its own.
    const oldDistrictsNamed = (text: string) => {
      const inNamed = namedOlds.length ? districtsNamed(namedOlds, text) : [];
      return inNamed.length ? inNamed : districtsNamed(olds, text);
    };
    const columnDistricts = district ? oldDistrictsNamed(district) : [];
    const districts = new Set(columnDistricts);
    const districtParts = new Set<number>();
    const communeLike = (at: number) => !provinceParts.has(at) && !districtParts.has(at);
    parts.forEach((part, at) => {
      // "…, Tuyên Quang" is the province, though thành phố Tuyên Quang was one of its districts.
      const named = provinceParts.has(at) && !typedAsDistrict.has(at) ? [] : oldDistrictsNamed(part);
      if (named.length === 0) return;
      const before = [commune, ...parts.filter((_, earlier) => earlier < at && communeLike(earlier))].filter(Boolean);
      const paired =
        districtIndexOfType.hasTypeWord(part) ||
        named.some((code) => columnDistricts.includes(code)) ||
        before.some((text) => oldUnitsNamed(olds, text, (unit) => named.includes(unit.district)).length > 0);
      if (!paired) return;
      districtParts.add(at);
      for (const code of named) districts.add(code);
    });
    const old = knownOld || district !== '' || districtParts.size > 0 || [commune, ...parts].some((text) => oldLevelWord.test(foldText(text)));

    // Past the districts named, an old commune is looked for only in their old provinces: "Phường 2,
    // thành phố Vĩnh Long, tỉnh Vĩnh Long" is not Phường 2 of thị xã Duyên Hải in old Trà Vinh,
    // merged into the same Vĩnh Long, though it is the only old Phường 2 of today's province.
    const anywhereOlds = districts.size ? olds.filter((code) => [...districts].some((district) => oldProvinceOfDistrict.get(district) === code)) : olds;
    const anywhereUnits = (text: string): OldUnit[] => {
      const preferred = namedOlds.length ? oldUnitsNamed(namedOlds, text) : [];
      return preferred.length ? preferred : oldUnitsNamed(anywhereOlds, text);
    };
    const readingsOf = (text: string): CommuneReadings => {
      const inDistricts = districts.size ? targetsOf(oldUnitsNamed(olds, text, (unit) => districts.has(unit.district))) : [];
      const current = provinceCode === undefined ? [] : [...(communeIndexes.get(provinceCode)?.lookup(text) ?? [])].sort(byName);
      return { inDistricts, current, anywhere: targetsOf(anywhereUnits(text)) };
    };
    const order: (keyof CommuneReadings)[] = !old ? ['current', 'anywhere'] : districts.size ? ['inDistricts', 'current', 'anywhere'] : ['anywhere', 'current'];

    /**
     * A name written without a type word that an old district of the province bore ("Phú Tân",
     * "Chợ Mới": today's commune that took in the district's town kept its name): where that
     * district's communes went, for an address that may mean the whole old district. None when a
     * district is named elsewhere in the address, or the text says it is a commune.
     */
    const districtWide = (text: string): { communes: Commune[]; districts: string[] } => {
      if (districts.size > 0 || provinceCode === undefined || communeIndexes.get(provinceCode)?.hasTypeWord(text) !== false) return { communes: [], districts: [] };
      const codes = districtsNamed(olds, text);
      return { communes: targetsOf(codes.flatMap((code) => oldUnitsByDistrict.get(code) ?? [])), districts: codes.map((code) => districtNamed.get(code) ?? '') };
    };

    /** Where the communes of the districts the address names went. */
    const districtCommunes = () => targetsOf([...districts].flatMap((code) => oldUnitsByDistrict.get(code) ?? []));

    /** The first of the texts that names a commune, in the order of the readings; `null` when none does. */
    const readTexts = (texts: readonly string[], mayNameDistrict: boolean): TextsReading | null => {
      const readings = texts.map(readingsOf);
      for (const kind of order) {
        const at = readings.findIndex((reading) => reading[kind].length > 0);
        const found = readings[at]?.[kind];
        if (!found) continue;
        // An old commune found only outside the districts the address names ("xã Phú Thạnh, huyện
        // Chợ Mới", when Phú Thạnh was of Phú Tân): the commune or the district may be the mistake,
        // so the person chooses among where that commune went and the district's communes.
        if (kind === 'anywhere' && districts.size > 0) {
          const units = anywhereUnits(texts[at] ?? '');
          const notInDistrict: NotInDistrict = {
            commune: units[0]?.named ?? '',
            districts: [...new Set([...districts].map((code) => districtNamed.get(code) ?? ''))],
            elsewhere: units.map((unit) => ({ district: districtNamed.get(unit.district) ?? '', now: [...unit.targets] })),
          };
          return { candidates: [...new Set([...found, ...districtCommunes()])].sort(byName), old: true, readings, notInDistrict };
        }
        if (kind !== 'current') {
          const text = texts[at] ?? '';
          const units = kind === 'inDistricts' ? oldUnitsNamed(olds, text, (unit) => districts.has(unit.district)) : anywhereUnits(text);
          if (units.length < 2) return { candidates: found, old: true, readings };
          const namesakes = units.map((unit) => ({ commune: unit.named, district: districtNamed.get(unit.district) ?? '', now: [...unit.targets] }));
          return { candidates: found, old: true, readings, namesakes };
        }
        // Two parts naming two communes of today ("xã Vĩnh Hòa, Long Điền") are asked about, unless
        // the later one is the first one again, its old name, or the old district around it.
        const others = readings.slice(at + 1).flatMap((reading, offset) => {
          const text = texts[at + 1 + offset] ?? '';
          const fits = [...reading.current, ...reading.anywhere].some((commune) => found.includes(commune)) || namesDistrictAround(text, found);
          return fits ? [] : reading.current;
        });
        const text = texts[at] ?? '';
        const wide = mayNameDistrict ? districtWide(text) : { communes: [], districts: [] };
        const candidates = [...new Set([...found, ...others, ...wide.communes])].sort(byName);
        const [commune] = found;
        // Widened: the address may be of before 1 July 2025, and is kept as written.
        if (commune && candidates.length > found.length + others.length) {
          return {
            candidates,
            old: true,
            readings,
            wholeDistrict: true,
            alsoDistrict: { name: text.trim(), commune: commune.fullName, district: [...new Set(wide.districts)].join(', ') },
          };
        }
        return { candidates, old: false, readings, today: { text, communes: found } };
      }
      return null;
    };
    const namesDistrictAround = (text: string, communes: readonly Commune[]) =>
      districtsNamed(olds, text).some((code) => oldUnitsByDistrict.get(code)?.some((unit) => unit.targets.some((target) => communes.includes(target))));

    // A commune column names a commune (what its brackets say after it: "Phú Hòa (Phú Thuận cũ)").
    const column = commune ? readTexts([commune, ...communeRemarks], false) : null;
    const communeParts = parts.filter((_, at) => communeLike(at));
    // An address that names an old district and writes no commune ("huyện Phú Tân, An Giang", "ấp 1,
    // huyện Châu Thành") is in one of the communes that district's went to, for the person to choose
    // among; one that writes a commune not found there ("Phường 2, TP Vĩnh Long") stays unread.
    const districtOnly: TextsReading | null =
      column === null && districts.size > 0 && !communeParts.some((part) => communeTypeWordIndex.hasTypeWord(part))
        ? { candidates: districtCommunes(), old: true, readings: [], wholeDistrict: true }
        : null;
    const address = readTexts(communeParts, true) ?? districtOnly;
    // A bracket naming today's commune where the rest reads another ("xã Phú Thuận (nay là xã Định
    // Mỹ)": an old name that went elsewhere, or a slip in either) is asked about, as an address and a
    // commune column that disagree are: neither is dropped in silence.
    const read = combine(address, column);
    const todayInRemarks = [...addressRemarks, ...communeRemarks].flatMap((text) => readingsOf(text).current);
    const disagrees = read.length > 0 && todayInRemarks.length > 0 && !todayInRemarks.some((commune) => read.includes(commune));
    const reading = disagrees ? [...new Set([...read, ...todayInRemarks])].sort(byName) : read;
    const match = matchOf(reading);
    const wholeDistrict = column === null && match.kind === 'ambiguous' && address?.wholeDistrict === true;
    /**
     * The old communes of the name of a text read as today's `commune` that went elsewhere; of its
     * type when it has a type word: "xã Vĩnh Bình" is not the old thị trấn Vĩnh Bình.
     */
    const alsoOld = (texts: TextsReading | null, inCommuneColumn: boolean, commune: Commune): AlsoOldCommunes | null => {
      if (!texts?.today?.communes.includes(commune)) return null;
      const { text } = texts.today;
      // As `anywhereUnits` looks: in the old provinces the address names first.
      const asTyped = (codes: readonly string[]) => codes.flatMap((code) => oldUnitIndexes.get(code)?.lookupAsTyped(text) ?? []);
      const typed = () => {
        const preferred = asTyped(namedOlds);
        return preferred.length ? preferred : asTyped(anywhereOlds);
      };
      const namesakes = (communeTypeWordIndex.hasTypeWord(text) ? typed() : anywhereUnits(text))
        .filter((unit) => !unit.targets.includes(commune))
        .map((unit) => ({ commune: unit.named, district: districtNamed.get(unit.district) ?? '', now: [...unit.targets] }));
      return namesakes.length ? { written: text.trim(), inCommuneColumn, namesakes } : null;
    };
    return {
      provinceCode,
      old: old || address?.old === true || column?.old === true,
      match,
      alsoOldDistrict: wholeDistrict ? (address.alsoDistrict ?? null) : null,
      anywhereInDistrict: wholeDistrict,
      notInDistrict: match.kind === 'ambiguous' ? (column?.notInDistrict ?? address?.notInDistrict ?? null) : null,
      namesakes: match.kind === 'ambiguous' ? (column?.namesakes ?? address?.namesakes ?? null) : null,
      alsoOldCommunes: match.kind === 'mapped' ? (alsoOld(column, true, match.commune) ?? alsoOld(address, false, match.commune)) : null,
    };
  }

  return {
    fingerprint: createHash('sha256').update(source).digest('hex'),
    provinces: Object.freeze(provinces),
    province: (code) => provinceByCode.get(code),
    commune: (code) => communeByCode.get(code),
    communesOf: (provinceCode) => communesByProvince.get(provinceCode) ?? [],
    findProvince: (text) => single(provinceIndex.lookup(text)),
    findProvinceAnyTime(text) {
      const byName = (name: string, shortForm: boolean): ProvinceFound | undefined => {
        const current = single(provinceIndex.lookup(name));
        if (current) return { province: current, formerName: null, shortForm };
        const oldCode = single(oldProvinceIndex.lookup(name));
        const province = oldCode === undefined ? undefined : provinceByCode.get(newProvinceOfOld.get(oldCode) ?? '');
        return province && oldCode !== undefined ? { province, formerName: oldProvinceName.get(oldCode) ?? null, shortForm } : undefined;
      };
      const [initialsOf, ...others] = shortForms.get(typedKey(text))?.keys() ?? [];
      return byName(text, false) ?? (initialsOf === undefined || others.length ? undefined : byName(initialsOf, true));
    },
    provincesOfInitials: (text) => [...(shortForms.get(typedKey(text))?.values() ?? [])],
    formerNames: (provinceCode) =>
      (oldProvincesOfNew.get(provinceCode) ?? []).map((code) => oldProvinceName.get(code) ?? '').filter((name) => name !== '' && name !== provinceByCode.get(provinceCode)?.fullName),
    findCommune: (provinceCode, text) => single(communeIndexes.get(provinceCode)?.lookup(text) ?? []),
    mapOldAddress(oldProvince, oldCommune, oldDistrict) {
      const provinceCode = single(oldProvinceIndex.lookup(oldProvince));
      if (provinceCode === undefined) return { kind: 'unknown' };
      return matchOf(oldCommuneTargets([provinceCode], oldCommune, oldDistrict ? districtsNamed([provinceCode], oldDistrict) : []));
    },
    suggestFromOldAddress(text, homeProvinceCode, district) {
      const { provinceCode, match, notInDistrict, namesakes } = readWrittenOrParted({ address: text, district }, homeProvinceCode, undefined, true);
      return { provinceCode, match, notInDistrict, namesakes };
    },
    splitAddress,
    readAddress(written, homeProvinceCode, provinceCode) {
      const reading = readWrittenOrParted(written, homeProvinceCode, provinceCode, false);
      return { ...reading, provinceCode: reading.provinceCode ?? homeProvinceCode };
    },
  };
}

/**
 * `AdminUnits.splitAddress` for the places named with " - " in `names` (each as written, without
 * its type word). Two pieces either side of a " - " stay one part when the first ends with the
 * words before a name's dash and the second starts with the words after it.
 */
function addressSplitter(names: readonly string[]): (text: string) => string[] {
  const words = (text: string) => foldText(text).split(/[^a-z0-9]+/).filter(Boolean);
  const halves = names.filter((name) => name.includes(' - ')).map((name) => name.split(' - ', 2).map(words) as [string[], string[]]);
  const sameWords = (some: readonly string[], others: readonly string[]) => some.length === others.length && some.every((word, at) => word === others[at]);
  const joins = (before: string, after: string) => {
    const [left, right] = [words(before), words(after)];
    return halves.some(([first, second]) => sameWords(left.slice(-first.length), first) && sameWords(right.slice(0, second.length), second));
  };
  return (text) =>
    text
      .split(/[,;]/)
      .flatMap((piece) => {
        const parts: string[] = [];
        for (const next of piece.split(' - ')) {
          const last = parts.at(-1);
          if (last !== undefined && joins(last, next)) parts[parts.length - 1] = `${last} - ${next}`;
          else parts.push(next);
        }
        return parts;
      })
      .map((part) => part.trim())
      .filter(Boolean);
}

/**
 * The words in brackets that say which of two names is of before 1 July 2025 and which of today:
 * "(nay là xã Phú Hòa)", "(trước đây là xã Phú Thuận)", "(Phú Thuận cũ)", "(cũ)".
 */
const remarkWords = /^(?:nay\s+(?:là|thuộc)|nay|trước\s+(?:đây|kia)(?:\s+là)?|trước\s+là|cũ\s+là)(?!\p{L})\s*:?\s*|\s*(?<!\p{L})(?:cũ|mới)$/giu;

/** What a bracket says of a place, without the words that say whether it is the old or the new name: "" for "(cũ)". */
const remarkOf = (inner: string) => inner.normalize('NFC').trim().replace(remarkWords, '').trim();

/**
 * An address whose brackets name a place, each bracket a part of its own where it stands:
 * "xã Phú Thuận (nay là xã Phú Hòa), huyện Thoại Sơn" reads as "xã Phú Thuận, xã Phú Hòa, huyện
 * Thoại Sơn", and "huyện Thoại Sơn (cũ)" as "huyện Thoại Sơn". Written as one name with the
 * bracket, neither was found.
 */
function remarksAsParts(text: string): string {
  return text.replace(/\(([^()]*)\)/g, (_, inner: string) => `, ${remarkOf(inner)},`);
}

/** A column's place without its brackets, then what each bracket names: "Phú Hòa (Phú Thuận cũ)" → ["Phú Hòa", "Phú Thuận"]. */
function remarksApart(text: string): string[] {
  const remarks = Array.from(text.matchAll(/\(([^()]*)\)/g), (match) => remarkOf(match[1] ?? ''));
  return [text.replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ').trim(), ...remarks.filter(Boolean)];
}

/**
 * A type word of a unit inside a part of an address, with the name after it: "xã", "huyện", "TP."…,
 * not one followed by another type word ("xã Tân Xã huyện …": the commune's name ends in «Xã»),
 * nor a road's «tỉnh lộ», «huyện lộ».
 * The one-letter abbreviations only with their dot ("H. Thoại Sơn").
 */
const innerTypeWord =
  /(?<=\S)\s+(?=(?:(?:xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|thành\s+phố|tỉnh|tt|tx|tp)(?:\.\s*|\s+)|[hqpx]\.\s*)(?!(?:xã|phường|thị|huyện|quận|thành|tỉnh|lộ)(?!\p{L}))\p{L})/giu;

/** An address with a comma before each type word inside its parts (`innerTypeWord`). */
export function partedAtTypeWords(text: string): string {
  return text.normalize('NFC').replace(innerTypeWord, ', ');
}

/** The type words of districts and towns (thị trấn), which ended on 1 July 2025, as people abbreviate them (folded). */
const oldLevelWord = /^(huyen|quan|thi xa|tx|h\.|q\.|thi tran|tt)[\s.]/;

interface TextsReading {
  candidates: Commune[];
  old: boolean;
  /** See `AddressReading.alsoOldDistrict` and `anywhereInDistrict`. */
  alsoDistrict?: AddressReading['alsoOldDistrict'];
  wholeDistrict?: true;
  notInDistrict?: NotInDistrict;
  namesakes?: OldNamesake[];
  /** The text read as communes of today, and those communes. */
  today?: { text: string; communes: Commune[] };
  readings: { inDistricts: Commune[]; current: Commune[]; anywhere: Commune[] }[];
}

/**
 * The address and the commune column read together. Where they agree, or the column names one of
 * the communes the address may mean ("xã Vĩnh Hòa, huyện Tân Châu" beside "Vĩnh Xương", its new
 * name), the column's commune; where they name different communes, both, for the person to choose:
 * what either says is never dropped in silence.
 */
function combine(address: TextsReading | null, column: TextsReading | null): Commune[] {
  if (!column) return address?.candidates ?? [];
  if (!address) return column.candidates;
  const agreed = column.candidates.filter((commune) => address.candidates.includes(commune));
  if (agreed.length) return agreed;
  const possible = new Set(address.readings.flatMap((reading) => [...reading.inDistricts, ...reading.current, ...reading.anywhere]));
  const named = column.candidates.filter((commune) => possible.has(commune));
  if (named.length) return named;
  return [...new Set([...column.candidates, ...address.candidates])].sort(byName);
}
