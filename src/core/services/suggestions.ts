/**
 * Suggestions: for a demand, the offers that may serve it, ranked; for an offer, the demands it
 * may serve. Each suggestion carries the facts it was judged on, criterion by criterion, so that a
 * person sees why one comes before another:
 * - product (30): the same product group, always; a close name scores more ("gạo ST25" and "Gạo
 *   thơm ST 25");
 * - period (20): how much of the days still ahead in which the goods are needed the offer covers;
 * - quality (25): each certificate the demand requires held, valid on the first of those days;
 * - quantity (15): what remains of the offer covers what remains of the demand;
 * - place (10): the goods are in the province where they are to be delivered;
 * - price (up to 12 less): when both sides give a price, the offer's lowest asking price against the
 *   most the buyer pays, per the demand's unit (`priceReason`). Within it takes nothing off, above
 *   it takes off 12 points from 20% above on, less as it comes closer; a price not given on either
 *   side takes nothing off and says so.
 * Only what can be connected is suggested: not withdrawn, not in the trash, something left, a unit
 * that converts exactly, a seller still in business, windows that share a day from today on, and
 * another party — a member that both sells and buys is never suggested its own offer or demand
 * (`checkConnection` refuses connecting one with itself).
 */
import { and, eq, gte, inArray, isNull, lte, ne, or, type SQL } from 'drizzle-orm';
import type { DemandSummary, OfferSummary, Suggestion, SuggestionReason } from '../../shared/contracts/supply';
import { baseOf, convertPrice, convertQuantity, isConnectable, overlapOf, productSimilarity, remainingQuantity, type Window } from '../../shared/supply';
import { daysBetween } from '../../shared/dates';
import { todayIso, type Context } from '../context';
import { buyerNotInTrash, notInTrash, supplyOpenOn } from '../db/predicates';
import { certificationKinds, certifications, demandRequirements, organizations, supplyDemands, supplyOffers } from '../db/schema';
import { connectedQuantity, demandSummaries, offerSummaries, partyInTrash, requireDemand, requireOffer } from './supply';
import { unitsByCode, type UnitRow } from './supplyLookups';

/** The later of two days: what is needed before today can no longer be delivered. */
function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

/** How many suggestions a page shows. */
const SUGGESTIONS = 20;

/** The certificates required by the demands `which` selects, each with its kind's name, in the kinds' order. */
function readRequirements(ctx: Context, which: SQL) {
  return ctx.db
    .select({
      demandId: demandRequirements.demandId,
      kindCode: demandRequirements.kindCode,
      kindName: certificationKinds.name,
      minStars: demandRequirements.minStars,
    })
    .from(demandRequirements)
    .innerJoin(certificationKinds, eq(certificationKinds.code, demandRequirements.kindCode))
    .where(which)
    .orderBy(certificationKinds.sortOrder)
    .all();
}

type Requirement = ReturnType<typeof readRequirements>[number];

/** The certificates `which` selects, each with its kind's name. */
function readCertificates(ctx: Context, which: SQL | undefined) {
  return ctx.db
    .select({
      organizationId: certifications.organizationId,
      productId: certifications.productId,
      kindCode: certifications.kindCode,
      kindName: certificationKinds.name,
      stars: certifications.stars,
      issuedOn: certifications.issuedOn,
      expiresOn: certifications.expiresOn,
    })
    .from(certifications)
    .innerJoin(certificationKinds, eq(certificationKinds.code, certifications.kindCode))
    .where(which)
    .all();
}

type HeldCertificate = ReturnType<typeof readCertificates>[number];

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

/** A certificate valid on `day`: issued by then, not expired before it (`validOn` in the database). */
function validOnDay(certificate: HeldCertificate, day: string): boolean {
  return (certificate.issuedOn === null || certificate.issuedOn <= day) && (certificate.expiresOn === null || certificate.expiresOn >= day);
}

/**
 * Each required certificate held valid on `on`, the first day the goods are needed; of one missing,
 * the last day a certificate that would have met it is valid when it runs out before `on` — a
 * seller holding OCOP until January is told that, not only that it lacks OCOP for March.
 */
