/**
 * Kết nối: a person confirms that an offer serves a demand, with the agreed quantity, price and
 * channel. One demand may be served by several offers and one offer serve several demands; what
 * remains of each is in its own unit, and a connection is refused when its unit does not convert
 * exactly to both, or when it would take more than remains. A connection can become an agreement
 * (the seller and the buyer as parties, one commitment pre-filled), whose deliveries are then
 * followed on the agreement's own page and counted back into the results.
 */
import { and, asc, between, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AgreementSummary } from '../../shared/contracts/agreements';
import type {
  AgreementDraft,
  ConnectionSummary,
  DeletedConnection,
  ParsedConnectionInput,
  connectionAgreementInput,
  connectionListInput,
  connectionUpdateInput,
} from '../../shared/contracts/supply';
import type { Page } from '../../shared/domain';
import { conflict, notFound, validationFailure, type FieldIssue } from '../../shared/errors';
import { baseOf, convertQuantity, convertible, moreThanRemains, overlapOf, remainingQuantity } from '../../shared/supply';
import { foldText, formatIsoDateVi } from '../../shared/text';
import { timestamp, todayIso, type Context } from '../context';
import { atomically } from '../db/atomic';
import { notInTrash, subqueries } from '../db/predicates';
import {
  agreementCommitments,
  agreements,
  organizations,
  partners,
  programmes,
  salesChannels,
  supplyConnections,
  supplyDemands,
  supplyOffers,
} from '../db/schema';
import { moveToTrash, recordChange, requireLive, restoreFromTrash, trashPage, whyNotLive, type RecordSpec, type Snapshot } from '../records';
import { createAgreement } from './agreements';
import { buyerOrganization, buyerPartner, connectionPage, connectionSummaries, connectionsById, partyInTrash, quantityValue, requireDemand, requireOffer, seller } from './supply';
import { containsText } from './search';
import { unitOfText, unitsByCode, unknownSalesChannel, unknownUnit } from './supplyLookups';

type ConnectionRow = typeof supplyConnections.$inferSelect;
type OfferRow = typeof supplyOffers.$inferSelect;
type DemandRow = typeof supplyDemands.$inferSelect;
type ConnectionFields = Omit<ParsedConnectionInput, 'offerId' | 'demandId'>;

function requireConnection(ctx: Context, id: number): ConnectionRow {
  return requireLive(ctx, connectionRecords, id);
}

function summaryOf(ctx: Context, id: number): ConnectionSummary {
  const [summary] = connectionSummaries(ctx, 'id', id);
  if (!summary) throw notFound(whyNotLive(ctx, connectionRecords, id));
  return summary;
}

// ---------------------------------------------------------------------------------------------
// Listing

export function listConnections(ctx: Context, input: z.output<typeof connectionListInput>): Page<ConnectionSummary> {
  /** Conditions on the connection's own columns. */
  const own: (SQL | undefined)[] = [];
  /** Conditions on the columns of its offer, its demand and the names of their sides (`seller`, `buyerPartner`, `buyerOrganization`). */
  const sides: (SQL | undefined)[] = [];
  if (input.programmeId !== undefined) own.push(eq(supplyConnections.programmeId, input.programmeId));
  if (input.channelCode) own.push(eq(supplyConnections.channelCode, input.channelCode));
  if (input.year !== undefined) own.push(between(supplyConnections.connectedOn, `${input.year}-01-01`, `${input.year}-12-31`));
  if (input.productGroupCode) sides.push(eq(supplyOffers.productGroupCode, input.productGroupCode));
  // A counterpart's connections are found through its own offers and demands, by their indexes. In
  // these subqueries the table's name is the subquery's own (not the offer or demand a page joins),
  // so each is read once for the whole query.
  const demandsWhere = (condition: SQL) => subqueries.select({ id: supplyDemands.id }).from(supplyDemands).where(condition);
  if (input.counterpart?.kind === 'partner') own.push(inArray(supplyConnections.demandId, demandsWhere(eq(supplyDemands.partnerId, input.counterpart.id))));
  if (input.counterpart?.kind === 'organization') {
    const { id } = input.counterpart;
    const offers = subqueries.select({ id: supplyOffers.id }).from(supplyOffers).where(eq(supplyOffers.organizationId, id));
    own.push(or(inArray(supplyConnections.offerId, offers), inArray(supplyConnections.demandId, demandsWhere(eq(supplyDemands.organizationId, id)))));
  }
  const named = [supplyOffers.productFolded, seller.nameFolded, buyerPartner.nameFolded, buyerOrganization.nameFolded];
  for (const word of foldText(input.search).split(' ').filter(Boolean)) sides.push(or(...named.map((column) => containsText(column, word))));
  return connectionPage(ctx, and(...own, ...sides), input, { readsSides: sides.length > 0 });
}

