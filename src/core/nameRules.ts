/**
 * Name keys and search text are computed from names by the abbreviations table
 * (resources/names/abbreviations.json, read by src/shared/names.ts) and stored with each row, so
 * that matching and search are index lookups. When a new version of the app ships a changed
 * table, the stored values are computed again at start, once: the setting `name_rules` holds the
 * fingerprint of the table they were computed under.
 */
import { eq } from 'drizzle-orm';
import { nameRulesFingerprint, organizationNameKey, partnerNameKey } from '../shared/names';
import type { Context } from './context';
import { dropDerivedStructures, ensureDerivedStructures } from './db/derived';
import { settings } from './db/schema';
import { organizationSearchText, partnerSearchText } from './services/search';

const SETTING = 'name_rules';

/** Recomputes what differs under the current table; says how many rows changed, or null when nothing had to be checked. */
export function refreshNameKeys(ctx: Context): number | null {
  const stored = ctx.db.select({ value: settings.value }).from(settings).where(eq(settings.key, SETTING)).get();
  if (stored?.value === nameRulesFingerprint) return null;
  const sqlite = ctx.db.$client;
  let changed = 0;
  sqlite.transaction(() => {
    // Every row's search text may change: the index, word list and counters are rebuilt once from
    // the rows afterwards, which at national scale takes seconds where 100,000 trigger runs take a minute.
    dropDerivedStructures(sqlite);
    const organizationRows = sqlite
      .prepare('SELECT id, name, short_name AS shortName, registration_no AS registrationNo, commune_code AS communeCode, name_key AS nameKey, search_text AS searchText FROM organizations')
      .all() as { id: number; name: string; shortName: string; registrationNo: string | null; communeCode: string; nameKey: string; searchText: string }[];
    const updateOrganization = sqlite.prepare('UPDATE organizations SET name_key = ?, search_text = ? WHERE id = ?');
    for (const row of organizationRows) {
      const nameKey = organizationNameKey(row.name);
      const searchText = organizationSearchText({ ...row, communeName: ctx.places.commune(row.communeCode)?.name ?? '' });
      if (nameKey !== row.nameKey || searchText !== row.searchText) {
        updateOrganization.run(nameKey, searchText, row.id);
        changed += 1;
      }
    }
    const partnerRows = sqlite
      .prepare('SELECT id, name, short_name AS shortName, tax_code AS taxCode, contact_name AS contactName, buys, name_key AS nameKey, search_text AS searchText FROM partners')
      .all() as { id: number; name: string; shortName: string; taxCode: string | null; contactName: string; buys: string; nameKey: string; searchText: string }[];
    const updatePartner = sqlite.prepare('UPDATE partners SET name_key = ?, search_text = ? WHERE id = ?');
    for (const row of partnerRows) {
      const nameKey = partnerNameKey(row.name);
      const searchText = partnerSearchText(row);
      if (nameKey !== row.nameKey || searchText !== row.searchText) {
        updatePartner.run(nameKey, searchText, row.id);
        changed += 1;
      }
    }
    ctx.db
      .insert(settings)
      .values({ key: SETTING, value: nameRulesFingerprint, note: 'Bảng chữ viết tắt mà khóa tên và chữ tìm kiếm đang theo; phần mềm tự ghi.' })
      .onConflictDoUpdate({ target: settings.key, set: { value: nameRulesFingerprint } })
      .run();
    ensureDerivedStructures(sqlite, { rebuild: false });
  })();
  return changed;
}
