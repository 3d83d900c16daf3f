/**
 * Suggestions: for a demand, the offers that may serve it, ranked; for an offer, the demands it
 * may serve. Each suggestion carries the facts it was judged on, criterion by criterion, so that a
 * person sees why one comes before another:
 * - product (30): the same product group, always; a close name scores more ("gạo ST25" and "Gạo
 *   thơm ST 25");
 * - period (20): how much of the days still ahead in which the goods are needed the offer covers;
 * - quality (25): each certificate the demand requires held, valid on the first of those days;
 * - quantity (15): what remains of the offer covers what remains of the demand;
 * - place (10): the goods are in the province where they are to be delivered.
 * Only what can be connected is suggested: not withdrawn, not in the trash, something left, a unit
 * that converts exactly, a seller still in business, windows that share a day from today on.
 */
import { sql } from 'drizzle-orm';
import type { DemandSummary, OfferSummary, Suggestion, SuggestionReason } from '../../shared/contracts/supply';
import { baseOf, convertQuantity, overlapOf, productSimilarity, remainingQuantity, type Window } from '../../shared/supply';
import { daysBetween } from '../../shared/dates';
import { todayIso, type Context } from '../context';
import { demandSummaries, offerSummaries, requireDemand, requireOffer } from './supply';
import { unitsByCode, type UnitRow } from './supplyLookups';

/** The later of two days: what is needed before today can no longer be delivered. */
function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

/** How many suggestions a page shows. */
const SUGGESTIONS = 20;

interface Requirement {
  kindCode: string;
  kindName: string;
  minStars: number | null;
}

interface HeldCertificate {
  organizationId: number;
  productId: number | null;
  kindCode: string;
  kindName: string;
  stars: number | null;
  expiresOn: string | null;
}

/** Days in a window, both ends counted. */
function daysIn(window: { from: string; until: string }): number {
  return daysBetween(window.from, window.until) + 1;
}

/**
 * How much of the days the goods are needed (from `needed`) the offer's window covers, 0..1. With
 * no end to the need, an offer available from its first day covers it, one starting later half.
 */
function coverageOf(needed: Window, overlap: Window): number {
  if (needed.until === null) return overlap.from <= needed.from ? 1 : 0.5;
  if (overlap.until === null) return 1;
  return Math.min(1, daysIn({ from: overlap.from, until: overlap.until }) / daysIn({ from: needed.from, until: needed.until }));
}

function qualityReason(requirements: Requirement[], held: HeldCertificate[]): { reason: SuggestionReason; score: number } {
  if (requirements.length === 0) {
    return { reason: { kind: 'quality', met: 'yes', none: true, held: [], missing: [] }, score: 25 };
  }
  const found: HeldCertificate[] = [];
  const missing: { kindName: string; minStars: number | null }[] = [];
  for (const requirement of requirements) {
    const certificate = held.find(
      (candidate) => candidate.kindCode === requirement.kindCode && (requirement.minStars === null || (candidate.stars ?? 0) >= requirement.minStars),
    );
    if (certificate) found.push(certificate);
    else missing.push({ kindName: requirement.kindName, minStars: requirement.minStars });
  }
  const share = found.length / requirements.length;
  return {
    reason: {
      kind: 'quality',
      met: share === 1 ? 'yes' : share > 0 ? 'partly' : 'no',
      none: false,
      held: found.map(({ kindName, stars, expiresOn }) => ({ kindName, stars, expiresOn })),
      missing,
    },
    score: 25 * share,
  };
}

interface Judged {
  product: string;
  otherProduct: string;
  groupName: string;
  needed: Window;
  overlap: Window;
  requirements: Requirement[];
  held: HeldCertificate[];
  available: number;
  wanted: number;
  unitName: string;
  sameProvince: boolean;
  provinceName: string;
}

