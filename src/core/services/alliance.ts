import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { allianceInput, appContract, OldAddressSuggestion } from '../../shared/contracts/app';
import type { Alliance } from '../../shared/domain';
import { validationFailure } from '../../shared/errors';
import { recordChange } from '../records';
import { timestamp, type Context } from '../context';
import { perConnection } from '../db/prepared';
import { alliance } from '../db/schema';
import type { HandlersFor } from '../handlerTypes';
import type { OldNamesake } from '../adminUnits';
import { notInDistrictWords } from '../excel/import/places';
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

/** "Trước 01/07/2025 có 2 nơi mang tên này: xã Vĩnh Hòa của thị xã Tân Châu (cũ) nay thuộc Xã Vĩnh Xương; …" */
function namesakesWords(namesakes: readonly OldNamesake[]): string {
  const each = namesakes.map(({ commune, district, now }) => `${commune} của ${district} (cũ) nay thuộc ${now.map((place) => place.fullName).join(' hoặc ')}`);
  return `Trước 01/07/2025 có ${namesakes.length} nơi mang tên này: ${each.join('; ')}.`;
}

/** The form's old address read in the alliance's province, with why it is asked when no commune was divided. */
function suggestFromOldAddress(ctx: Context, oldAddress: string): OldAddressSuggestion {
  const { match, notInDistrict, namesakes } = ctx.places.suggestFromOldAddress(oldAddress, getAlliance(ctx)?.provinceCode);
  const reason = notInDistrict ? notInDistrictWords(notInDistrict) : namesakes ? namesakesWords(namesakes) : null;
  return { match, reason };
}

export const appHandlers: HandlersFor<typeof appContract> = {
  'app:info': (ctx) => ({ version: ctx.appVersion, databaseFile: ctx.databaseFile, schemaVersion: ctx.schemaVersion }),
  'alliance:get': (ctx) => getAlliance(ctx),
  'alliance:save': (ctx, input) => saveAlliance(ctx, input),
  'places:provinces': (ctx) => ctx.places.provinces.map((province) => ({ ...province, formerNames: ctx.places.formerNames(province.code) })),
  'places:communes': (ctx, { provinceCode }) => [...ctx.places.communesOf(provinceCode)],
  'places:suggestFromOldAddress': (ctx, { oldAddress }) => suggestFromOldAddress(ctx, oldAddress),
};
