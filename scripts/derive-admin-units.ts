/**
 * Derives resources/admin-units/admin-units.json, the compact copy of Vietnam's administrative
 * units from 1 July 2025 that the app ships, from the dvhcvn/20250701 source files.
 *
 *   npx tsx scripts/derive-admin-units.ts [sourceDir] [districtCatalogue]
 *
 * sourceDir defaults to ../shared/data/admin-units beside the repository. districtCatalogue is the
 * statistics office's catalogue of units before 1 July 2025 with their districts (the JSON its web
 * service returns, as published by daohoangson/dvhcvn in data/dvhcvn.json, snapshot 01/03/2025);
 * it defaults to dvhcvn.json in sourceDir. Only which district each old commune was in is taken
 * from it. The app never reads the source files: only this script does, so every check on them
 * lives here and fails loudly.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const repoRoot = resolve(import.meta.dirname, '..');
const sourceDir = resolve(repoRoot, process.argv[2] ?? '../shared/data/admin-units');
const districtCatalogue = resolve(repoRoot, process.argv[3] ?? join(sourceDir, 'dvhcvn.json'));
const outDir = join(repoRoot, 'resources', 'admin-units');

/** The published totals; a different count means a different snapshot, which needs a human. */
const expected = { provinces: 34, communes: 3321, oldProvinces: 63, oldCommunes: 10047, oldDistricts: 5, districts: 696 };

const provinceTypes = ['Thành phố', 'Tỉnh'];
const communeTypes = ['Xã', 'Phường', 'Đặc khu'];
const oldCommuneTypes = ['Xã', 'Phường', 'Thị trấn'];
/** Island districts that had no communes and became special zones (đặc khu) whole. */
const oldDistrictTypes = ['Huyện'];
/** Every district-level unit before 1 July 2025. */
const districtTypes = ['Quận', 'Huyện', 'Thị xã', 'Thành phố'];

const mergeRef = z.object({ old_id: z.string(), name: z.string(), type: z.enum(['full', 'partial']) });
const splitRef = z.object({ new_id: z.string(), name: z.string() });
const mergesFile = z.object({
  data: z.array(
    z.object({
      level1_id: z.string(),
      name: z.string(),
      merges: z.array(mergeRef),
      level2s: z.array(z.object({ level2_id: z.string(), name: z.string(), merges: z.array(mergeRef) })),
    }),
  ),
  stats: z.object({ level1_count: z.number(), level2_count: z.number() }),
});
const splitsFile = z.object({
  data: z.array(
    z.object({
      level1_id: z.string(),
      name: z.string(),
      splits: z.array(splitRef),
      level3s: z.array(z.object({ level3_id: z.string(), name: z.string(), splits: z.array(splitRef) })),
      level2s: z.array(z.object({ level2_id: z.string(), name: z.string(), splits: z.array(splitRef) })).optional(),
    }),
  ),
  stats: z.object({ level1_count: z.number(), level2_count: z.number(), level3_count: z.number() }),
});

const catalogueFile = z.object({
  data_date: z.string(),
  data: z.array(
    z.object({
      level1_id: z.string(),
      name: z.string(),
      level2s: z.array(
        z.object({ level2_id: z.string(), name: z.string(), level3s: z.array(z.object({ level3_id: z.string(), name: z.string() })) }),
      ),
    }),
  ),
});

function fail(message: string): never {
  throw new Error(`derive-admin-units: ${message}`);
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(resolve(sourceDir, file), 'utf8'));
}