function qualityReason(requirements: Requirement[], certificates: HeldCertificate[], on: string): { reason: SuggestionReason; score: number } {
  if (requirements.length === 0) {
    return { reason: { kind: 'quality', met: 'yes', none: true, on, held: [], missing: [] }, score: 25 };
  }
  const found: HeldCertificate[] = [];
  const missing: { kindName: string; minStars: number | null; validUntil: string | null }[] = [];
  for (const requirement of requirements) {
    const meets = certificates.filter(
      (candidate) => candidate.kindCode === requirement.kindCode && (requirement.minStars === null || (candidate.stars ?? 0) >= requirement.minStars),
    );
    const certificate = meets.find((candidate) => validOnDay(candidate, on));
    if (certificate) {
      found.push(certificate);
      continue;
    }
    const ranOut = meets.flatMap((candidate) => (candidate.expiresOn !== null && candidate.expiresOn < on ? [candidate.expiresOn] : [])).sort();
    missing.push({ kindName: requirement.kindName, minStars: requirement.minStars, validUntil: ranOut.at(-1) ?? null });
  }
  const share = found.length / requirements.length;
  return {
    reason: {
      kind: 'quality',
      met: share === 1 ? 'yes' : share > 0 ? 'partly' : 'no',
      none: false,
      on,
      held: found.map(({ kindName, stars, expiresOn }) => ({ kindName, stars, expiresOn })),
      missing,
    },
    score: 25 * share,
  };
}

/** Prices per unit, in đồng, as an offer or a demand gives them (`priceRules`). */
interface Prices {
  priceMin: number | null;
  priceMax: number | null;
}

/** Points a price above the most the buyer pays takes off, all of them from this share above on. */
const PRICE_DEDUCTION = 12;
const CLEARLY_ABOVE = 0.2;

/**
 * The offer's lowest asking price (its one price, the low end of its range) against the most the
 * buyer pays (its ceiling, or its one price), both per the demand's unit. An offer giving only its
 * dearest grade («đến …») has no lowest price: within the buyer's, it fits; above, only some of its
 * grades may, and nothing is taken off for what is not known.
 */
function priceReason(offer: Prices, offerUnit: UnitRow, demand: Prices, demandUnit: UnitRow): { reason: SuggestionReason; deduction: number } {
  const inDemandUnit = (price: number | null) => (price === null ? null : convertPrice(price, offerUnit, demandUnit));
  const offerMin = inDemandUnit(offer.priceMin);
  const offerMax = inDemandUnit(offer.priceMax);
  const facts = { kind: 'price', offerMin, offerMax, buyerMin: demand.priceMin, buyerMax: demand.priceMax, unitName: demandUnit.name } as const;
  const mostPaid = demand.priceMax ?? demand.priceMin;
  const dearest = offerMax ?? offerMin;
  if (mostPaid === null || dearest === null) return { reason: { ...facts, met: 'unknown' }, deduction: 0 };
  if (offerMin === null) return { reason: { ...facts, met: dearest <= mostPaid ? 'yes' : 'partly' }, deduction: 0 };
  if (offerMin <= mostPaid) return { reason: { ...facts, met: 'yes' }, deduction: 0 };
  const above = mostPaid > 0 ? (offerMin - mostPaid) / mostPaid : 1;
  return { reason: { ...facts, met: 'no' }, deduction: PRICE_DEDUCTION * Math.min(1, above / CLEARLY_ABOVE) };
}

interface Judged {
  product: string;
  otherProduct: string;
  groupName: string;
  needed: Window;
  overlap: Window;
  requirements: Requirement[];
  /** The seller's certificates of the kinds that matter, valid or not: judged on the first day needed. */
  held: HeldCertificate[];
  /** Both in the demand's unit. */
  available: number;
  wanted: number;
  offerPrices: Prices;
  offerUnit: UnitRow;
  demandPrices: Prices;
  demandUnit: UnitRow;
  sameProvince: boolean;
  /** Where the goods are and where they are to be delivered: one province when `sameProvince`. */
  offerProvinceName: string;
  deliveryProvinceName: string;
}

/** The score and the reasons of one pair, judged the same way from either side. */
function judge(facts: Judged): { score: number; reasons: SuggestionReason[] } {
  const similarity = productSimilarity(facts.product, facts.otherProduct);
  const coverage = coverageOf(facts.needed, facts.overlap);
  const quality = qualityReason(facts.requirements, facts.held, facts.needed.from);
  const covers = facts.wanted > 0 ? Math.min(1, facts.available / facts.wanted) : 1;
  const price = priceReason(facts.offerPrices, facts.offerUnit, facts.demandPrices, facts.demandUnit);
  const score = 15 + 15 * similarity + 20 * coverage + quality.score + 15 * covers + (facts.sameProvince ? 10 : 0) - price.deduction;
  return {
    score: Math.round(score * 10) / 10,
    reasons: [
      { kind: 'product', met: similarity >= 0.5 ? 'yes' : 'partly', groupName: facts.groupName, similarity, otherProduct: facts.otherProduct },
      { kind: 'period', met: coverage >= 1 ? 'yes' : 'partly', from: facts.overlap.from, until: facts.overlap.until, coverage },
      quality.reason,
      { kind: 'quantity', met: covers >= 1 ? 'yes' : 'partly', available: facts.available, needed: facts.wanted, unitName: facts.demandUnit.name },
      {
        kind: 'place',
        met: facts.sameProvince ? 'yes' : 'no',
        sameProvince: facts.sameProvince,
        offerProvinceName: facts.offerProvinceName,
        deliveryProvinceName: facts.deliveryProvinceName,
      },
      price.reason,
    ],
  };
}