export function connectionTrash(ctx: Context, page: { page: number; pageSize: number }): Page<DeletedConnection> {
  const { rows, total } = trashPage(ctx, connectionRecords, page);
  const deletedAt = new Map(rows.map((row) => [row.id, row.deletedAt]));
  return { rows: connectionsById(ctx, rows.map((row) => row.id)).map((summary) => ({ ...summary, deletedAt: deletedAt.get(summary.id) ?? '' })), total };
}

// ---------------------------------------------------------------------------------------------
// Checking and writing

function snapshotOf(ctx: Context, row: ConnectionRow): Snapshot {
  return {
    offerId: row.offerId,
    demandId: row.demandId,
    quantity: quantityValue(ctx, row.quantity, row.unitCode),
    price: row.price,
    value: row.value,
    channelCode: row.channelCode,
    connectedOn: row.connectedOn,
    programmeId: row.programmeId,
    agreementId: row.agreementId,
    note: row.note,
  };
}

/** "Xoài cát Hòa Lộc — HTX Mỹ Xương": an offer or a demand as its connection's history names it. */
function sideName(ctx: Context, side: 'offer' | 'demand', id: number): string | undefined {
  if (side === 'offer') {
    const offer = ctx.db
      .select({ product: supplyOffers.product, by: organizations.name })
      .from(supplyOffers)
      .innerJoin(organizations, eq(organizations.id, supplyOffers.organizationId))
      .where(eq(supplyOffers.id, id))
      .get();
    return offer && `${offer.product} — ${offer.by}`;
  }
  const demand = ctx.db
    .select({ product: supplyDemands.product, partner: partners.name, organization: organizations.name })
    .from(supplyDemands)
    .leftJoin(partners, eq(partners.id, supplyDemands.partnerId))
    .leftJoin(organizations, eq(organizations.id, supplyDemands.organizationId))
    .where(eq(supplyDemands.id, id))
    .get();
  return demand && `${demand.product} — ${demand.partner ?? demand.organization ?? ''}`;
}

function referenceName(ctx: Context, field: string, value: string | number): string | undefined {
  switch (field) {
    case 'offerId':
      return sideName(ctx, 'offer', Number(value));
    case 'demandId':
      return sideName(ctx, 'demand', Number(value));
    case 'channelCode':
      return ctx.db.select({ name: salesChannels.name }).from(salesChannels).where(eq(salesChannels.code, String(value))).get()?.name;
    case 'programmeId':
      return ctx.db.select({ name: programmes.name }).from(programmes).where(eq(programmes.id, Number(value))).get()?.name;
    case 'agreementId':
      return ctx.db.select({ title: agreements.title }).from(agreements).where(eq(agreements.id, Number(value))).get()?.title;
    default:
      return undefined;
  }
}

