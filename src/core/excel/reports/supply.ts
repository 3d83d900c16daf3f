/**
 * The workbooks of supply–demand connection: the programme's results to the national alliance,
 * the supply bulletin (bản tin nguồn cung) sent to buyers, and the lists of offers, demands and
 * connections as shown. The results are the service's (`programmeResults`), so the report and the
 * programme's page say the same numbers; quantities are written with their unit, one row per unit.
 */
import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { ProgrammeResults, UnitVolume } from '../../../shared/contracts/programmes';
import type { connectionListInput, demandListInput, offerListInput } from '../../../shared/contracts/supply';
import { notFound } from '../../../shared/errors';
import { formatCount, formatMoney } from '../../../shared/format';
import { remainingQuantity } from '../../../shared/supply';
import { todayIso, type Context } from '../../context';
import { notInTrash, supplyOpenOn, subqueries, validOn } from '../../db/predicates';
import { certificationKinds, certifications, organizations, productGroups, supplyOffers, units } from '../../db/schema';
import { programmeResults } from '../../services/programmes';
import { listConnections } from '../../services/connections';
import { connectedQuantity, listDemands, listOffers } from '../../services/supply';
import type { Row, SheetData } from '../write/writer';
import { periodBetween } from './frame';
import { pagedTable } from './lists';

/** "10.000 – 12.000 ₫/kg", one price, or "đến 15.000 ₫/kg" for Giá đến alone: the most a buyer pays. */
function priceText(priceMin: number | null, priceMax: number | null, unitName: string): string {
  if (priceMin === null) return priceMax === null ? '' : `đến ${formatMoney(priceMax)}/${unitName}`;
  const range = priceMax === null || priceMax === priceMin ? formatMoney(priceMin) : `${formatMoney(priceMin)} – ${formatMoney(priceMax)}`;
  return `${range}/${unitName}`;
}

/** Rows read per query of the lists: the largest page the lists serve. */
const LIST_PAGE_ROWS = 500;

function table(rows: Row[]): SheetData {
  return { rows, count: rows.length };
}

/**
 * One row per unit of `volumes`, the first carrying `first` (name, counts, values) and the item's
 * number (STT), the others only their unit: they continue the item, unnumbered.
 */
function rowsPerUnit(first: Row, rest: Row, volumes: UnitVolume[]): Row[] {
  if (volumes.length === 0) return [{ ...first, unit: '', connected: null, delivered: null }];
  return volumes.map((volume, index) => ({
    ...(index === 0 ? first : { ...rest, index: null }),
    unit: volume.unitName,
    connected: volume.connected,
    delivered: volume.delivered,
  }));
}

function summaryRows(results: ProgrammeResults): Row[] {
  const rows: Row[] = [
    { indicator: 'Số kết nối cung – cầu đã xác nhận', unit: 'kết nối', value: results.connections },
    { indicator: 'Số hợp tác xã có hàng được kết nối', unit: 'HTX', value: results.sellers.htx },
    { indicator: 'Số tổ hợp tác có hàng được kết nối', unit: 'THT', value: results.sellers.tht },
    { indicator: 'Số tổ chức kinh tế tập thể khác có hàng được kết nối', unit: 'tổ chức', value: results.sellers.other },
    { indicator: 'Số đối tác (doanh nghiệp, chợ, sàn…) tiêu thụ', unit: 'đối tác', value: results.partners },
    { indicator: 'Số thành viên mua hàng', unit: 'tổ chức', value: results.buyingMembers },
    { indicator: 'Số sự kiện của chương trình trong kỳ', unit: 'sự kiện', value: results.events },
    { indicator: 'Giá trị hàng hóa đã kết nối', unit: 'đồng', value: results.connectedValue },
    { indicator: 'Giá trị hàng hóa đã giao', unit: 'đồng', value: results.deliveredValue },
  ];
  for (const total of results.totals) {
    rows.push({ indicator: 'Khối lượng đã kết nối', unit: total.unitName, value: total.connected });
    rows.push({ indicator: 'Khối lượng đã giao', unit: total.unitName, value: total.delivered });
  }
  return rows;
}