/** The score and the reasons of one pair, judged the same way from either side. */
function judge(facts: Judged): { score: number; reasons: SuggestionReason[] } {
  const similarity = productSimilarity(facts.product, facts.otherProduct);
  const coverage = coverageOf(facts.needed, facts.overlap);
  const quality = qualityReason(facts.requirements, facts.held);
  const covers = facts.wanted > 0 ? Math.min(1, facts.available / facts.wanted) : 1;
  const score = 15 + 15 * similarity + 20 * coverage + quality.score + 15 * covers + (facts.sameProvince ? 10 : 0);
  return {
    score: Math.round(score * 10) / 10,
    reasons: [
      { kind: 'product', met: similarity >= 0.5 ? 'yes' : 'partly', groupName: facts.groupName, similarity, otherProduct: facts.otherProduct },
      { kind: 'period', met: coverage >= 1 ? 'yes' : 'partly', from: facts.overlap.from, until: facts.overlap.until, coverage },
      quality.reason,
      { kind: 'quantity', met: covers >= 1 ? 'yes' : 'partly', available: facts.available, needed: facts.wanted, unitName: facts.unitName },
      { kind: 'place', met: facts.sameProvince ? 'yes' : 'no', sameProvince: facts.sameProvince, provinceName: facts.provinceName },
    ],
  };
}

/** The units a quantity in `unit` converts to exactly: those of its base. */
function convertibleCodes(all: Map<string, UnitRow>, unit: UnitRow): string[] {
  return [...all.values()].filter((other) => baseOf(other) === baseOf(unit)).map((other) => other.code);
}

function codesSql(codes: string[]) {
  return sql.join(
    codes.map((code) => sql`${code}`),
    sql`, `,
  );
}

function best<T>(ranked: { id: number; score: number; available: number; reasons: SuggestionReason[] }[], summaries: (ids: number[]) => T[]): Suggestion<T>[] {
  ranked.sort((a, b) => b.score - a.score || b.available - a.available || a.id - b.id);
  const top = ranked.slice(0, SUGGESTIONS);
  const items = summaries(top.map((entry) => entry.id));
  return top.flatMap((entry, index) => {
    const item = items[index];
    return item === undefined ? [] : [{ item, score: entry.score, reasons: entry.reasons }];
  });
}

// ---------------------------------------------------------------------------------------------
// For a demand, the offers

interface OfferCandidate {
  id: number;
  organizationId: number;
  productId: number | null;
  product: string;
  quantity: number;
  unitCode: string;
  availableFrom: string;
  availableUntil: string | null;
  provinceCode: string;
  connected: number;
}

