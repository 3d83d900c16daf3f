/**
 * Demo data of supply–demand connection, over the register's years: partners (supermarket chains,
 * processors, exporters, wholesale markets, online marketplaces) in every province concerned; a
 * programme a year (and Programme 503 in 2021); offers of the members that have a product, with
 * harvest windows and prices; demands of the partners (and of a few members), most saying what the
 * buyer pays; connections between them in units that convert, at a price within what the buyer pays; and
 * agreements made from some connections, with their deliveries. About
 * 200,000 offers and 50,000 demands at national scale. Deterministic for a given seed, written
 * through prepared statements in one transaction, as the register's demo data is.
 */
import { addDays, daysBetween } from '../../shared/dates';
import { QUANTITY_ENTRY_DECIMALS, roundQuantity } from '../../shared/agreements';
import { convertQuantity, productGroupOf, type UnitFacts } from '../../shared/supply';
import { partnerNameKey } from '../../shared/names';
import { foldText } from '../../shared/text';
import { partnerSearchText } from '../services/search';
import { timestamp, todayIso, type Context } from '../context';
import type { DemoScale } from './generate';
import { randomSource, type Random } from './random';
import { closingReasons } from './promotion';
import { unitOfText, type UnitRow } from '../services/supplyLookups';

/** A member organization with a product of the register, able to offer it. */
export interface DemoSeller {
  organizationId: number;
  productId: number;
  product: string;
  /** As the register writes it: kg, quả, lít, m³, chiếc. */
  unit: string;
  /** Per unit, in đồng. */
  price: number;
  communeCode: string;
  provinceCode: string;
  foundedYear: number;
  kind: 'htx' | 'lhhtx' | 'tht' | 'qtdnd';
}

interface Options {
  scale: DemoScale;
  /** The share of the scale's register that was made (tests seed a few hundred organizations). */
  share: number;
  seed: number;
  firstYear: number;
  lastYear: number;
  sellers: DemoSeller[];
}

export interface SupplyDemoSummary {
  partners: number;
  programmes: number;
  offers: number;
  demands: number;
  connections: number;
  agreements: number;
}

const SIZES: Record<DemoScale, { partners: number; offers: number; demands: number }> = {
  province: { partners: 60, offers: 1_200, demands: 300 },
  national: { partners: 3_000, offers: 200_000, demands: 50_000 },
};

const partnerKinds = [
  { kind: 'enterprise', line: 'supermarket', prefix: 'Công ty TNHH Thương mại', channel: 'sieu_thi', weight: 4 },
  { kind: 'enterprise', line: 'distribution', prefix: 'Công ty Cổ phần Phân phối', channel: 'sieu_thi', weight: 3 },
  { kind: 'enterprise', line: 'processing', prefix: 'Công ty Cổ phần Chế biến Nông sản', channel: 'che_bien', weight: 3 },
  { kind: 'enterprise', line: 'export', prefix: 'Công ty TNHH Xuất nhập khẩu', channel: 'xuat_khau', weight: 2 },
  { kind: 'wholesale_market', line: null, prefix: 'Chợ đầu mối nông sản', channel: 'cho_dau_moi', weight: 2 },
  { kind: 'retail_outlet', line: null, prefix: 'Cửa hàng giới thiệu sản phẩm HTX', channel: 'cua_hang_htx', weight: 1 },
  { kind: 'online_channel', line: null, prefix: 'Sàn thương mại điện tử', channel: 'tmdt', weight: 1 },
] as const;

const tradeNames = ['Phú Gia', 'Hưng Phát', 'Minh Long', 'An Khang', 'Thành Đạt', 'Sao Việt', 'Đại Phúc', 'Hòa Bình', 'Kim Ngân', 'Nam Việt', 'Tân Phát', 'Việt Xanh'];

/** How much of a product one offer holds, by its unit. */
const offerSizes: Record<string, [number, number]> = { kg: [2_000, 60_000], quả: [5_000, 120_000], lít: [200, 6_000], 'm³': [10, 300], chiếc: [100, 3_000] };

/**
 * A share of a quantity as an office would write it, never more than the share: tonnes to the
 * kilogram, other units whole (12,345 tấn, 804 chiếc), as the forms take them.
 */
function asTyped(quantity: number, unit: UnitFacts): number {
  const scale = unit.code === 'tan' ? 10 ** QUANTITY_ENTRY_DECIMALS : 1;
  return Math.floor(roundQuantity(quantity) * scale) / scale;
}

