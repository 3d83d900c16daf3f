/**
 * The workbooks of supply–demand connection: the programme's results to the national alliance,
 * the supply bulletin (bản tin nguồn cung) sent to buyers, and the lists of offers, demands and
 * connections as shown. The results are the service's (`programmeResults`), so the report and the
 * programme's page say the same numbers; quantities are written with their unit, one row per unit.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ProgrammeResults, UnitVolume } from '../../../shared/contracts/programmes';
import type { connectionListInput, demandListInput, offerListInput } from '../../../shared/contracts/supply';
import { formatCount, formatMoney } from '../../../shared/format';
import { todayIso, type Context } from '../../context';
import { programmeResults } from '../../services/programmes';
import { listConnections } from '../../services/connections';
import { listDemands, listOffers } from '../../services/supply';
import type { Row, SheetData } from '../write/writer';
import { pagedTable } from './lists';

/** "10.000 – 12.000 ₫/kg", or one price. */
function priceText(priceMin: number | null, priceMax: number | null, unitName: string): string {
  if (priceMin === null) return '';
  const range = priceMax === null || priceMax === priceMin ? formatMoney(priceMin) : `${formatMoney(priceMin)} – ${formatMoney(priceMax)}`;
  return `${range}/${unitName}`;
}

/** Rows read per query of the lists: the largest page the lists serve. */
const LIST_PAGE_ROWS = 500;

function table(rows: Row[]): SheetData {
  return { rows, count: rows.length };
}

/** One row per unit of `volumes`, the first carrying `first` (name, counts, values), the others only their unit. */
function rowsPerUnit(first: Row, rest: Row, volumes: UnitVolume[]): Row[] {
  if (volumes.length === 0) return [{ ...first, unit: '', connected: null, delivered: null }];
  return volumes.map((volume, index) => ({
    ...(index === 0 ? first : rest),
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

interface BulletinRow {
  id: number;
  organizationId: number;
  productId: number | null;
  product: string;
  groupName: string;
  organizationName: string;
  quantity: number;
  connected: number;
  unitName: string;
  availableFrom: string;
  availableUntil: string | null;
  priceMin: number | null;
  priceMax: number | null;
  communeCode: string;
  packaging: string;
  deliveryTerms: string;
  contactName: string;
  contactPhone: string;
}

/**
 * Bản tin nguồn cung: what members still have to sell with goods available in the period (open
 * or partly connected, not withdrawn), by product group, with what remains, price, place, the
 * certificates valid on the day it is made, and whom to call.
 */
export function supplyBulletinTable(ctx: Context, input: { programmeId: number | null; from: string; to: string }): SheetData {
  const today = todayIso(ctx);
  const where = sql`o.deleted_at IS NULL AND org.deleted_at IS NULL AND (org.ended_on IS NULL OR org.ended_on > ${today})
    AND o.available_from <= ${input.to} AND (o.available_until IS NULL OR o.available_until >= ${input.from})
    AND (o.available_until IS NULL OR o.available_until >= ${today})
    AND (o.withdrawn_on IS NULL OR o.withdrawn_on > ${today})
    ${input.programmeId === null ? sql`` : sql`AND o.programme_id = ${input.programmeId}`}`;
  const offers = ctx.db
    .all<BulletinRow>(sql`
      SELECT o.id, o.organization_id AS organizationId, o.product_id AS productId, o.product, g.name AS groupName, org.name AS organizationName,
        o.quantity, (SELECT coalesce(sum(c.offer_quantity), 0) FROM supply_connections c WHERE c.offer_id = o.id AND c.deleted_at IS NULL) AS connected,
        u.name AS unitName, o.available_from AS availableFrom, o.available_until AS availableUntil, o.price_min AS priceMin, o.price_max AS priceMax,
        o.commune_code AS communeCode, o.packaging, o.delivery_terms AS deliveryTerms, o.contact_name AS contactName, o.contact_phone AS contactPhone
      FROM supply_offers o JOIN organizations org ON org.id = o.organization_id
        JOIN product_groups g ON g.code = o.product_group_code JOIN units u ON u.code = o.unit_code
      WHERE ${where}
      ORDER BY g.sort_order, o.product_folded, o.available_from, o.id`)
    .filter((offer) => offer.quantity - offer.connected > 1e-9);
  const certificates = ctx.db.all<{ organizationId: number; productId: number | null; name: string; stars: number | null }>(sql`
    SELECT c.organization_id AS organizationId, c.product_id AS productId, k.name, c.stars
    FROM certifications c JOIN certification_kinds k ON k.code = c.kind_code
    WHERE (c.issued_on IS NULL OR c.issued_on <= ${today}) AND (c.expires_on IS NULL OR c.expires_on >= ${today})
      AND c.organization_id IN (SELECT o.organization_id FROM supply_offers o JOIN organizations org ON org.id = o.organization_id WHERE ${where})
    ORDER BY k.sort_order, c.id`);
  const heldBy = Map.groupBy(certificates, (certificate) => certificate.organizationId);
  const rows: Row[] = offers.map((offer) => {
    const held = (heldBy.get(offer.organizationId) ?? []).filter((certificate) => certificate.productId === null || certificate.productId === offer.productId);
    const commune = ctx.places.commune(offer.communeCode);
    return {
      group: offer.groupName,
      product: offer.product,
      organization: offer.organizationName,
      remaining: Math.round((offer.quantity - offer.connected) * 1e6) / 1e6,
      unit: offer.unitName,
      availableFrom: offer.availableFrom,
      availableUntil: offer.availableUntil,
      price: priceText(offer.priceMin, offer.priceMax, offer.unitName),
      place: [commune?.fullName, commune ? ctx.places.province(commune.provinceCode)?.fullName : undefined].filter(Boolean).join(', '),
      certificates: [...new Set(held.map((certificate) => (certificate.stars === null ? certificate.name : `${certificate.name} ${certificate.stars} sao`)))].join(', '),
      packaging: [offer.packaging, offer.deliveryTerms].filter(Boolean).join('; '),
      contact: [offer.contactName, offer.contactPhone].filter(Boolean).join(', '),
    };
  });
  return { rows, count: rows.length, totals: () => ({ product: `${formatCount(rows.length)} nguồn cung` }) };
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