export function programmeResultsTables(ctx: Context, input: { programmeId: number | null; from: string; to: string }): Record<string, SheetData> {
  const results = programmeResults(ctx, input);
  const groups: Row[] = results.byGroup.map((group) => ({
    group: group.productGroupName,
    unit: group.unitName,
    connections: group.connections,
    connected: group.connected,
    delivered: group.delivered,
    share: group.connected > 0 ? Math.min(100, (group.delivered / group.connected) * 100) : null,
    connectedValue: group.connectedValue,
    deliveredValue: group.deliveredValue,
  }));
  const channels = results.byChannel.flatMap((channel) =>
    rowsPerUnit(
      { channel: channel.channelName, connections: channel.connections, connectedValue: channel.connectedValue, deliveredValue: channel.deliveredValue },
      { channel: channel.channelName },
      channel.volumes,
    ),
  );
  const communes = results.byCommune.flatMap((commune) =>
    rowsPerUnit(
      { commune: commune.communeName, province: commune.provinceName, organizations: commune.organizations, connections: commune.connections, connectedValue: commune.connectedValue },
      { commune: commune.communeName, province: commune.provinceName },
      commune.volumes,
    ),
  );
  return {
    summary: table(summaryRows(results)),
    groups: table(groups),
    channels: table(channels),
    // A member with goods in two communes counts in each; the total counts it once.
    communes: { ...table(communes), totals: () => ({ organizations: results.sellers.total }) },
  };
}

/**
 * Bản tin nguồn cung: what members had to sell with goods available in the period — offers whose
 * window overlaps it, not withdrawn and with something not yet connected — by product group, with
 * what remained, price, place, the certificates valid, and whom to call; all as of the period's
 * last day, or today while the period runs (the bulletin of the next three months reads today's
 * offers, one of a past year what was on offer then). A period with nothing on offer is refused
 * rather than written as an empty bulletin.
 */
export function supplyBulletinTable(ctx: Context, input: { programmeId: number | null; from: string; to: string }): SheetData {
  const today = todayIso(ctx);
  const asOf = input.to < today ? input.to : today;
  const { availableFrom, availableUntil } = supplyOffers;
  // The offers of the bulletin: read for its rows, and again for whose certificates to read.
  const where = and(
    notInTrash(supplyOffers),
    notInTrash(organizations),
    lte(availableFrom, input.to),
    or(isNull(availableUntil), gte(availableUntil, input.from)),
    supplyOpenOn(supplyOffers, asOf),
    input.programmeId === null ? undefined : eq(supplyOffers.programmeId, input.programmeId),
  );
  const offers = ctx.db
    .select({
      organizationId: supplyOffers.organizationId,
      productId: supplyOffers.productId,
      product: supplyOffers.product,
      groupName: productGroups.name,
      organizationName: organizations.name,
      quantity: supplyOffers.quantity,
      connected: connectedQuantity('offer', supplyOffers.id, asOf),
      unitName: units.name,
      availableFrom,
      availableUntil,
      priceMin: supplyOffers.priceMin,
      priceMax: supplyOffers.priceMax,
      communeCode: supplyOffers.communeCode,
      packaging: supplyOffers.packaging,
      deliveryTerms: supplyOffers.deliveryTerms,
      contactName: supplyOffers.contactName,
      contactPhone: supplyOffers.contactPhone,
      representative: organizations.representative,
      phone: organizations.phone,
    })
    .from(supplyOffers)
    .innerJoin(organizations, eq(organizations.id, supplyOffers.organizationId))
    .innerJoin(productGroups, eq(productGroups.code, supplyOffers.productGroupCode))
    .innerJoin(units, eq(units.code, supplyOffers.unitCode))
    .where(where)
    .orderBy(asc(productGroups.sortOrder), asc(supplyOffers.productFolded), asc(availableFrom), asc(supplyOffers.id))
    .all()
    // What remains by the rule the lists' statuses follow (`remainingQuantity`): an offer with
    // nothing left is fully connected and not offered any more.
    .filter((offer) => remainingQuantity(offer) > 0);
  if (offers.length === 0) {
    const whose = input.programmeId === null ? '' : ' của chương trình đã chọn';
    throw notFound(
      `Bản tin không có gì để gửi: không nguồn cung nào${whose} có hàng trong kỳ ${periodBetween(input.from, input.to).toLocaleLowerCase('vi')} mà còn số lượng chưa kết nối. Hãy chọn kỳ khác.`,
    );
  }
  // The certificates of the bulletin's sellers only, found by the same conditions in a subquery:
  // SQLite reads them through the offers' own index rather than being sent thousands of ids.
  const sellers = subqueries
    .select({ organizationId: supplyOffers.organizationId })
    .from(supplyOffers)
    .innerJoin(organizations, eq(organizations.id, supplyOffers.organizationId))
    .where(where);
  const certificates = ctx.db
    .select({ organizationId: certifications.organizationId, productId: certifications.productId, name: certificationKinds.name, stars: certifications.stars })
    .from(certifications)
    .innerJoin(certificationKinds, eq(certificationKinds.code, certifications.kindCode))
    .where(and(validOn(certifications, asOf), inArray(certifications.organizationId, sellers)))
    .orderBy(asc(certificationKinds.sortOrder), asc(certifications.id))
    .all();
  const heldBy = Map.groupBy(certificates, (certificate) => certificate.organizationId);
  const rows: Row[] = offers.map((offer) => {
    const held = (heldBy.get(offer.organizationId) ?? []).filter((certificate) => certificate.productId === null || certificate.productId === offer.productId);
    const commune = ctx.places.commune(offer.communeCode);
    return {
      group: offer.groupName,
      product: offer.product,
      organization: offer.organizationName,
      remaining: remainingQuantity(offer),
      unit: offer.unitName,
      availableFrom: offer.availableFrom,
      availableUntil: offer.availableUntil,
      price: priceText(offer.priceMin, offer.priceMax, offer.unitName),
      place: [commune?.fullName, commune ? ctx.places.province(commune.provinceCode)?.fullName : undefined].filter(Boolean).join(', '),
      certificates: [...new Set(held.map((certificate) => (certificate.stars === null ? certificate.name : `${certificate.name} ${certificate.stars} sao`)))].join(', '),
      packaging: [offer.packaging, offer.deliveryTerms].filter(Boolean).join('; '),
      contact: contactOf(offer),
    };
  });
  return { rows, count: rows.length, totals: () => ({ product: `${formatCount(rows.length)} nguồn cung` }) };
}