/** The units a quantity in `unit` converts to exactly: those of its base. */
function convertibleCodes(all: Map<string, UnitRow>, unit: UnitRow): string[] {
  return [...all.values()].filter((other) => baseOf(other) === baseOf(unit)).map((other) => other.code);
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

export function suggestOffers(ctx: Context, demandId: number): Suggestion<OfferSummary>[] {
  const demand = requireDemand(ctx, demandId);
  const today = todayIso(ctx);
  const all = unitsByCode(ctx);
  const demandUnit = all.get(demand.unitCode);
  if (!demandUnit) return [];
  const [summary] = demandSummaries(ctx, [demandId], today);
  // A demand of a buyer in the trash is out of Kết nối cung – cầu until the buyer is restored.
  if (!summary || !isConnectable(summary.status) || partyInTrash(ctx, 'demand', demand.id)) return [];
  const needed: Window = { from: laterOf(demand.neededFrom, today), until: demand.neededUntil };
  if (needed.until !== null && needed.until < needed.from) return [];
  const start = needed.from;
  // Offers of the group, in a unit that converts, whose window shares a day with the need, still
  // on offer (not withdrawn, the seller not ended), of a seller not in the trash (joined). The certificates below are read for the
  // sellers of the same offers, so the two queries share it.
  const candidateWhere = and(
    notInTrash(supplyOffers),
    eq(supplyOffers.productGroupCode, demand.productGroupCode),
    inArray(supplyOffers.unitCode, convertibleCodes(all, demandUnit)),
    lte(supplyOffers.availableFrom, needed.until ?? '9999-12-31'),
    or(isNull(supplyOffers.availableUntil), gte(supplyOffers.availableUntil, start)),
    notInTrash(organizations),
    supplyOpenOn(supplyOffers, today),
    // A member buying is not its own seller.
    demand.organizationId === null ? undefined : ne(supplyOffers.organizationId, demand.organizationId),
  );
  const candidates = ctx.db
    .select({
      id: supplyOffers.id,
      organizationId: supplyOffers.organizationId,
      productId: supplyOffers.productId,
      product: supplyOffers.product,
      quantity: supplyOffers.quantity,
      unitCode: supplyOffers.unitCode,
      availableFrom: supplyOffers.availableFrom,
      availableUntil: supplyOffers.availableUntil,
      provinceCode: supplyOffers.provinceCode,
      priceMin: supplyOffers.priceMin,
      priceMax: supplyOffers.priceMax,
      connected: connectedQuantity('offer'),
    })
    .from(supplyOffers)
    .innerJoin(organizations, eq(organizations.id, supplyOffers.organizationId))
    .where(candidateWhere)
    .all();
  const requirements = readRequirements(ctx, eq(demandRequirements.demandId, demandId));
  // The certificates that matter, of the candidates' organizations; which are valid on the first
  // day needed is judged with the quality (`qualityReason`), which also says of one run out before.
  const candidateSellers = ctx.db
    .select({ organizationId: supplyOffers.organizationId })
    .from(supplyOffers)
    .innerJoin(organizations, eq(organizations.id, supplyOffers.organizationId))
    .where(candidateWhere);
  const held = requirements.length
    ? readCertificates(
        ctx,
        and(
          inArray(certifications.kindCode, requirements.map((requirement) => requirement.kindCode)),
          inArray(certifications.organizationId, candidateSellers),
        ),
      )
    : [];
  const heldBy = Map.groupBy(held, (certificate) => certificate.organizationId);
  const groupName = summary.productGroupName;
  const deliveryProvinceName = ctx.places.province(demand.deliveryProvinceCode)?.fullName ?? '';
  const ranked = candidates.flatMap((offer) => {
    const offerUnit = all.get(offer.unitCode);
    if (!offerUnit) return [];
    const available = convertQuantity(remainingQuantity(offer), offerUnit, demandUnit);
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
      offerPrices: offer,
      offerUnit,
      demandPrices: demand,
      demandUnit,
      sameProvince: offer.provinceCode === demand.deliveryProvinceCode,
      offerProvinceName: ctx.places.province(offer.provinceCode)?.fullName ?? '',
      deliveryProvinceName,
    });
    return [{ id: offer.id, available, ...judged }];
  });
  return best(ranked, (ids) => offerSummaries(ctx, ids, today));
}

