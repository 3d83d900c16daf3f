/**
 * Name keys and search text are computed from names by the abbreviations table
 * (resources/names/abbreviations.json, read by src/shared/names.ts) and stored with each row, so
 * that matching and search are index lookups. When a new version of the app ships a changed
 * table, or computes the search text otherwise, the stored values are computed again at start,
 * once: the setting `name_rules` holds what they were computed under (`computedUnder`).
 */
import { eq } from 'drizzle-orm';
import { nameRulesFingerprint, organizationNameKey, partnerNameKey } from '../shared/names';
import type { Context } from './context';
import { dropDerivedStructures, ensureDerivedStructures } from './db/derived';
import { settings } from './db/schema';
import { organizationSearchText, partnerSearchText, SEARCH_TEXT_RECIPE } from './services/search';

const SETTING = 'name_rules';

/**
 * What the stored values are computed under: the abbreviations table and the folding
 * (`nameRulesFingerprint`), and the recipe of the search text, which is versioned beside it in
 * core (`SEARCH_TEXT_RECIPE`), where src/shared's fingerprint cannot read it. A change to any of
 * them makes every file of an earlier version differ here, so its rows are computed again.
 */
const computedUnder = `${nameRulesFingerprint}.${String(SEARCH_TEXT_RECIPE)}`;

/** Recomputes what differs under the current table; says how many rows changed, or null when nothing had to be checked. */
export function refreshNameKeys(ctx: Context): number | null {
  const stored = ctx.db.select({ value: settings.value }).from(settings).where(eq(settings.key, SETTING)).get();
  if (stored?.value === computedUnder) return null;
  const sqlite = ctx.db.$client;
  let changed = 0;
  sqlite.transaction(() => {
    const organizationRows = sqlite
      .prepare(
        'SELECT id, name, short_name AS shortName, registration_no AS registrationNo, commune_code AS communeCode, old_address AS oldAddress, name_key AS nameKey, search_text AS searchText FROM organizations',
      )
      .all() as { id: number; name: string; shortName: string; registrationNo: string | null; communeCode: string; oldAddress: string; nameKey: string; searchText: string }[];
    const organizationChanges: { id: number; nameKey: string; searchText: string }[] = [];
    for (const row of organizationRows) {
      const nameKey = organizationNameKey(row.name);
      const searchText = organizationSearchText({ ...row, communeName: ctx.places.commune(row.communeCode)?.name ?? '' });
      if (nameKey !== row.nameKey || searchText !== row.searchText) organizationChanges.push({ id: row.id, nameKey, searchText });
    }
    // The index, word list and counters read the organizations' search text (not the partners'):
    // when it changes they are dropped and rebuilt once from the rows afterwards, which at national
    // scale takes seconds where 100,000 trigger runs take a minute; a change to partners alone
    // leaves them be.
    const rebuildDerived = organizationChanges.length > 0;
    if (rebuildDerived) dropDerivedStructures(sqlite);
    const updateOrganization = sqlite.prepare('UPDATE organizations SET name_key = ?, search_text = ? WHERE id = ?');
    for (const change of organizationChanges) updateOrganization.run(change.nameKey, change.searchText, change.id);
    changed += organizationChanges.length;
    const partnerRows = sqlite
      .prepare('SELECT id, name, short_name AS shortName, province_code AS provinceCode, tax_code AS taxCode, contact_name AS contactName, buys, address, name_key AS nameKey, search_text AS searchText FROM partners')
      .all() as { id: number; name: string; shortName: string; provinceCode: string; taxCode: string | null; contactName: string; buys: string; address: string; nameKey: string; searchText: string }[];
    const updatePartner = sqlite.prepare('UPDATE partners SET name_key = ?, search_text = ? WHERE id = ?');
    for (const row of partnerRows) {
      const nameKey = partnerNameKey(row.name);
      const searchText = partnerSearchText({ ...row, provinceName: ctx.places.province(row.provinceCode)?.fullName ?? '' });
      if (nameKey !== row.nameKey || searchText !== row.searchText) {
        updatePartner.run(nameKey, searchText, row.id);
        changed += 1;
      }
    }
    ctx.db
      .insert(settings)
      .values({ key: SETTING, value: computedUnder, note: 'Bảng chữ viết tắt mà khóa tên và chữ tìm kiếm đang theo; phần mềm tự ghi.' })
      .onConflictDoUpdate({ target: settings.key, set: { value: computedUnder } })
      .run();
    if (rebuildDerived) ensureDerivedStructures(sqlite, { rebuild: false });
  })();
  return changed;
}