/** Back from the trash only while its offer and demand are live and have room for it again. */
function checkRestore(ctx: Context, row: ConnectionRow): void {
  const offer = ctx.db.select().from(supplyOffers).where(and(eq(supplyOffers.id, row.offerId), notInTrash(supplyOffers))).get();
  const demand = ctx.db.select().from(supplyDemands).where(and(eq(supplyDemands.id, row.demandId), notInTrash(supplyDemands))).get();
  if (!offer || !demand) throw conflict('Nguồn cung hoặc nhu cầu của kết nối này đang ở Thùng rác; hãy khôi phục chúng trước.');
  for (const [side, own, stored, what] of [
    ['offer', row.offerQuantity, offer, 'nguồn cung'],
    ['demand', row.demandQuantity, demand, 'nhu cầu'],
  ] as const) {
    const remaining = remainingQuantity({ quantity: stored.quantity, connected: connectedElsewhere(ctx, side, stored.id, row.id) });
    if (own > remaining) throw conflict(`Phần còn lại của ${what} không đủ cho kết nối này (đã có kết nối khác sau khi xóa); không khôi phục được.`);
  }
}

/** Connections as the record machinery handles them: audit trail, trash and history. */
export const connectionRecords: RecordSpec<typeof supplyConnections> = {
  kind: 'connection',
  table: supplyConnections,
  noun: 'kết nối',
  snapshot: snapshotOf,
  checkRestore,
  nameOf: (ctx, field, value) => (typeof value === 'string' || typeof value === 'number' ? referenceName(ctx, field, value) : undefined),
};

/** Connected to the offer or demand so far, in its unit, leaving out the connection being edited. */
function connectedElsewhere(ctx: Context, side: 'offer' | 'demand', id: number, except: number | null): number {
  const column = side === 'offer' ? supplyConnections.offerQuantity : supplyConnections.demandQuantity;
  const key = side === 'offer' ? supplyConnections.offerId : supplyConnections.demandId;
  return (
    ctx.db
      .select({ value: sql<number>`coalesce(sum(${column}), 0)` })
      .from(supplyConnections)
      .where(and(eq(key, id), notInTrash(supplyConnections), except === null ? undefined : ne(supplyConnections.id, except)))
      .get()?.value ?? 0
  );
}

/**
 * Everything a connection must be: between an offer and a demand that are neither withdrawn nor
 * in the trash, dated no later than today, in a unit that converts exactly to both, within what
 * remains of both, on a known channel, in a programme on one of its days; once an agreement,
 * in its unit still. Every problem is found in one pass and said together, each at its field:
 * the person corrects them all at once rather than meeting the next at each save. Only what
 * depends on another is left: what remains of a side is compared once the unit converts to it.
 */
