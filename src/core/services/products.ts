/** Products of member organizations and their certifications (OCOP stars, VietGAP, …). */
import { and, asc, eq, gte, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { inHomeProvince, notInTrash, subqueries } from '../db/predicates';
import type { z } from 'zod';
import type {
  Certification,
  certificationInput,
  ExpiringCertification,
  OrganizationProducts,
  Product,
  productInput,
  productsContract,
} from '../../shared/contracts/products';
import { addDays } from '../../shared/dates';
import { notFound, validationFailure } from '../../shared/errors';
import type { HistoryCause } from '../../shared/records';
import { foldText } from '../../shared/text';
import { goneMessage, recordChange } from '../records';
import { todayIso, type Context } from '../context';
import { certificationKinds, certifications, organizations, products } from '../db/schema';
import type { HandlersFor } from '../handlerTypes';
import { requireOrganization } from './organizations';
import { atomically } from '../db/atomic';

type ProductRow = typeof products.$inferSelect;

const certificationColumns = {
  id: certifications.id,
  organizationId: certifications.organizationId,
  productId: certifications.productId,
  kindCode: certifications.kindCode,
  kindName: certificationKinds.name,
  stars: certifications.stars,
  number: certifications.number,
  issuer: certifications.issuer,
  issuedOn: certifications.issuedOn,
  expiresOn: certifications.expiresOn,
};

/** What a product row says, without its folded name (used only for sorting and search). */
function productFields(row: ProductRow): Omit<Product, 'certifications'> {
  const { nameFolded: _nameFolded, ...rest } = row;
  return rest;
}

function toProduct(row: ProductRow, certificationsOfProduct: Certification[]): Product {
  return { ...productFields(row), certifications: certificationsOfProduct };
}

function certificationsWhere(ctx: Context, where: SQL | undefined): Certification[] {
  return ctx.db
    .select(certificationColumns)
    .from(certifications)
    .innerJoin(certificationKinds, eq(certificationKinds.code, certifications.kindCode))
    .where(where)
    .orderBy(asc(certificationKinds.sortOrder), asc(certifications.expiresOn), asc(certifications.id))
    .all();
}

export function listProducts(ctx: Context, organizationId: number): OrganizationProducts {
  requireOrganization(ctx, organizationId);
  const all = certificationsWhere(ctx, eq(certifications.organizationId, organizationId));
  const rows = ctx.db
    .select()
    .from(products)
    .where(eq(products.organizationId, organizationId))
    .orderBy(asc(products.nameFolded), asc(products.id))
    .all();
  return {
    products: rows.map((row) => toProduct(row, all.filter((c) => c.productId === row.id))),
    generalCertifications: all.filter((c) => c.productId === null),
  };
}

function findProduct(ctx: Context, organizationId: number, id: number): ProductRow {
  const row = ctx.db
    .select()
    .from(products)
    .where(and(eq(products.id, id), eq(products.organizationId, organizationId)))
    .get();
  if (!row) throw notFound(goneMessage('sản phẩm'));
  return row;
}

/** `cause`: what made the app save it by itself (a conversion carrying it over), for its history. */
export function saveProduct(ctx: Context, input: z.output<typeof productInput>, cause?: HistoryCause): Product {
  return atomically(ctx.db, () => {
    requireOrganization(ctx, input.organizationId);
    const { id, ...fields } = input;
    const values = { ...fields, nameFolded: foldText(fields.name) };
    const before = id === undefined ? null : findProduct(ctx, input.organizationId, id);
    const row = before
      ? ctx.db.update(products).set(values).where(eq(products.id, before.id)).returning().get()
      : ctx.db.insert(products).values(values).returning().get();
    recordChange(ctx, 'organization', input.organizationId, 'update', { product: before ? productFields(before) : null }, { product: productFields(row) }, cause);
    return toProduct(row, certificationsWhere(ctx, eq(certifications.productId, row.id)));
  });
}

export function deleteProduct(ctx: Context, id: number): null {
  return atomically(ctx.db, () => {
    const row = ctx.db.select().from(products).where(eq(products.id, id)).get();
    if (!row) throw notFound(goneMessage('sản phẩm'));
    // The foreign key sets the product of its certifications to null: they stay with the organization.
    ctx.db.delete(products).where(eq(products.id, id)).run();
    recordChange(ctx, 'organization', row.organizationId, 'update', { product: productFields(row) }, { product: null });
    return null;
  });
}

function findCertification(ctx: Context, id: number): Certification | undefined {
  return certificationsWhere(ctx, eq(certifications.id, id))[0];
}

/** A certificate as the organization's history keeps it: with its product's name, which a deleted product no longer tells. */
function certificationAudited(ctx: Context, certification: Certification) {
  const { productId } = certification;
  const product = productId === null ? undefined : ctx.db.select({ name: products.name }).from(products).where(eq(products.id, productId)).get();
  return { ...certification, productName: product?.name ?? null };
}

/** `cause`: as for `saveProduct`. */
export function saveCertification(ctx: Context, input: z.output<typeof certificationInput>, cause?: HistoryCause): Certification {
  return atomically(ctx.db, () => {
    requireOrganization(ctx, input.organizationId);
    const kind = ctx.db.select().from(certificationKinds).where(eq(certificationKinds.code, input.kindCode)).get();
    if (!kind) {
      throw validationFailure([{ path: 'kindCode', message: `Loại chứng nhận «${input.kindCode}» không có trong danh mục.` }]);
    }
    if (kind.hasStars && input.stars === null) {
      throw validationFailure([{ path: 'stars', message: `Chứng nhận ${kind.name} cần số sao (từ 1 đến 5).` }]);
    }
    if (!kind.hasStars && input.stars !== null) {
      throw validationFailure([{ path: 'stars', message: `Chứng nhận ${kind.name} không xếp sao; hãy để trống số sao.` }]);
    }
    if (input.productId !== null) {
      const product = ctx.db.select().from(products).where(eq(products.id, input.productId)).get();
      if (product?.organizationId !== input.organizationId) {
        throw validationFailure([{ path: 'productId', message: 'Sản phẩm đã chọn không thuộc tổ chức này.' }]);
      }
    }
    const { id, ...values } = input;
    let before: Certification | null = null;
    let savedId: number;
    if (id === undefined) {
      savedId = ctx.db.insert(certifications).values(values).returning({ id: certifications.id }).get().id;
    } else {
      before = findCertification(ctx, id) ?? null;
      if (before?.organizationId !== input.organizationId) {
        throw notFound(goneMessage('giấy chứng nhận'));
      }
      ctx.db.update(certifications).set(values).where(eq(certifications.id, id)).run();
      savedId = id;
    }
    const saved = findCertification(ctx, savedId);
    if (!saved) throw new Error(`certification ${savedId} vanished inside its own transaction`);
    recordChange(ctx, 'organization', input.organizationId, 'update', { certification: before && certificationAudited(ctx, before) }, { certification: certificationAudited(ctx, saved) }, cause);
    return saved;
  });
}

export function deleteCertification(ctx: Context, id: number): null {
  return atomically(ctx.db, () => {
    const before = findCertification(ctx, id);
    if (!before) throw notFound(goneMessage('giấy chứng nhận'));
    ctx.db.delete(certifications).where(eq(certifications.id, id)).run();
    recordChange(ctx, 'organization', before.organizationId, 'update', { certification: certificationAudited(ctx, before) }, { certification: null });
    return null;
  });
}


/**
 * The certificates to renew, for Cần chú ý and Tổng quan alike: of live organizations of this
 * province, expiring within `withinDays` from today or expired within the last 12 months, and not
 * renewed — no newer certificate of the same kind for the same organization and product (one that
 * expires after it, or one with no expiry issued after it). An expired one stays listed until it is
 * renewed, its organization ends or goes to the trash, or its year is over. Soonest first.
 */
export function expiringCertifications(ctx: Context, { withinDays }: { withinDays: number }): ExpiringCertification[] {
  const today = todayIso(ctx);
  // An office renews within months; one expired over a year ago was let go. The same day a year
  // back, as text: 29/02 compares as the day after 28/02.
  const keptSince = `${String(Number(today.slice(0, 4)) - 1).padStart(4, '0')}${today.slice(4)}`;
  const renewal = alias(certifications, 'renewal');
  const renewed = subqueries
    .select({ one: sql`1` })
    .from(renewal)
    .where(
      and(
        eq(renewal.kindCode, certifications.kindCode),
        eq(renewal.organizationId, certifications.organizationId),
        sql`${renewal.productId} IS ${certifications.productId}`,
        sql`(${renewal.expiresOn} > ${certifications.expiresOn} OR (${renewal.expiresOn} IS NULL AND ${renewal.issuedOn} > coalesce(${certifications.issuedOn}, '')))`,
      ),
    );
  return ctx.db
    .select({
      certificationId: certifications.id,
      organizationId: organizations.id,
      organizationName: organizations.name,
      productName: sql<string>`coalesce(${products.name}, '')`,
      kindName: certificationKinds.name,
      stars: certifications.stars,
      number: certifications.number,
      expiresOn: sql<string>`${certifications.expiresOn}`,
      daysLeft: sql<number>`cast(julianday(${certifications.expiresOn}) - julianday(${today}) as integer)`,
    })
    .from(certifications)
    .innerJoin(organizations, eq(organizations.id, certifications.organizationId))
    .innerJoin(certificationKinds, eq(certificationKinds.code, certifications.kindCode))
    .leftJoin(products, eq(products.id, certifications.productId))
    .where(
      and(
        gte(certifications.expiresOn, keptSince),
        lte(certifications.expiresOn, addDays(today, withinDays)),
        notInTrash(organizations),
        // Live organizations only: one that has ended needs no renewal.
        isNull(organizations.endedOn),
        // Nor does one based in another province: its own alliance follows it.
        inHomeProvince(organizations),
        sql`NOT EXISTS ${renewed}`,
      ),
    )
    // Nearest to today first, expired or not: the first page is what needs acting on now, not what
    // ran out eleven months ago.
    .orderBy(sql`abs(julianday(${certifications.expiresOn}) - julianday(${today}))`, asc(certifications.expiresOn), asc(organizations.nameFolded), asc(certifications.id))
    .all();
}

export const productsHandlers: HandlersFor<typeof productsContract> = {
  'products:list': (ctx, { organizationId }) => listProducts(ctx, organizationId),
  'products:save': (ctx, input) => saveProduct(ctx, input),
  'products:delete': (ctx, { id }) => deleteProduct(ctx, id),
  'certifications:save': (ctx, input) => saveCertification(ctx, input),
  'certifications:delete': (ctx, { id }) => deleteCertification(ctx, id),
  'certifications:expiring': (ctx, input) => expiringCertifications(ctx, input),
};