/** NFC, single spaces: the source has stray double, leading and trailing spaces and some NFD. */
function clean(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

const recapitalised = new Set<string>();

/**
 * Splits "Thị Trấn Năm Căn" into ["Thị trấn", "Năm Căn"]. The type word is matched without regard
 * to case because the source writes "Thị Trấn" a dozen times. A few old names start a syllable with
 * a lower-case vowel ("Xã Đồng ý", "Xã Pa ủ"), an artefact of the statistics office's lists; each
 * word of a proper name starts with a capital, so those are capitalised.
 */
function splitName(raw: string, types: readonly string[]): [type: string, name: string] {
  const full = clean(raw);
  const lower = full.toLowerCase();
  const type = types.find((t) => lower.startsWith(`${t.toLowerCase()} `));
  if (!type) fail(`"${full}" does not start with one of ${types.join(', ')}`);
  const name = full.slice(type.length + 1).replace(/(^| )(\p{Ll})/gu, (_, space: string, letter: string) => {
    recapitalised.add(full);
    return space + letter.toUpperCase();
  });
  return [type, name];
}

/** Names compared across the two sources: the catalogue keeps lower-case initials the mapping's names were recapitalised from. */
function foldName(name: string): string {
  return clean(name).toLowerCase();
}

function byCode<T extends [string, ...unknown[]]>(rows: T[]): T[] {
  return rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function expectCount(what: keyof typeof expected, actual: number): void {
  if (actual !== expected[what]) fail(`expected ${expected[what]} ${what}, found ${actual}`);
}

function uniqueCodes(what: string, codes: readonly string[], pattern: RegExp): void {
  const seen = new Set<string>();
  for (const code of codes) {
    if (!pattern.test(code)) fail(`${what} code "${code}" does not match ${pattern}`);
    if (seen.has(code)) fail(`${what} code ${code} appears twice`);
    seen.add(code);
  }
}

function sameRelation(what: string, fromMerges: ReadonlySet<string>, fromSplits: ReadonlySet<string>): void {
  const onlyMerges = [...fromMerges].filter((pair) => !fromSplits.has(pair));
  const onlySplits = [...fromSplits].filter((pair) => !fromMerges.has(pair));
  if (onlyMerges.length || onlySplits.length) {
    fail(`merges.json and splits.json disagree on ${what}: only in merges ${onlyMerges.join(' ')}; only in splits ${onlySplits.join(' ')}`);
  }
}

const mergesSource = mergesFile.parse(readJson('merges.json'));
const splitsSource = splitsFile.parse(readJson('splits.json'));
const merges = mergesSource.data;
const splits = splitsSource.data;
// The files' own totals guard against a truncated or hand-edited copy.
const { level1_count, level2_count } = mergesSource.stats;
if (level1_count !== merges.length || level2_count !== merges.reduce((n, p) => n + p.level2s.length, 0)) {
  fail('merges.json stats do not match its data');
}
if (
  splitsSource.stats.level1_count !== splits.length ||
  splitsSource.stats.level2_count !== splits.reduce((n, p) => n + (p.level2s?.length ?? 0), 0) ||
  splitsSource.stats.level3_count !== splits.reduce((n, p) => n + p.level3s.length, 0)
) {
  fail('splits.json stats do not match its data');
}

// New provinces: merges.json names them with their type; the 915 CSV drops "Tỉnh", so it only
// confirms the codes and the proper names.
const provinces = byCode(merges.map((p): [string, string, string] => [p.level1_id, ...splitName(p.name, provinceTypes)]));
expectCount('provinces', provinces.length);
uniqueCodes('province', provinces.map((p) => p[0]), /^\d{2}$/);
const csvRows = readFileSync(join(sourceDir, 'provinces-915_CTK-CSCL.csv'), 'utf8')
  .split(/\r?\n/)
  .slice(1)
  .filter((line) => line.trim() !== '')
  .map((line) => line.split(','));
if (csvRows.length !== provinces.length) fail(`the CSV lists ${csvRows.length} provinces, merges.json ${provinces.length}`);
for (const [, code, csvName] of csvRows) {
  const province = provinces.find((p) => p[0] === code);
  const name = clean(csvName ?? '');
  if (!province || (name !== `${province[1]} ${province[2]}` && name !== province[2])) {
    fail(`CSV province ${code} "${name}" does not match merges.json`);
  }
}

const communes = byCode(
  merges.flatMap((p) => p.level2s.map((c): [string, string, string, string] => [c.level2_id, ...splitName(c.name, communeTypes), p.level1_id])),
);
expectCount('communes', communes.length);
uniqueCodes('commune', communes.map((c) => c[0]), /^\d{5}$/);
const provinceOfCommune = new Map(communes.map((c) => [c[0], c[3]]));

const oldProvinces = byCode(
  splits.map((p): [string, string, string, string[]] => [p.level1_id, ...splitName(p.name, provinceTypes), p.splits.map((s) => s.new_id).sort()]),
);
expectCount('oldProvinces', oldProvinces.length);
uniqueCodes('old province', oldProvinces.map((p) => p[0]), /^\d{2}$/);

type OldUnitRow = [code: string, type: string, name: string, oldProvinceCode: string, newCommuneCodes: string[]];
const oldUnitRow = (code: string, name: string, types: readonly string[], oldProvinceCode: string, to: { new_id: string }[]): OldUnitRow => [
  code,
  ...splitName(name, types),
  oldProvinceCode,
  [...new Set(to.map((s) => s.new_id))].sort(),
];
const oldCommunes = byCode(splits.flatMap((p) => p.level3s.map((c) => oldUnitRow(c.level3_id, c.name, oldCommuneTypes, p.level1_id, c.splits))));
const oldDistricts = byCode(
  splits.flatMap((p) => (p.level2s ?? []).map((d) => oldUnitRow(d.level2_id, d.name, oldDistrictTypes, p.level1_id, d.splits))),
);
expectCount('oldCommunes', oldCommunes.length);

// Districts: which one each old commune was in. The catalogue must hold exactly the old communes of
// the mapping, with the same names in the same old provinces; otherwise it is another snapshot.
const catalogue = catalogueFile.parse(readJson(districtCatalogue));
const districts = byCode(
  catalogue.data.flatMap((p) => p.level2s.map((d): [string, string, string, string] => [d.level2_id, ...splitName(d.name, districtTypes), p.level1_id])),
);
expectCount('districts', districts.length);
uniqueCodes('district', districts.map((d) => d[0]), /^\d{3}$/);
const districtOfCommune = new Map<string, { district: string; name: string; province: string }>();
for (const province of catalogue.data) {
  for (const district of province.level2s) {
    for (const commune of district.level3s) districtOfCommune.set(commune.level3_id, { district: district.level2_id, name: clean(commune.name), province: province.level1_id });
  }
}
if (districtOfCommune.size !== oldCommunes.length) fail(`the district catalogue has ${districtOfCommune.size} communes, the mapping ${oldCommunes.length}`);
const oldCommunesWithDistrict = oldCommunes.map(([code, type, name, oldProvinceCode, to]) => {
  const found = districtOfCommune.get(code);
  if (!found) fail(`old commune ${code} ${type} ${name} is not in the district catalogue`);
  if (found.province !== oldProvinceCode || foldName(found.name) !== foldName(`${type} ${name}`)) {
    fail(`old commune ${code} is ${type} ${name} in ${oldProvinceCode} in the mapping but ${found.name} in ${found.province} in the district catalogue`);
  }
  return [code, type, name, oldProvinceCode, to, found.district] as const;
});
expectCount('oldDistricts', oldDistricts.length);
uniqueCodes('old commune', oldCommunes.map((c) => c[0]), /^\d{5}$/);
uniqueCodes('old district', oldDistricts.map((d) => d[0]), /^\d{3}$/);

// The two files describe one relation from opposite ends; they must agree pair for pair, and an old
// unit is `partial` exactly when it went to more than one new commune.
const oldUnits = [...oldCommunes, ...oldDistricts];
const targetsOf = new Map(oldUnits.map((u) => [u[0], u[4]]));
const provincePairsFromSplits = new Set(oldProvinces.flatMap(([old, , , to]) => to.map((n) => `${old}>${n}`)));
const provincePairsFromMerges = new Set(merges.flatMap((p) => p.merges.map((m) => `${m.old_id}>${p.level1_id}`)));
sameRelation('provinces', provincePairsFromMerges, provincePairsFromSplits);
const communePairsFromSplits = new Set(oldUnits.flatMap(([old, , , , to]) => to.map((n) => `${old}>${n}`)));
const communePairsFromMerges = new Set<string>();
for (const province of merges) {
  for (const commune of province.level2s) {
    if (commune.merges.length === 0) fail(`new commune ${commune.level2_id} was formed from nothing`);
    for (const m of commune.merges) {
      communePairsFromMerges.add(`${m.old_id}>${commune.level2_id}`);
      const targets = targetsOf.get(m.old_id)?.length ?? 0;
      if ((m.type === 'partial') !== targets > 1) fail(`old unit ${m.old_id} is "${m.type}" but went to ${targets} new communes`);
    }
  }
}
sameRelation('communes', communePairsFromMerges, communePairsFromSplits);

// An old unit should land in a successor of its old province. The source breaks this once (old An
// Giang's Xã Tân Phú 30622, filed under Đồng Tháp's Xã Tân Phú Trung, next to Đồng Tháp's own Xã
// Tân Phú); it is kept as published and reported, since only an official text can correct it.
const successors = new Map(oldProvinces.map((p) => [p[0], p[3]]));
for (const [code, type, name, oldProvince, to] of oldUnits) {
  for (const target of to) {
    const province = provinceOfCommune.get(target);
    if (!province) fail(`old unit ${code} went to unknown commune ${target}`);
    if (!successors.get(oldProvince)?.includes(province)) {
      console.warn(`warning: old ${type} ${name} (${code}, old province ${oldProvince}) went to commune ${target} in province ${province}`);
    }
  }
}

/** One row per line: diffs stay readable while the file stays a fraction of the source's size. */
function rows(values: readonly unknown[]): string {
  return `[\n${values.map((v) => `    ${JSON.stringify(v)}`).join(',\n')}\n  ]`;
}
const output = `{
  "snapshot": "2025-07-01",
  "source": "https://github.com/dvhcvn/20250701 (MIT), from Công văn 915/CTK-CSCL, 1027/CTK-CSCL and resolutions 1654–1687/NQ-UBTVQH15",
  "format": {
    "version": 2,
    "provinces": "[code, type, name]",
    "communes": "[code, type, name, provinceCode]",
    "oldProvinces": "[oldCode, type, name, [newProvinceCode...]]",
    "oldCommunes": "[oldCode, type, name, oldProvinceCode, [newCommuneCode...], oldDistrictCode]; more than one new code = partial",
    "districts": "[oldDistrictCode, type, name, oldProvinceCode]; the district level before 1 July 2025",
    "oldDistricts": "[oldDistrictCode, type, name, oldProvinceCode, [newCommuneCode...]]; island districts without communes"
  },
  "provinces": ${rows(provinces)},
  "communes": ${rows(communes)},
  "oldProvinces": ${rows(oldProvinces)},
  "oldCommunes": ${rows(oldCommunesWithDistrict)},
  "districts": ${rows(districts)},
  "oldDistricts": ${rows(oldDistricts)}
}
`;

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'admin-units.json'), output);
// Read and write rather than copy: the source is read-only and a copy would keep its mode.
writeFileSync(join(outDir, 'LICENSE'), readFileSync(join(sourceDir, 'LICENSE')));
for (const name of recapitalised) console.log(`capitalised: ${name}`);
console.log(
  `wrote ${provinces.length} provinces, ${communes.length} communes, ${oldProvinces.length} old provinces, ` +
    `${oldCommunes.length} old communes in ${districts.length} districts and ${oldDistricts.length} island districts to ${join(outDir, 'admin-units.json')}` +
    ` (districts as of ${catalogue.data_date})`,
);