function checkConnection(ctx: Context, offer: OfferRow, demand: DemandRow, input: ConnectionFields, before: ConnectionRow | null) {
  const today = todayIso(ctx);
  const issues: FieldIssue[] = [];
  if (before !== null && before.commitmentId !== null && input.unitCode !== before.unitCode) {
    issues.push({ path: 'unitCode', message: 'Kết nối đã thành thỏa thuận, giao hàng tính theo đơn vị này; không đổi đơn vị được.' });
  }
  // A member that both sells and buys is not connected with itself: no sale, and no agreement to draw up.
  if (demand.organizationId !== null && demand.organizationId === offer.organizationId) {
    issues.push({ path: 'demandId', message: 'Bên bán và bên mua là cùng một tổ chức; không kết nối nguồn cung với nhu cầu của chính tổ chức đó. Hãy chọn nhu cầu của bên mua khác.' });
  }
  // A side whose seller or buyer is in the trash is out of Kết nối cung – cầu until restored (`partyInTrash`).
  if (before === null) {
    if (partyInTrash(ctx, 'offer', offer.id)) issues.push({ path: 'offerId', message: 'Bên bán của nguồn cung này đang ở Thùng rác; hãy khôi phục tổ chức đó trước khi kết nối.' });
    if (partyInTrash(ctx, 'demand', demand.id)) issues.push({ path: 'demandId', message: 'Bên mua của nhu cầu này đang ở Thùng rác; hãy khôi phục trước khi kết nối.' });
  }
  if (input.connectedOn > today) issues.push({ path: 'connectedOn', message: `Ngày kết nối không được sau hôm nay (${formatIsoDateVi(today)}).` });
  for (const [row, what, party] of [
    [offer, 'Nguồn cung', 'Bên bán'],
    [demand, 'Nhu cầu', 'Bên mua'],
  ] as const) {
    if (row.withdrawnOn !== null && row.withdrawnOn <= input.connectedOn) {
      issues.push({ path: 'connectedOn', message: `${what} đã rút từ ngày ${formatIsoDateVi(row.withdrawnOn)}; không kết nối được sau ngày đó.` });
    }
    // A member organization's end closes what it offered or asked for as a withdrawal does (`supplyOpenOn`).
    const endedOn =
      row.organizationId === null ? null : (ctx.db.select({ endedOn: organizations.endedOn }).from(organizations).where(eq(organizations.id, row.organizationId)).get()?.endedOn ?? null);
    if (endedOn !== null && endedOn <= input.connectedOn) {
      issues.push({ path: 'connectedOn', message: `${party} đã chấm dứt hoạt động từ ngày ${formatIsoDateVi(endedOn)}; không kết nối được từ ngày đó.` });
    }
  }
  if (!ctx.db.select({ code: salesChannels.code }).from(salesChannels).where(eq(salesChannels.code, input.channelCode)).get()) {
    issues.push(unknownSalesChannel(input.channelCode, 'channelCode'));
  }
  if (input.programmeId !== null) {
    const found = ctx.db
      .select({ name: programmes.name, startsOn: programmes.startsOn, endsOn: programmes.endsOn })
      .from(programmes)
      .where(and(eq(programmes.id, input.programmeId), notInTrash(programmes)))
      .get();
    if (!found) issues.push({ path: 'programmeId', message: 'Chương trình đã chọn không còn; có thể đã bị xóa. Hãy chọn lại.' });
    // A programme's results are read by the days of its connections: one dated outside it would count in no period of it.
    else if (input.connectedOn < found.startsOn || (found.endsOn !== null && input.connectedOn > found.endsOn)) {
      const period = found.endsOn === null ? `từ ngày ${formatIsoDateVi(found.startsOn)}` : `từ ngày ${formatIsoDateVi(found.startsOn)} đến ngày ${formatIsoDateVi(found.endsOn)}`;
      issues.push({ path: 'connectedOn', message: `Chương trình «${found.name}» diễn ra ${period}; ngày kết nối phải trong thời gian đó, hoặc chọn chương trình khác.` });
    }
  }

  const all = unitsByCode(ctx);
  const unit = all.get(input.unitCode);
  if (!unit) issues.push(unknownUnit(input.unitCode, 'unitCode'));
  const sideOf = (side: 'offer' | 'demand', row: OfferRow | DemandRow, what: string) => {
    const own = all.get(row.unitCode);
    if (!own) throw new Error('An offer or a demand refers to a unit that is not in the lookup.');
    return { side, row, what, own, quantity: unit ? convertQuantity(input.quantity, unit, own) : null };
  };
  const offerSide = sideOf('offer', offer, 'Nguồn cung');
  const demandSide = sideOf('demand', demand, 'Nhu cầu');
  for (const { side, row, what, own, quantity } of [offerSide, demandSide]) {
    if (!unit) continue;
    const lower = what.toLowerCase();
    if (quantity === null) {
      issues.push({
        path: 'unitCode',
        message: `${what} tính bằng ${own.name}; ${unit.name} không quy đổi chính xác sang ${own.name}, nên chưa so được số lượng với phần ${lower} còn lại. Hãy kết nối bằng ${own.name}, hoặc sửa đơn vị của ${lower}.`,
      });
      continue;
    }
    const remaining = remainingQuantity({ quantity: row.quantity, connected: connectedElsewhere(ctx, side, row.id, before?.id ?? null) });
    if (quantity > remaining) issues.push({ path: 'quantity', message: moreThanRemains(side, quantity, remaining, own.name) });
  }
  // An unknown unit is among the issues.
  if (issues.length > 0 || !unit) throw validationFailure(issues);
  const base = all.get(baseOf(unit));
  if (!base) throw new Error('A unit converts to a base that is not in the lookup.');
  return {
    offerQuantity: offerSide.quantity ?? 0,
    demandQuantity: demandSide.quantity ?? 0,
    baseQuantity: convertQuantity(input.quantity, unit, base) ?? 0,
    baseUnitCode: base.code,
  };
}