// ---------------------------------------------------------------------------------------------
// For an offer, the demands

export function suggestDemands(ctx: Context, offerId: number): Suggestion<DemandSummary>[] {
  const offer = requireOffer(ctx, offerId);
  const today = todayIso(ctx);
  const all = unitsByCode(ctx);
  const offerUnit = all.get(offer.unitCode);
  if (!offerUnit) return [];
  const [summary] = offerSummaries(ctx, [offerId], today);
  // Withdrawn, its seller ended (`supplyOpenOn`), or nothing left: nothing to suggest; nor while its
  // seller is in the trash, out of Kết nối cung – cầu until restored.
  if (!summary || !isConnectable(summary.status) || partyInTrash(ctx, 'offer', offer.id)) return [];
  const offered: Window = { from: laterOf(offer.availableFrom, today), until: offer.availableUntil };
  if (offered.until !== null && offered.until < offered.from) return [];
  // Demands of the group, in a unit that converts, whose period shares a day with the offer's
  // window, still open (not withdrawn, a member buyer not ended), of a buyer (partner or
  // organization) not in the trash.
  const candidateWhere = and(
    notInTrash(supplyDemands),
    eq(supplyDemands.productGroupCode, offer.productGroupCode),
    inArray(supplyDemands.unitCode, convertibleCodes(all, offerUnit)),
    lte(supplyDemands.neededFrom, offered.until ?? '9999-12-31'),
    or(isNull(supplyDemands.neededUntil), gte(supplyDemands.neededUntil, offered.from)),
    supplyOpenOn(supplyDemands, today),
    buyerNotInTrash(supplyDemands),
    // A member selling is not its own buyer.
    or(isNull(supplyDemands.organizationId), ne(supplyDemands.organizationId, offer.organizationId)),
  );
  const candidates = ctx.db
    .select({
      id: supplyDemands.id,
      product: supplyDemands.product,
      quantity: supplyDemands.quantity,
      unitCode: supplyDemands.unitCode,
      neededFrom: supplyDemands.neededFrom,
      neededUntil: supplyDemands.neededUntil,
      deliveryProvinceCode: supplyDemands.deliveryProvinceCode,
      priceMin: supplyDemands.priceMin,
      priceMax: supplyDemands.priceMax,
      connected: connectedQuantity('demand'),
    })
    .from(supplyDemands)
    .where(candidateWhere)
    .all();
  const requirements = readRequirements(
    ctx,
    inArray(demandRequirements.demandId, ctx.db.select({ id: supplyDemands.id }).from(supplyDemands).where(candidateWhere)),
  );
  const requiredBy = Map.groupBy(requirements, (requirement) => requirement.demandId);
  // The seller's certificates, of the offer's product or of the organization; which are valid is
  // judged below, from each demand's own first day.
  const held = readCertificates(
    ctx,
    and(eq(certifications.organizationId, offer.organizationId), or(isNull(certifications.productId), eq(certifications.productId, offer.productId ?? -1))),
  );
  const offerProvinceName = ctx.places.province(offer.provinceCode)?.fullName ?? '';
  const ranked = candidates.flatMap((demand) => {
    const demandUnit = all.get(demand.unitCode);
    if (!demandUnit) return [];
    const wanted = remainingQuantity(demand);
    const available = convertQuantity(summary.remaining, offerUnit, demandUnit);
    const needed: Window = { from: laterOf(demand.neededFrom, today), until: demand.neededUntil };
    const overlap = overlapOf(offered, needed);
    if (available === null || wanted <= 0 || overlap === null) return [];
    const sameProvince = demand.deliveryProvinceCode === offer.provinceCode;
    const judged = judge({
      product: offer.product,
      otherProduct: demand.product,
      groupName: summary.productGroupName,
      needed,
      overlap,
      requirements: requiredBy.get(demand.id) ?? [],
      held,
      available,
      wanted,
      offerPrices: offer,
      offerUnit,
      demandPrices: demand,
      demandUnit,
      sameProvince,
      offerProvinceName,
      deliveryProvinceName: ctx.places.province(demand.deliveryProvinceCode)?.fullName ?? '',
    });
    return [{ id: demand.id, available, ...judged }];
  });
  return best(ranked, (ids) => demandSummaries(ctx, ids, today));
}
