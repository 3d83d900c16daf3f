/**
 * Data shipped with the app that the database keeps a copy of, brought up to date at start when a
 * new version ships a changed file: the administrative units (resources/admin-units/), copied into
 * `provinces` and `communes` so that queries join them and sort by their Vietnamese order, and the
 * name keys computed from the abbreviations table (nameRules.ts).
 *
 * Why here rather than in a migration or in derived.ts: the rows come from a file, not from other
 * rows, and that file changes with the app's version, not with the schema (a new release of the
 * upstream data set needs no migration); derived.ts builds from the database alone. The setting
 * `admin_units` holds the fingerprint of the file the tables were filled from, as `name_rules`
 * does for the abbreviations.
 */
import { eq, sql } from 'drizzle-orm';
import { vietnameseCollator } from '../shared/text';
import type { Context } from './context';
import { atomically } from './db/atomic';
import { communes, provinces, settings } from './db/schema';
import { refreshNameKeys } from './nameRules';

const SETTING = 'admin_units';

/** Fills `provinces` and `communes` from the shipped file when it differs from the one they hold; says whether it did. */
export function refreshAdminUnits(ctx: Context): boolean {
  const stored = ctx.db.select({ value: settings.value }).from(settings).where(eq(settings.key, SETTING)).get();
  if (stored?.value === ctx.places.fingerprint) return false;
  const byName = <T extends { code: string; name: string; type: string }>(list: T[]) =>
    list.sort((a, b) => vietnameseCollator.compare(a.name, b.name) || vietnameseCollator.compare(a.type, b.type) || (a.code < b.code ? -1 : 1));
  const provinceRows = byName([...ctx.places.provinces]).map((province, index) => ({ code: province.code, type: province.type, name: province.name, sortOrder: index }));
  const communeRows = byName(ctx.places.provinces.flatMap((province) => [...ctx.places.communesOf(province.code)])).map((commune, index) => ({
    code: commune.code,
    type: commune.type,
    name: commune.name,
    provinceCode: commune.provinceCode,
    sortOrder: index,
  }));
  atomically(ctx.db, () => {
    // Nothing refers to these rows by a declared key, so they are replaced whole.
    ctx.db.delete(communes).run();
    ctx.db.delete(provinces).run();
    ctx.db.insert(provinces).values(provinceRows).run();
    // One prepared row at a time: a new data file fills these at every first opening, and building
    // a 1,000-row VALUES statement costs several times more than running a prepared one 3,321 times.
    const insertCommune = ctx.db
      .insert(communes)
      .values({
        code: sql.placeholder('code'),
        type: sql.placeholder('type'),
        name: sql.placeholder('name'),
        provinceCode: sql.placeholder('provinceCode'),
        sortOrder: sql.placeholder('sortOrder'),
      })
      .prepare();
    for (const row of communeRows) insertCommune.run(row);
    ctx.db
      .insert(settings)
      .values({ key: SETTING, value: ctx.places.fingerprint, note: 'Bản dữ liệu đơn vị hành chính mà bảng tỉnh, xã đang theo; phần mềm tự ghi.' })
      .onConflictDoUpdate({ target: settings.key, set: { value: ctx.places.fingerprint } })
      .run();
  });
  return true;
}

/** What a writable data file needs at each opening, after its migrations. */
export function refreshShippedData(ctx: Context): void {
  refreshAdminUnits(ctx);
  refreshNameKeys(ctx);
}