function columnsFor(input: ConnectionFields, converted: ReturnType<typeof checkConnection>) {
  return {
    quantity: input.quantity,
    unitCode: input.unitCode,
    offerQuantity: converted.offerQuantity,
    demandQuantity: converted.demandQuantity,
    baseQuantity: converted.baseQuantity,
    baseUnitCode: converted.baseUnitCode,
    price: input.price,
    // Money is whole đồng: 12,5 tấn at 9.800.000 ₫ is 122.500.000 ₫.
    value: input.price === null ? null : Math.round(input.quantity * input.price),
    channelCode: input.channelCode,
    connectedOn: input.connectedOn,
    programmeId: input.programmeId,
    note: input.note,
  };
}

export function createConnection(ctx: Context, input: ParsedConnectionInput): ConnectionSummary {
  return atomically(ctx.db, () => {
    const offer = requireOffer(ctx, input.offerId);
    const demand = requireDemand(ctx, input.demandId);
    const converted = checkConnection(ctx, offer, demand, input, null);
    const now = timestamp(ctx);
    const row = ctx.db
      .insert(supplyConnections)
      .values({ offerId: offer.id, demandId: demand.id, ...columnsFor(input, converted), createdAt: now, updatedAt: now })
      .returning()
      .get();
    recordChange(ctx, 'connection', row.id, 'create', null, snapshotOf(ctx, row));
    return summaryOf(ctx, row.id);
  });
}

export function updateConnection(ctx: Context, { id, ...input }: z.output<typeof connectionUpdateInput>): ConnectionSummary {
  return atomically(ctx.db, () => {
    const before = requireConnection(ctx, id);
    const offer = requireOffer(ctx, before.offerId);
    const demand = requireDemand(ctx, before.demandId);
    const converted = checkConnection(ctx, offer, demand, input, before);
    const after = ctx.db
      .update(supplyConnections)
      .set({ ...columnsFor(input, converted), updatedAt: timestamp(ctx) })
      .where(eq(supplyConnections.id, id))
      .returning()
      .get();
    recordChange(ctx, 'connection', id, 'update', snapshotOf(ctx, before), snapshotOf(ctx, after));
    return summaryOf(ctx, id);
  });
}

/** To the trash; the agreement it became stays, with its deliveries. */
export function deleteConnection(ctx: Context, id: number): null {
  return moveToTrash(ctx, connectionRecords, id);
}

/** Back from the trash, unless what it took no longer remains on the offer or the demand. */
export function restoreConnection(ctx: Context, id: number): ConnectionSummary {
  return atomically(ctx.db, () => summaryOf(ctx, restoreFromTrash(ctx, connectionRecords, id).id));
}

// ---------------------------------------------------------------------------------------------
// Becoming an agreement

/** Whether the connection already became an agreement that is not in the trash. */
function liveAgreementOf(ctx: Context, row: ConnectionRow): boolean {
  if (row.agreementId === null || row.commitmentId === null) return false;
  return summaryOf(ctx, row.id).agreementId !== null;
}