/** Whom a buyer calls about an offer: the contact written on it, else the seller's representative and phone. */
function contactOf(offer: { contactName: string; contactPhone: string; representative: string; phone: string }): string {
  const own = [offer.contactName, offer.contactPhone].filter(Boolean);
  return (own.length > 0 ? own : [offer.representative, offer.phone].filter(Boolean)).join(', ');
}

export function offerTable(ctx: Context, list: z.output<typeof offerListInput>): SheetData {
  return pagedTable(
    (page, pageSize) => listOffers(ctx, { ...list, page, pageSize }),
    LIST_PAGE_ROWS,
    (offer) => ({
      product: offer.product,
      group: offer.productGroupName,
      organization: offer.organization.name,
      quantity: offer.quantity,
      remaining: offer.remaining,
      unit: offer.unitName,
      availableFrom: offer.availableFrom,
      availableUntil: offer.availableUntil,
      price: priceText(offer.priceMin, offer.priceMax, offer.unitName),
      place: offer.placeName,
      status: offer.status,
    }),
    (written) => ({ product: `${formatCount(written)} nguồn cung` }),
  );
}

export function demandTable(ctx: Context, list: z.output<typeof demandListInput>): SheetData {
  return pagedTable(
    (page, pageSize) => listDemands(ctx, { ...list, page, pageSize }),
    LIST_PAGE_ROWS,
    (demand) => ({
      product: demand.product,
      group: demand.productGroupName,
      buyer: demand.buyer.name,
      quantity: demand.quantity,
      remaining: demand.remaining,
      unit: demand.unitName,
      neededFrom: demand.neededFrom,
      neededUntil: demand.neededUntil,
      price: priceText(demand.priceMin, demand.priceMax, demand.unitName),
      place: [demand.deliveryPlace, demand.deliveryProvinceName].filter(Boolean).join(', '),
      status: demand.status,
    }),
    (written) => ({ product: `${formatCount(written)} nhu cầu` }),
  );
}

export function connectionTable(ctx: Context, list: z.output<typeof connectionListInput>): SheetData {
  return pagedTable(
    (page, pageSize) => listConnections(ctx, { ...list, page, pageSize }),
    LIST_PAGE_ROWS,
    (connection) => ({
      connectedOn: connection.connectedOn,
      product: connection.product,
      seller: connection.seller.name,
      buyer: connection.buyer.name,
      quantity: connection.quantity,
      delivered: connection.delivered,
      unit: connection.unitName,
      value: connection.value,
      channel: connection.channelName,
      agreement: connection.agreementTitle ?? '',
    }),
    (written) => ({ product: `${formatCount(written)} kết nối` }),
  );
}
