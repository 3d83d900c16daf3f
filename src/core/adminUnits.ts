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
import { foldText, vietnameseCollator } from '../shared/text';

export type { Commune, Province };

export type { OldAddressMatch };

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
   * A province named as today or as before 1 July 2025 ("Bạc Liêu" → Tỉnh Cà Mau): the province of
   * today, and the old province's full name when the text named one that is no more.
   */
  findProvinceAnyTime(text: string): { province: Province; formerName: string | null } | undefined;
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
   * part naming an old province, else the old provinces merged into `homeProvinceCode`; the old
   * district (`district`, or a part naming one: "huyện …", "thị xã …", "quận …", "thành phố …");
   * then the part naming an old commune there.
   */
  suggestFromOldAddress(text: string, homeProvinceCode?: string, district?: string): OldAddressMatch;
  /** Whether the text names a district of before 1 July 2025 in one of these old provinces (all when none given). */
  namesOldDistrict(text: string, homeProvinceCode?: string): boolean;
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

/** Names in common use that are not the official one; the codes are the same before and after 2025. */
const provinceAliases: Record<string, string[]> = {
  '79': ['hcm', 'tphcm'],
  '46': ['thừa thiên huế'],
};

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

interface Entry<T> {
  item: T;
  type: string;
}

/**
 * Finds units by name within one scope (the provinces, or one province's communes). Each name is
 * indexed twice, as written and folded (no diacritics), so that "Văn Lăng" finds only Văn Lăng while
 * "van lang" finds both Văn Lang and Văn Lăng and is left for the caller to call ambiguous.
 */
class NameIndex<T> {
  private readonly written = new Map<string, Entry<T>[]>();
  private readonly folded = new Map<string, Entry<T>[]>();

  constructor(private readonly typeWords: Record<string, string[]>) {}

  add(item: T, type: string, names: readonly string[]): void {
    for (const name of names) {
      const key = typedKey(name);
      push(this.written, key, { item, type });
      push(this.folded, foldText(key), { item, type });
    }
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
      for (const [index, form] of [
        [this.written, name],
        [this.folded, foldText(name)],
      ] as const) {
        const hits = (index.get(form) ?? []).filter((e) => (type === undefined || e.type === type) && keep(e.item));
        if (hits.length) return [...new Set(hits.map((e) => e.item))];
      }
    }
    return [];
  }

  /** Whether the text starts with one of the type words. */
  hasTypeWord(text: string): boolean {
    return this.splitType(typedKey(text)) !== undefined;
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
  const districtIndexes = new Map<string, NameIndex<string>>();
  for (const [code, type, name, oldProvinceCode] of data.districts) {
    let index = districtIndexes.get(oldProvinceCode);
    if (!index) districtIndexes.set(oldProvinceCode, (index = new NameIndex<string>(districtTypeWords)));
    index.add(code, type, [name]);
  }
  // What an old unit went to, resolved once; an old name may recur within a province (in other
  // districts), so a lookup yields several, merged at query time.
  interface OldUnit {
    targets: readonly Commune[];
    /** Its old district's code; '' for the island districts that were units of their own. */
    district: string;
  }
  const oldUnitIndexes = new Map<string, NameIndex<OldUnit>>();
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
    index.add({ targets, district }, type, [name]);
  }

  /** The districts (codes) the text names in these old provinces. */
  function districtsNamed(oldProvinceCodes: readonly string[], text: string): string[] {
    return oldProvinceCodes.flatMap((code) => districtIndexes.get(code)?.lookup(text) ?? []);
  }

  /**
   * The new communes an old commune (by name) of these old provinces went to; within the named
   * districts when any is named and holds a commune of that name.
   */
  function oldCommuneTargets(oldProvinceCodes: readonly string[], oldCommune: string, districts: readonly string[]): Commune[] {
    const inDistricts = new Set(districts);
    const lookup = (keep?: (unit: OldUnit) => boolean) => oldProvinceCodes.flatMap((code) => oldUnitIndexes.get(code)?.lookup(oldCommune, keep) ?? []);
    const found = inDistricts.size ? lookup((unit) => inDistricts.has(unit.district)) : [];
    // Two old communes of the same name that went to the same place are no ambiguity.
    return [...new Set((found.length ? found : lookup()).flatMap((unit) => unit.targets))].sort(byName);
  }

  function matchOf(candidates: Commune[]): OldAddressMatch {
    const [first] = candidates;
    if (!first) return { kind: 'unknown' };
    return candidates.length === 1 ? { kind: 'mapped', commune: first } : { kind: 'ambiguous', candidates };
  }

  const districtIndexOfType = new NameIndex<string>(districtTypeWords);

  return {
    fingerprint: createHash('sha256').update(source).digest('hex'),
    provinces: Object.freeze(provinces),
    province: (code) => provinceByCode.get(code),
    commune: (code) => communeByCode.get(code),
    communesOf: (provinceCode) => communesByProvince.get(provinceCode) ?? [],
    findProvince: (text) => single(provinceIndex.lookup(text)),
    findProvinceAnyTime(text) {
      const current = single(provinceIndex.lookup(text));
      if (current) return { province: current, formerName: null };
      const oldCode = single(oldProvinceIndex.lookup(text));
      const province = oldCode === undefined ? undefined : provinceByCode.get(newProvinceOfOld.get(oldCode) ?? '');
      return province && oldCode !== undefined ? { province, formerName: oldProvinceName.get(oldCode) ?? null } : undefined;
    },
    formerNames: (provinceCode) =>
      (oldProvincesOfNew.get(provinceCode) ?? []).map((code) => oldProvinceName.get(code) ?? '').filter((name) => name !== '' && name !== provinceByCode.get(provinceCode)?.fullName),
    findCommune: (provinceCode, text) => single(communeIndexes.get(provinceCode)?.lookup(text) ?? []),
    mapOldAddress(oldProvince, oldCommune, oldDistrict) {
      const provinceCode = single(oldProvinceIndex.lookup(oldProvince));
      if (provinceCode === undefined) return { kind: 'unknown' };
      return matchOf(oldCommuneTargets([provinceCode], oldCommune, oldDistrict ? districtsNamed([provinceCode], oldDistrict) : []));
    },
    suggestFromOldAddress(text, homeProvinceCode, district) {
      const parts = text
        .split(/[,;]| - /)
        .map((part) => part.trim())
        .filter(Boolean);
      const named = parts.map((part) => single(oldProvinceIndex.lookup(part))).filter((code) => code !== undefined);
      const oldProvinceCodes = named.length > 0 ? named : (oldProvincesOfNew.get(homeProvinceCode ?? '') ?? []);
      // A part with a district's type word names a district; it is never read as a commune.
      const districtParts = parts.filter((part) => districtIndexOfType.hasTypeWord(part) && districtsNamed(oldProvinceCodes, part).length > 0);
      const districts = [...(district ? districtsNamed(oldProvinceCodes, district) : []), ...districtParts.flatMap((part) => districtsNamed(oldProvinceCodes, part))];
      for (const part of parts) {
        if (districtParts.includes(part)) continue;
        const candidates = oldCommuneTargets(oldProvinceCodes, part, districts);
        if (candidates.length > 0) return matchOf(candidates);
      }
      return { kind: 'unknown' };
    },
    namesOldDistrict(text, homeProvinceCode) {
      const codes = homeProvinceCode ? (oldProvincesOfNew.get(homeProvinceCode) ?? []) : [...districtIndexes.keys()];
      return districtsNamed(codes, text).length > 0;
    },
  };
}
