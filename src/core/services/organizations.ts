import { and, asc, count, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { organizationContract, organizationInput, organizationListInput } from '../../shared/contracts/organizations';
import type { Organization, Page } from '../../shared/domain';
import { conflict, notFound, validationFailure } from '../../shared/errors';
import { foldText, organizationNameKey } from '../../shared/text';
import { recordAudit } from '../audit';
import { timestamp, type Context } from '../context';
import { organizations } from '../db/schema';
import type { HandlersFor } from '../handlerTypes';
import { getAlliance } from './alliance';

type OrganizationRow = typeof organizations.$inferSelect;

function toOrganization(ctx: Context, row: OrganizationRow): Organization {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    shortName: row.shortName,
    registrationNo: row.registrationNo,
    provinceCode: row.provinceCode,
    communeCode: row.communeCode,
    communeName: ctx.places.commune(row.communeCode)?.fullName ?? '',
    street: row.street,
    status: row.status,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Escapes LIKE wildcards so that a typed `%` or `_` matches itself. */
function likeContains(folded: string): string {
  return `%${folded.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export function listOrganizations(ctx: Context, input: z.output<typeof organizationListInput>): Page<Organization> {
  const conditions: SQL[] = [isNull(organizations.deletedAt)];
  if (input.kind) conditions.push(eq(organizations.kind, input.kind));
  // Every word typed must appear somewhere in the folded search text, in any order.
  for (const word of foldText(input.query ?? '').split(' ').filter(Boolean)) {
    conditions.push(sql`${organizations.searchText} LIKE ${likeContains(word)} ESCAPE '\\'`);
  }
  const where = and(...conditions);
  const total = ctx.db.select({ value: count() }).from(organizations).where(where).get()?.value ?? 0;
  const rows = ctx.db
    .select()
    .from(organizations)
    .where(where)
    .orderBy(asc(organizations.nameFolded), asc(organizations.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  return { rows: rows.map((row) => toOrganization(ctx, row)), total };
}

export function getOrganization(ctx: Context, id: number): Organization {
  const row = ctx.db
    .select()
    .from(organizations)
    .where(and(eq(organizations.id, id), isNull(organizations.deletedAt)))
    .get();
  if (!row) throw notFound(`Không tìm thấy tổ chức số ${id}; có thể hồ sơ đã bị xóa.`);
  return toOrganization(ctx, row);
}

export function createOrganization(ctx: Context, input: z.output<typeof organizationInput>): Organization {
  const commune = ctx.places.commune(input.communeCode);
  if (!commune) {
    throw validationFailure([{ path: 'communeCode', message: 'Xã, phường đã chọn không có trong danh sách 3.321 xã, phường hiện hành.' }]);
  }
  const home = getAlliance(ctx);
  if (home && commune.provinceCode !== home.provinceCode) {
    const province = ctx.places.province(home.provinceCode)?.fullName ?? home.provinceCode;
    throw validationFailure([{ path: 'communeCode', message: `${commune.fullName} không thuộc ${province}.` }]);
  }
  const registrationNo = input.registrationNo === '' ? null : input.registrationNo;

  return ctx.db.transaction(() => {
    if (registrationNo) {
      const existing = ctx.db
        .select()
        .from(organizations)
        .where(and(eq(organizations.registrationNo, registrationNo), isNull(organizations.deletedAt)))
        .get();
      if (existing) {
        const commune = ctx.places.commune(existing.communeCode);
        // "(xã Vĩnh An)": the type word in lower case, as it reads inside a sentence.
        const place = commune ? `${commune.type.toLowerCase()} ${commune.name}` : '';
        throw conflict(
          `Mã số HTX ${registrationNo} đã có: ${existing.name}${place ? ` (${place})` : ''}. Mở hồ sơ đó?`,
          existing.id,
        );
      }
    }
    const now = timestamp(ctx);
    const nameFolded = foldText(input.name);
    const searchText = [nameFolded, foldText(input.shortName), registrationNo ?? '', foldText(commune.name)]
      .filter(Boolean)
      .join(' ');
    const row = ctx.db
      .insert(organizations)
      .values({
        kind: input.kind,
        name: input.name,
        shortName: input.shortName,
        registrationNo,
        provinceCode: commune.provinceCode,
        communeCode: commune.code,
        street: input.street,
        nameFolded,
        nameKey: organizationNameKey(input.name),
        searchText,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    const created = toOrganization(ctx, row);
    recordAudit(ctx.db, { entity: 'organization', entityId: row.id, action: 'create', at: now, before: null, after: created });
    return created;
  });
}

export const organizationHandlers: HandlersFor<typeof organizationContract> = {
  'organizations:list': (ctx, input) => listOrganizations(ctx, input),
  'organizations:get': (ctx, { id }) => getOrganization(ctx, id),
  'organizations:create': (ctx, input) => createOrganization(ctx, input),
};
