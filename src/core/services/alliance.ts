import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { allianceInput, appContract, OldAddressSuggestion } from '../../shared/contracts/app';
import type { Alliance, Commune } from '../../shared/domain';
import { validationFailure } from '../../shared/errors';
import { unitNameInSentence } from '../../shared/format';
import { recordChange } from '../records';
import { timestamp, type Context } from '../context';
import { perConnection } from '../db/prepared';
import { alliance } from '../db/schema';
import type { HandlersFor } from '../handlerTypes';
import { namesakesWords, notInDistrictWords } from '../excel/import/places';
import { atomically } from '../db/atomic';

const ALLIANCE_ID = 1;

/** Read by every save of an organization (its commune must be in the alliance's province). */
const allianceQuery = perConnection((db) => db.select().from(alliance).where(eq(alliance.id, ALLIANCE_ID)).prepare());

export function getAlliance(ctx: Context): Alliance | null {
  const row = allianceQuery(ctx.db).get();
  if (!row) return null;
  const { id: _id, updatedAt: _updatedAt, ...rest } = row;
  return rest;
}

export function saveAlliance(ctx: Context, input: z.output<typeof allianceInput>): Alliance {
  if (!ctx.places.province(input.provinceCode)) {
    throw validationFailure([{ path: 'provinceCode', message: 'Tỉnh, thành phố không có trong danh sách 34 tỉnh, thành phố hiện hành.' }]);
  }
  return atomically(ctx.db, () => {
    const before = getAlliance(ctx);
    const values = { ...input, updatedAt: timestamp(ctx) };
    ctx.db.insert(alliance)
      .values({ id: ALLIANCE_ID, ...values })
      .onConflictDoUpdate({ target: alliance.id, set: values })
      .run();
    recordChange(ctx, 'alliance', ALLIANCE_ID, before ? 'update' : 'create', before, input);
    return input;
  });
}

/**
 * "Theo danh mục … nơi này nay thuộc xã Tân Phú Trung (tỉnh Đồng Tháp), không thuộc tỉnh An Giang; …",
 * of an old address whose communes all went to other provinces than the one it was read in.
 */
function elsewhereWords(ctx: Context, elsewhere: readonly Commune[], provinceCode: string | undefined): string {
  const provinceName = (code: string | undefined) => unitNameInSentence(code === undefined ? '' : (ctx.places.province(code)?.fullName ?? ''));
  const places = elsewhere.map((commune) => `${unitNameInSentence(commune.fullName)} (${provinceName(commune.provinceCode)})`);
  const [otherProvince, ...moreProvinces] = [...new Set(elsewhere.map((commune) => provinceName(commune.provinceCode)))];
  const which = otherProvince !== undefined && moreProvinces.length === 0 ? otherProvince : 'tỉnh, thành phố đó';
  return `Theo danh mục đơn vị hành chính từ 01/07/2025, nơi này nay thuộc ${places.join(' hoặc ')}, không thuộc ${provinceName(provinceCode)}. Nếu tổ chức ở đó, hãy chọn ${which} ở ô «Tỉnh, thành phố» rồi chọn xã, phường.`;
}

/**
 * The form's old address read in the alliance's province, or in the one it names, as an import
 * reads a row's (`readPlace`): only that province's communes are offered. An old commune the source
 * maps into another province (xã Tân Phú of huyện Châu Thành, An Giang, now Xã Tân Phú Trung of
 * Đồng Tháp) is no place of it: offered, a click would put a commune of Đồng Tháp into a form of An
 * Giang. When the address names only such places, the reason says where they went. With why it is
 * asked when no commune was divided.
 */
function suggestFromOldAddress(ctx: Context, oldAddress: string): OldAddressSuggestion {
  const { provinceCode, match, notInDistrict, namesakes } = ctx.places.suggestFromOldAddress(oldAddress, getAlliance(ctx)?.provinceCode);
  const found = match.kind === 'mapped' ? [match.commune] : match.kind === 'ambiguous' ? match.candidates : [];
  const candidates = found.filter((commune) => commune.provinceCode === provinceCode);
  const [only, ...more] = candidates;
  if (!only) return { match: { kind: 'unknown' }, reason: found.length ? elsewhereWords(ctx, found, provinceCode) : null };
  if (more.length === 0) return { match: { kind: 'mapped', commune: only }, reason: null };
  const reason = notInDistrict ? notInDistrictWords(notInDistrict, provinceCode) : namesakes ? namesakesWords(namesakes, provinceCode) : null;
  return { match: { kind: 'ambiguous', candidates }, reason };
}

export const appHandlers: HandlersFor<typeof appContract> = {
  'app:info': (ctx) => ({ version: ctx.appVersion, databaseFile: ctx.databaseFile, schemaVersion: ctx.schemaVersion }),
  'alliance:get': (ctx) => getAlliance(ctx),
  'alliance:save': (ctx, input) => saveAlliance(ctx, input),
  'places:provinces': (ctx) => ctx.places.provinces.map((province) => ({ ...province, formerNames: ctx.places.formerNames(province.code) })),
  'places:communes': (ctx, { provinceCode }) => [...ctx.places.communesOf(provinceCode)],
  'places:suggestFromOldAddress': (ctx, { oldAddress }) => suggestFromOldAddress(ctx, oldAddress),
};