export function agreementDraft(ctx: Context, id: number): AgreementDraft {
  const row = requireConnection(ctx, id);
  const summary = summaryOf(ctx, id);
  const offer = requireOffer(ctx, row.offerId);
  const demand = requireDemand(ctx, row.demandId);
  const window = overlapOf({ from: offer.availableFrom, until: offer.availableUntil }, { from: demand.neededFrom, until: demand.neededUntil });
  const dueOn = window?.until ?? demand.neededUntil ?? offer.availableUntil;
  // The commitment runs from the agreement's effective day (the connection's) at the earliest: a
  // demand needed from before then is delivered on from that day.
  const startsOn = window === null ? null : window.from > row.connectedOn ? window.from : row.connectedOn;
  return {
    input: {
      kind: 'sales_contract',
      number: '',
      title: `Hợp đồng tiêu thụ ${summary.product}: ${summary.seller.name} – ${summary.buyer.name}`,
      draft: false,
      // Signed the day the two sides were connected, from which it is valid: today would pass the
      // end of an old connection's validity (refused as Hiệu lực đến before Ngày ký) and the end
      // of a party dissolved since, so the form would not save as filled.
      signedOn: row.connectedOn,
      eventId: null,
      validFrom: row.connectedOn,
      validUntil: dueOn !== null && dueOn >= row.connectedOn ? dueOn : null,
      note: row.note,
      parties: [
        { kind: 'organization', id: summary.seller.id, role: 'seller' },
        { kind: summary.buyer.kind, id: summary.buyer.id, role: 'buyer' },
      ],
      commitments: [
        {
          product: summary.product,
          quantity: row.quantity,
          unit: summary.unitName,
          value: row.value,
          startsOn,
          dueOn: dueOn !== null && startsOn !== null && dueOn >= startsOn ? dueOn : null,
        },
      ],
    },
    partyNames: [summary.seller.name, summary.buyer.name],
  };
}

/**
 * Saves the agreement and ties the connection to its first commitment, in one transaction, so that
 * the deliveries recorded there are the connection's. The commitment's unit must convert to the
 * connection's, or its deliveries could not be counted in the connection's results.
 */
export function createAgreementFromConnection(
  ctx: Context,
  input: z.output<typeof connectionAgreementInput>,
): { connection: ConnectionSummary; agreement: AgreementSummary } {
  return atomically(ctx.db, () => {
    const row = requireConnection(ctx, input.connectionId);
    if (liveAgreementOf(ctx, row)) {
      throw conflict('Kết nối này đã thành một thỏa thuận; hãy ghi giao hàng trên thỏa thuận đó.', row.agreementId ?? undefined);
    }
    const first = input.agreement.commitments[0];
    if (!first) {
      throw validationFailure([{ path: 'agreement.commitments', message: 'Cần ít nhất một cam kết: cam kết thứ nhất là của kết nối này.' }]);
    }
    const all = unitsByCode(ctx);
    const connectionUnit = all.get(row.unitCode);
    const written = unitOfText(all.values(), first.unit);
    if (!connectionUnit || !written || !convertible(written, connectionUnit)) {
      throw validationFailure([
        {
          path: 'agreement.commitments.0.unit',
          message: `Cam kết thứ nhất là của kết nối (tính bằng ${connectionUnit?.name ?? row.unitCode}); đơn vị «${first.unit}» không quy đổi được sang đơn vị đó.`,
        },
      ]);
    }
    const agreement = createAgreement(ctx, input.agreement);
    const commitment = ctx.db
      .select({ id: agreementCommitments.id })
      .from(agreementCommitments)
      .where(eq(agreementCommitments.agreementId, agreement.id))
      .orderBy(asc(agreementCommitments.id))
      .get();
    const after = ctx.db
      .update(supplyConnections)
      .set({ agreementId: agreement.id, commitmentId: commitment?.id ?? null, updatedAt: timestamp(ctx) })
      .where(eq(supplyConnections.id, row.id))
      .returning()
      .get();
    recordChange(ctx, 'connection', row.id, 'update', snapshotOf(ctx, row), snapshotOf(ctx, after));
    return { connection: summaryOf(ctx, row.id), agreement };
  });
}

export function connectionsOfAgreement(ctx: Context, agreementId: number): ConnectionSummary[] {
  return connectionSummaries(ctx, 'agreementId', agreementId);
}