/** A price as people write it: to three figures, the last a 0 or a 5 (8.350, 25.500, 32.500.000). */
function asWritten(price: number): number {
  const step = 5 * 10 ** Math.max(0, Math.floor(Math.log10(price)) - 2);
  return Math.round(price / step) * step;
}

/**
 * What a buyer says it pays, around the going price of the product (its offers ask from 85% to
 * 115% of it): mostly only the most it pays («mua tối đa»), some a range or one price, about a
 * third nothing, so that suggestions show a price within, above, and not said.
 */
function buyerPrice(pricing: Random, going: number): { priceMin: number | null; priceMax: number | null } {
  const kind = pricing.next();
  if (kind < 0.3) return { priceMin: null, priceMax: null };
  if (kind < 0.75) return { priceMin: null, priceMax: asWritten(going * (0.92 + pricing.next() * 0.28)) };
  if (kind < 0.9) {
    const priceMin = asWritten(going * (0.8 + pricing.next() * 0.15));
    return { priceMin, priceMax: asWritten(priceMin * (1.1 + pricing.next() * 0.15)) };
  }
  return { priceMin: asWritten(going * (0.85 + pricing.next() * 0.2)), priceMax: null };
}

export function seedSupplyDemand(ctx: Context, options: Options): SupplyDemoSummary {
  // A stream of its own, so that the register's demo data stays as it was.
  const random: Random = randomSource(options.seed + 503);
  // The buyers' prices from a stream of their own too, so that the rest of the supply demo stays as it was.
  const pricing: Random = randomSource(options.seed + 504);
  const full = SIZES[options.scale];
  const sizes = { partners: Math.round(full.partners * options.share), offers: Math.round(full.offers * options.share), demands: Math.round(full.demands * options.share) };
  const sqlite = ctx.db.$client;
  const now = timestamp(ctx);
  const today = todayIso(ctx);
  const summary: SupplyDemoSummary = { partners: 0, programmes: 0, offers: 0, demands: 0, connections: 0, agreements: 0 };
  if (options.sellers.length === 0) return summary;

  const groups = sqlite.prepare('SELECT code, keywords FROM product_groups').all() as { code: string; keywords: string }[];
  const units = sqlite.prepare('SELECT * FROM units').all() as { code: string; name: string; aliases: string; base_code: string | null; per_base: number; sort_order: number }[];
  const unitRows: UnitRow[] = units.map((unit) => ({ code: unit.code, name: unit.name, aliases: unit.aliases, baseCode: unit.base_code, perBase: unit.per_base, sortOrder: unit.sort_order }));
  const unitByCode = new Map(unitRows.map((unit) => [unit.code, unit]));
  const ended = new Map((sqlite.prepare('SELECT id, ended_on FROM organizations WHERE ended_on IS NOT NULL').all() as { id: number; ended_on: string }[]).map((row) => [row.id, row.ended_on]));
  const provinces = [...new Set(options.sellers.map((seller) => seller.provinceCode))];
  const channels = (sqlite.prepare('SELECT code FROM sales_channels ORDER BY sort_order').pluck().all() as string[]).filter((code) => code !== 'khac');

  const insertPartner = sqlite.prepare(`
    INSERT INTO partners (kind, business_line, name, short_name, tax_code, province_code, address, contact_name, phone, buys,
      quality_requirements, note, name_folded, name_key, search_text, created_at, updated_at)
    VALUES (?, ?, ?, '', ?, ?, '', ?, ?, ?, '', '', ?, ?, ?, ?, ?)`);
  const insertProgramme = sqlite.prepare(
    'INSERT INTO programmes (name, name_folded, decision_no, starts_on, ends_on, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertMember = sqlite.prepare('INSERT INTO programme_members (programme_id, name, role, position, phone) VALUES (?, ?, ?, ?, ?)');
  const insertChannel = sqlite.prepare('INSERT INTO programme_channels (programme_id, channel_code) VALUES (?, ?)');
  const insertOffer = sqlite.prepare(`
    INSERT INTO supply_offers (programme_id, organization_id, product_id, product, product_folded, product_group_code, quantity, unit_code,
      available_from, available_until, price_min, price_max, commune_code, province_code, packaging, contact_name, contact_phone,
      created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', ?, ?)`);
  const insertDemand = sqlite.prepare(`
    INSERT INTO supply_demands (programme_id, partner_id, organization_id, product, product_folded, product_group_code, quantity, unit_code,
      needed_from, needed_until, price_min, price_max, delivery_province_code, delivery_place, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`);
  const insertRequirement = sqlite.prepare('INSERT INTO demand_requirements (demand_id, kind_code, min_stars) VALUES (?, ?, ?)');
  const insertConnection = sqlite.prepare(`
    INSERT INTO supply_connections (offer_id, demand_id, programme_id, quantity, unit_code, offer_quantity, demand_quantity, base_quantity,
      base_unit_code, price, value, channel_code, connected_on, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertAgreement = sqlite.prepare(`
    INSERT INTO agreements (kind, number, title, title_folded, signed_on, valid_from, valid_until, created_at, updated_at)
    VALUES ('sales_contract', ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertParty = sqlite.prepare('INSERT INTO agreement_parties (agreement_id, kind, organization_id, partner_id, role) VALUES (?, ?, ?, ?, ?)');
  const insertCommitment = sqlite.prepare(`
    INSERT INTO agreement_commitments (agreement_id, product, product_folded, quantity, unit, value, starts_on, due_on, supplier_party_id, receiver_party_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertDelivery = sqlite.prepare('INSERT INTO agreement_deliveries (commitment_id, delivered_on, quantity, value, note, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const linkAgreement = sqlite.prepare('UPDATE supply_connections SET agreement_id = ?, commitment_id = ? WHERE id = ?');
  const closeAgreement = sqlite.prepare('UPDATE agreements SET closed_on = ?, closing_reason = ? WHERE id = ?');

  const dayOfYear = (year: number, day: number) => addDays(`${year}-01-01`, day);

  sqlite.transaction(() => {
    // Partners, spread over the provinces where members sell (and Hà Nội, Hồ Chí Minh city).
    const partnerProvinces = [...new Set([...provinces, '01', '79'])];
    const partnerRows: { id: number; provinceCode: string; channel: string }[] = [];
    const weighted = partnerKinds.flatMap((kind) => Array.from({ length: kind.weight }, () => kind));
    for (let index = 0; index < sizes.partners; index++) {
      const kind = random.pick(weighted);
      const provinceCode = random.pick(partnerProvinces);
      const province = ctx.places.province(provinceCode)?.name ?? '';
      const name = `${kind.prefix} ${random.pick(tradeNames)} ${province} ${index + 1}`;
      const taxCode = kind.kind === 'enterprise' ? `${provinceCode}${String(90_000_000 + index).padStart(8, '0')}` : null;
      const id = Number(
        insertPartner.run(
          kind.kind,
          kind.line,
          name,
          taxCode,
          provinceCode,
          'Phòng thu mua',
          `0${random.int(200, 299)}${random.int(1_000_000, 9_999_999)}`,
          'Nông sản, thực phẩm',
          foldText(name),
          partnerNameKey(name),
          partnerSearchText({ name, shortName: '', provinceName: ctx.places.province(provinceCode)?.fullName ?? '', taxCode, contactName: 'Phòng thu mua', buys: 'Nông sản, thực phẩm', address: '' }),
          now,
          now,
        )
          .lastInsertRowid,
      );
      partnerRows.push({ id, provinceCode, channel: kind.channel });
      summary.partners++;
    }

    // A programme a year; Programme 503 in its year.
    const programmeOfYear = new Map<number, number>();
    const programmePeriods = new Map<number, { startsOn: string; endsOn: string }>();
    const addProgramme = (name: string, decisionNo: string, startsOn: string, endsOn: string): number => {
      const id = Number(insertProgramme.run(name, foldText(name), decisionNo, startsOn, endsOn, 'Kết nối cung – cầu, tiêu thụ sản phẩm của HTX, THT.', now, now).lastInsertRowid);
      programmePeriods.set(id, { startsOn, endsOn });
      insertMember.run(id, 'Nguyễn Văn Bình', 'Tổ trưởng', 'Chủ tịch Liên minh HTX', '');
      insertMember.run(id, 'Trần Thị Bích', 'Thành viên', 'Phòng Hỗ trợ phát triển kinh tế tập thể', '');
      for (const channel of channels) if (random.chance(0.7)) insertChannel.run(id, channel);
      summary.programmes++;
      return id;
    };
    for (let year = options.firstYear; year <= options.lastYear + 1; year++) {
      programmeOfYear.set(
        year,
        year === 2021
          ? addProgramme('Chương trình 503 – Kết nối cung – cầu, tiêu thụ hàng hóa do HTX, THT sản xuất', '503/CTr-LMHTXVN', '2021-08-04', '2021-12-31')
          : addProgramme(`Kết nối cung – cầu năm ${year}`, `${random.int(10, 99)}/CTr-LMHTX`, `${year}-01-01`, `${year}-12-31`),
      );
    }

    // Offers, bucketed by product and year for the connections below: a buyer of mangoes is offered mangoes.
    interface Offer {
      id: number;
      seller: DemoSeller;
      unit: UnitFacts & { name: string };
      quantity: number;
      connected: number;
      from: string;
      until: string;
      programmeId: number | null;
    }
    const offers: Offer[] = [];
    const buckets = new Map<string, Offer[]>();
    for (let attempt = 0; offers.length < sizes.offers && attempt < sizes.offers * 3; attempt++) {
      const seller = random.pick(options.sellers);
      const year = random.int(Math.max(options.firstYear, seller.foundedYear), options.lastYear + 1);
      const from = dayOfYear(year, random.int(0, 330));
      const until = addDays(from, random.int(20, 120));
      const endedOn = ended.get(seller.organizationId);
      if (endedOn !== undefined && endedOn <= until) continue;
      const unit = unitOfText(unitRows, seller.unit);
      const group = productGroupOf(seller.product, groups);
      if (!unit || !group) continue;
      const [low, high] = offerSizes[seller.unit] ?? [100, 1_000];
      // Half of what is weighed in kg is offered in tấn, as offices write it.
      const inTonnes = unit.code === 'kg' && random.chance(0.5);
      const offerUnit = inTonnes ? (unitByCode.get('tan') ?? unit) : unit;
      const quantity = inTonnes ? random.int(low / 1000, high / 1000) : random.int(low / 100, high / 100) * 100;
      const price = Math.round((seller.price * (0.85 + random.next() * 0.3)) / 100) * 100 * (inTonnes ? 1000 : 1);
      const programmeId = random.chance(0.7) ? (programmeOfYear.get(year) ?? null) : null;
      const id = Number(
        insertOffer.run(programmeId, seller.organizationId, seller.productId, seller.product, foldText(seller.product), group, quantity, offerUnit.code, from, until, price,
          random.chance(0.4) ? asWritten(price * 1.1) : null, seller.communeCode, seller.provinceCode, random.chance(0.3) ? 'Bao 25 kg' : '', now, now).lastInsertRowid,
      );
      const offer: Offer = { id, seller, unit: offerUnit, quantity, connected: 0, from, until, programmeId };
      offers.push(offer);
      const key = `${foldText(seller.product)}:${year}`;
      const bucket = buckets.get(key) ?? [];
      bucket.push(offer);
      buckets.set(key, bucket);
      summary.offers++;
    }

    // Demands for the products offered, mostly of partners; half of them met by one to three offers.
    for (let index = 0; index < sizes.demands; index++) {
      const template = random.pick(offers);
      const year = Number(template.from.slice(0, 4));
      const group = productGroupOf(template.seller.product, groups) ?? '';
      const byMember = random.chance(0.1);
      const partner = random.pick(partnerRows);
      const buyerMember = byMember ? random.pick(options.sellers) : null;
      const from = addDays(template.from, random.int(-20, 40));
      const until = addDays(from, random.int(15, 90));
      const unit = template.unit.code === 'kg' && random.chance(0.6) ? (unitByCode.get('tan') ?? template.unit) : template.unit;
      const inTemplate = convertQuantity(template.quantity, template.unit, unit) ?? template.quantity;
      const quantity = Math.max(unit.code === 'tan' ? 1 : 100, Math.round(inTemplate * (0.3 + random.next() * 1.2)));
      const programmeId = random.chance(0.7) ? (programmeOfYear.get(year) ?? null) : null;
      // The going price of the product per the demand's unit: what its offers ask, a little more or less.
      const going = Math.round((template.seller.price * (unit.code === 'tan' ? 1000 : 1)) / 100) * 100;
      const buyerPays = buyerPrice(pricing, going);
      const demandId = Number(
        insertDemand.run(programmeId, buyerMember ? null : partner.id, buyerMember ? buyerMember.organizationId : null, template.seller.product,
          foldText(template.seller.product), group, quantity, unit.code, from, until, buyerPays.priceMin, buyerPays.priceMax,
          buyerMember ? buyerMember.provinceCode : partner.provinceCode, now, now).lastInsertRowid,
      );
      // Agreed at the going price, or at the most the buyer pays when that is less.
      const price = Math.min(going, buyerPays.priceMax ?? buyerPays.priceMin ?? going);
      summary.demands++;
      if (random.chance(0.25)) insertRequirement.run(demandId, 'vietgap', null);
      if (random.chance(0.1)) insertRequirement.run(demandId, 'ocop', 3);
      if (!random.chance(0.5)) continue;
      let connected = 0;
      const bucket = buckets.get(`${foldText(template.seller.product)}:${year}`) ?? [];
      for (let tries = 0; tries < 12 && connected < quantity && bucket.length > 0; tries++) {
        const offer = random.pick(bucket);
        if (offer.from > until || offer.until < from) continue;
        const left = convertQuantity(roundQuantity(offer.quantity - offer.connected), offer.unit, unit);
        if (left === null || left <= 0) continue;
        const amount = asTyped(Math.min(left, quantity - connected) * (0.4 + random.next() * 0.6), unit);
        if (amount <= 0) continue;
        const connectedOn = addDays(from > offer.from ? from : offer.from, -random.int(1, 20));
        if (connectedOn > today) continue;
        // Made in the demand's programme only while it runs, as a person's connection must be.
        const period = programmeId === null ? undefined : programmePeriods.get(programmeId);
        const connectionProgrammeId = period && connectedOn >= period.startsOn && connectedOn <= period.endsOn ? programmeId : null;
        const base = unitByCode.get(unit.baseCode ?? unit.code) ?? unit;
        const inOffer = convertQuantity(amount, unit, offer.unit) ?? amount;
        const channel = buyerMember ? random.pick(channels) : partner.channel;
        const connectionId = Number(
          insertConnection.run(offer.id, demandId, connectionProgrammeId, amount, unit.code, inOffer, amount, convertQuantity(amount, unit, base) ?? amount, base.code,
            price, Math.round(amount * price), channel, connectedOn, now, now).lastInsertRowid,
        );
        offer.connected = roundQuantity(offer.connected + inOffer);
        connected = roundQuantity(connected + amount);
        summary.connections++;
        // About a third become an agreement, delivered as far as the calendar has come.
        if (!random.chance(0.35)) continue;
        const dueOn = until;
        const title = `Hợp đồng tiêu thụ ${template.seller.product} năm ${year}`;
        const agreementId = Number(insertAgreement.run(`${summary.agreements + 1}/${year}/HĐ-LK`, title, foldText(title), connectedOn, connectedOn, dueOn, now, now).lastInsertRowid);
        const sellerParty = insertParty.run(agreementId, 'organization', offer.seller.organizationId, null, 'seller').lastInsertRowid;
        const buyerParty = (
          buyerMember ? insertParty.run(agreementId, 'organization', buyerMember.organizationId, null, 'buyer') : insertParty.run(agreementId, 'partner', null, partner.id, 'buyer')
        ).lastInsertRowid;
        // The seller supplies what the buyer receives, as a person fills the commitment in.
        const commitmentId = Number(
          insertCommitment.run(agreementId, template.seller.product, foldText(template.seller.product), amount, unit.name, Math.round(amount * price), from, dueOn, sellerParty, buyerParty)
            .lastInsertRowid,
        );
        linkAgreement.run(agreementId, commitmentId, connectionId);
        summary.agreements++;
        const deliveries = random.int(1, 3);
        const share = random.chance(0.6) ? 1 : 0.5 + random.next() * 0.4;
        let delivered = 0;
        for (let delivery = 0; delivery < deliveries; delivery++) {
          const on = addDays(from, Math.round(((delivery + 1) / deliveries) * Math.max(1, daysBetween(from, dueOn))));
          if (on > today || on < connectedOn) continue;
          const part = asTyped((amount * share) / deliveries, unit);
          if (part > 0) insertDelivery.run(commitmentId, on, part, Math.round(part * price), '', now);
          delivered += part;
        }
        // As with the trade-promotion agreements, most that ran out unfinished long ago were let go
        // by the office; chosen by the agreement's number, not the random source, so the rest of
        // the demo stays the same.
        const closedOn = addDays(dueOn, 15 + (agreementId % 46));
        if (delivered < amount && addDays(dueOn, 90) < today && closedOn <= today && agreementId % 20 < 17) {
          closeAgreement.run(closedOn, closingReasons[agreementId % closingReasons.length], agreementId);
        }
      }
    }
  })();
  return summary;
}