export function suggestOffers(ctx: Context, demandId: number): Suggestion<OfferSummary>[] {
  const demand = requireDemand(ctx, demandId);
  const today = todayIso(ctx);
  const all = unitsByCode(ctx);
  const demandUnit = all.get(demand.unitCode);
  if (!demandUnit) return [];
  const [summary] = demandSummaries(ctx, [demandId], today);
  if (!summary || summary.remaining <= 0) return [];
  const needed: Window = { from: laterOf(demand.neededFrom, today), until: demand.neededUntil };
  if (needed.until !== null && needed.until < needed.from) return [];
  const start = needed.from;
  // Offers of the group, in a unit that converts, whose window shares a day with the need.
  const candidateWhere = sql`o.deleted_at IS NULL AND o.product_group_code = ${demand.productGroupCode}
    AND o.unit_code IN (${codesSql(convertibleCodes(all, demandUnit))})
    AND o.available_from <= ${needed.until ?? '9999-12-31'} AND (o.available_until IS NULL OR o.available_until >= ${start})
    AND (o.withdrawn_on IS NULL OR o.withdrawn_on > ${today})
    AND org.deleted_at IS NULL AND (org.ended_on IS NULL OR org.ended_on > ${today})`;
  const candidates = ctx.db.all<OfferCandidate>(sql`
    SELECT o.id, o.organization_id AS organizationId, o.product_id AS productId, o.product, o.quantity, o.unit_code AS unitCode,
      o.available_from AS availableFrom, o.available_until AS availableUntil, o.province_code AS provinceCode,
      (SELECT coalesce(sum(c.offer_quantity), 0) FROM supply_connections c WHERE c.offer_id = o.id AND c.deleted_at IS NULL) AS connected
    FROM supply_offers o JOIN organizations org ON org.id = o.organization_id
    WHERE ${candidateWhere}`);
  const requirements = ctx.db.all<Requirement>(sql`
    SELECT r.kind_code AS kindCode, k.name AS kindName, r.min_stars AS minStars
    FROM demand_requirements r JOIN certification_kinds k ON k.code = r.kind_code WHERE r.demand_id = ${demandId} ORDER BY k.sort_order`);
  // The certificates that matter, of the candidates' organizations, valid on the first day needed.
  const held = requirements.length
    ? ctx.db.all<HeldCertificate>(sql`
        SELECT c.organization_id AS organizationId, c.product_id AS productId, c.kind_code AS kindCode, k.name AS kindName, c.stars, c.expires_on AS expiresOn
        FROM certifications c JOIN certification_kinds k ON k.code = c.kind_code
        WHERE c.kind_code IN (${codesSql(requirements.map((requirement) => requirement.kindCode))})
          AND (c.issued_on IS NULL OR c.issued_on <= ${start}) AND (c.expires_on IS NULL OR c.expires_on >= ${start})
          AND c.organization_id IN (SELECT o.organization_id FROM supply_offers o JOIN organizations org ON org.id = o.organization_id WHERE ${candidateWhere})`)
    : [];
  const heldBy = Map.groupBy(held, (certificate) => certificate.organizationId);
  const groupName = summary.productGroupName;
  const provinceName = ctx.places.province(demand.deliveryProvinceCode)?.fullName ?? '';
  const ranked = candidates.flatMap((offer) => {
    const offerUnit = all.get(offer.unitCode);
    const remaining = remainingQuantity(offer);
    const available = offerUnit ? convertQuantity(remaining, offerUnit, demandUnit) : null;
    const overlap = overlapOf({ from: offer.availableFrom, until: offer.availableUntil }, needed);
    if (available === null || available <= 0 || overlap === null) return [];
    const own = (heldBy.get(offer.organizationId) ?? []).filter((certificate) => certificate.productId === null || certificate.productId === offer.productId);
    const judged = judge({
      product: demand.product,
      otherProduct: offer.product,
      groupName,
      needed,
      overlap,
      requirements,
      held: own,
      available,
      wanted: summary.remaining,
      unitName: demandUnit.name,
      sameProvince: offer.provinceCode === demand.deliveryProvinceCode,
      provinceName: offer.provinceCode === demand.deliveryProvinceCode ? provinceName : (ctx.places.province(offer.provinceCode)?.fullName ?? ''),
    });
    return [{ id: offer.id, available, ...judged }];
  });
  return best(ranked, (ids) => offerSummaries(ctx, ids, today));
}

// ---------------------------------------------------------------------------------------------
// For an offer, the demands

interface DemandCandidate {
  id: number;
  product: string;
  quantity: number;
  unitCode: string;
  neededFrom: string;
  neededUntil: string | null;
  deliveryProvinceCode: string;
  connected: number;
}

export function suggestDemands(ctx: Context, offerId: number): Suggestion<DemandSummary>[] {
  const offer = requireOffer(ctx, offerId);
  const today = todayIso(ctx);
  const all = unitsByCode(ctx);
  const offerUnit = all.get(offer.unitCode);
  if (!offerUnit) return [];
  const [summary] = offerSummaries(ctx, [offerId], today);
  if (!summary || summary.remaining <= 0) return [];
  const offered: Window = { from: laterOf(offer.availableFrom, today), until: offer.availableUntil };
  if (offered.until !== null && offered.until < offered.from) return [];
  const candidateWhere = sql`d.deleted_at IS NULL AND d.product_group_code = ${offer.productGroupCode}
    AND d.unit_code IN (${codesSql(convertibleCodes(all, offerUnit))})
    AND d.needed_from <= ${offered.until ?? '9999-12-31'} AND (d.needed_until IS NULL OR d.needed_until >= ${offered.from})
    AND (d.withdrawn_on IS NULL OR d.withdrawn_on > ${today})
    AND NOT EXISTS (SELECT 1 FROM partners p WHERE p.id = d.partner_id AND p.deleted_at IS NOT NULL)
    AND NOT EXISTS (SELECT 1 FROM organizations b WHERE b.id = d.organization_id AND b.deleted_at IS NOT NULL)`;
  const candidates = ctx.db.all<DemandCandidate>(sql`
    SELECT d.id, d.product, d.quantity, d.unit_code AS unitCode, d.needed_from AS neededFrom, d.needed_until AS neededUntil,
      d.delivery_province_code AS deliveryProvinceCode,
      (SELECT coalesce(sum(c.demand_quantity), 0) FROM supply_connections c WHERE c.demand_id = d.id AND c.deleted_at IS NULL) AS connected
    FROM supply_demands d WHERE ${candidateWhere}`);
  const requirements = ctx.db.all<Requirement & { demandId: number }>(sql`
    SELECT r.demand_id AS demandId, r.kind_code AS kindCode, k.name AS kindName, r.min_stars AS minStars
    FROM demand_requirements r JOIN certification_kinds k ON k.code = r.kind_code
    WHERE r.demand_id IN (SELECT d.id FROM supply_demands d WHERE ${candidateWhere}) ORDER BY k.sort_order`);
  const requiredBy = Map.groupBy(requirements, (requirement) => requirement.demandId);
  // The seller's certificates, of the offer's product or of the organization, valid from each demand's first day.
  const held = ctx.db.all<HeldCertificate & { issuedOn: string | null }>(sql`
    SELECT c.organization_id AS organizationId, c.product_id AS productId, c.kind_code AS kindCode, k.name AS kindName, c.stars,
      c.issued_on AS issuedOn, c.expires_on AS expiresOn
    FROM certifications c JOIN certification_kinds k ON k.code = c.kind_code
    WHERE c.organization_id = ${offer.organizationId} AND (c.product_id IS NULL OR c.product_id = ${offer.productId ?? -1})`);
  const provinceName = ctx.places.province(offer.provinceCode)?.fullName ?? '';
  const ranked = candidates.flatMap((demand) => {
    const demandUnit = all.get(demand.unitCode);
    if (!demandUnit) return [];
    const wanted = remainingQuantity(demand);
    const available = convertQuantity(summary.remaining, offerUnit, demandUnit);
    const needed: Window = { from: laterOf(demand.neededFrom, today), until: demand.neededUntil };
    const overlap = overlapOf(offered, needed);
    if (available === null || wanted <= 0 || overlap === null) return [];
    const valid = held.filter(
      (certificate) => (certificate.issuedOn === null || certificate.issuedOn <= needed.from) && (certificate.expiresOn === null || certificate.expiresOn >= needed.from),
    );
    const sameProvince = demand.deliveryProvinceCode === offer.provinceCode;
    const judged = judge({
      product: offer.product,
      otherProduct: demand.product,
      groupName: summary.productGroupName,
      needed,
      overlap,
      requirements: requiredBy.get(demand.id) ?? [],
      held: valid,
      available,
      wanted,
      unitName: demandUnit.name,
      sameProvince,
      provinceName: sameProvince ? provinceName : (ctx.places.province(demand.deliveryProvinceCode)?.fullName ?? ''),
    });
    return [{ id: demand.id, available, ...judged }];
  });
  return best(ranked, (ids) => demandSummaries(ctx, ids, today));
}
