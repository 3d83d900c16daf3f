/**
 * The rules of supply–demand connection (kết nối cung – cầu), as pure functions: how quantities
 * convert between units (exactly, and only within one base), where an offer or a demand stands on
 * a day, which product group a freely written product belongs to, and how close two product names
 * are. The services, the suggestions, the reports and the screens all read offers and demands
 * through these; the service's SQL (`supplyStatusSql`) states the status rule again for filtering
 * and paging in the database, and tests hold the two to the same answers.
 */
import { QUANTITY_ENTRY_DECIMALS, roundQuantity } from './agreements';
import type { SupplyStatus } from './domain';
import { formatQuantity } from './format';
import { foldText } from './text';

/** A unit as the rules read it: its base, and how many of it make one base unit. */
export interface UnitFacts {
  code: string;
  baseCode: string | null;
  perBase: number;
}

/** The unit totals are kept in: the unit itself, or the base it converts to. */
export function baseOf(unit: UnitFacts): string {
  return unit.baseCode ?? unit.code;
}

/** Whether a quantity in one unit can be stated exactly in the other: the same unit, or one base. */
export function convertible(from: UnitFacts, to: UnitFacts): boolean {
  return from.code === to.code || baseOf(from) === baseOf(to);
}

/**
 * `quantity` of `from` stated in `to` (30 tấn → 30.000 kg), rounded as every quantity sum is;
 * null when the two units do not convert (quả and tấn).
 */
export function convertQuantity(quantity: number, from: UnitFacts, to: UnitFacts): number | null {
  if (from.code === to.code) return quantity;
  if (!convertible(from, to)) return null;
  return roundQuantity((quantity * to.perBase) / from.perBase);
}

/**
 * A price per one `from` stated per one `to` (48.000 đ/kg → 48.000.000 đ/tấn): the inverse of a
 * quantity's conversion, rounded the same way so that floating point never decides a comparison;
 * null when the two units do not convert.
 */
export function convertPrice(price: number, from: UnitFacts, to: UnitFacts): number | null {
  if (from.code === to.code) return price;
  if (!convertible(from, to)) return null;
  return roundQuantity((price * from.perBase) / to.perBase);
}

/** An offer or a demand as the status rule reads it; `connected` is in its own unit. */
export interface SupplyFacts {
  quantity: number;
  connected: number;
  /** The last day of its window (available until, needed until); null: open-ended. */
  until: string | null;
  withdrawnOn: string | null;
  /** The day its member organization — an offer's seller, a demand's buyer when it is one — ended (dissolved, merged…); null: none. */
  partyEndedOn: string | null;
}

/**
 * Where an offer or a demand stands on `today`, checked in this order: withdrawn (from its
 * withdrawal day on); fully connected (nothing remains, `remainingQuantity`); expired (its window
 * is over); withdrawn by its member organization's end (dissolved, merged…, from that day on); partly
 * connected; open. The end closes only what was still open on its day, as if withdrawn then
 * (`supplyOpenOn` in core/db/predicates.ts): one whose window ran out before keeps «Hết hạn», one
 * connected in full keeps «Đã kết nối đủ».
 */
export function supplyStatus(facts: SupplyFacts, today: string): SupplyStatus {
  const partyEndedBy = (day: string) => facts.partyEndedOn !== null && facts.partyEndedOn <= day;
  if (facts.withdrawnOn !== null && facts.withdrawnOn <= today) return 'withdrawn';
  if (remainingQuantity(facts) === 0) return 'fully_connected';
  if (facts.until !== null && facts.until < today && !partyEndedBy(facts.until)) return 'expired';
  if (partyEndedBy(today)) return 'withdrawn';
  if (facts.connected > 0) return 'partly_connected';
  return 'open';
}

/**
 * Where saving an offer or a demand is refused for its member organization's end (`partyEndedOn`,
 * null for none, or for a partner: no lifecycle): one on offer, or needed, from a day its
 * organization had ended by is refused — at the party when the party is new (created, or another
 * chosen), at the first day when that was moved. One stored so already (the end recorded after it,
 * by an earlier-dated decision) and saved with its party and first day kept is not: closed by the
 * end whatever else changes (`supplyStatus`), its note, quantity or price may still be corrected.
 */
export function endedPartyRefusal(
  partyEndedOn: string | null,
  firstDay: string,
  stored: { sameParty: boolean; firstDay: string } | null,
): 'party' | 'firstDay' | null {
  if (partyEndedOn === null || partyEndedOn > firstDay) return null;
  if (stored === null || !stored.sameParty) return 'party';
  return stored.firstDay === firstDay ? null : 'firstDay';
}

/**
 * What is left to connect, in the offer's or demand's own unit, to the decimals a quantity is typed
 * and shown with; never below 0. Connections in another unit leave finer amounts (49.999,9 kg of a
 * demand for 50 tấn leave 0,0001 tấn): less than the least the record's unit is written with is
 * nothing left, and the record is fully connected, rather than shown as "còn thiếu 0 tấn".
 */
export function remainingQuantity(facts: Pick<SupplyFacts, 'quantity' | 'connected'>): number {
  const scale = 10 ** QUANTITY_ENTRY_DECIMALS;
  return Math.max(0, Math.round(roundQuantity(facts.quantity - facts.connected) * scale) / scale);
}

/**
 * What a connection of `quantity` (in the side's own unit) taking more than `remaining` of an offer
 * or a demand is told: by the backend that refuses it and by the dialog before sending it.
 */
export function moreThanRemains(side: 'offer' | 'demand', quantity: number, remaining: number, unitName: string): string {
  const [what, lower] = side === 'offer' ? ['Nguồn cung', 'nguồn cung'] : ['Nhu cầu', 'nhu cầu'];
  return `${what} còn ${formatQuantity(remaining, unitName)} chưa kết nối; không kết nối ${formatQuantity(quantity, unitName)} được. Hãy giảm số lượng, hoặc sửa số lượng của ${lower}.`;
}

/** Whether one can still connect to it today: not withdrawn, not expired, something left. */
export function isConnectable(status: SupplyStatus): boolean {
  return status === 'open' || status === 'partly_connected';
}

/** The keywords of a product group, folded, as the office writes them: "gạo, lúa, nếp". */
export function keywordsOf(keywords: string): string[] {
  return [...new Set(keywords.split(/[,;\n]/).map((keyword) => foldText(keyword)).filter(Boolean))];
}

/** Every way a unit is written, folded: its name and its aliases. */
export function spellingsOf(unit: { name: string; aliases: string }): string[] {
  return [foldText(unit.name), ...keywordsOf(unit.aliases)];
}

/** The unit written as `written` ("Tấn", "tan", "kg"), or undefined when no unit is written so. */
export function unitOfText<U extends UnitFacts & { name: string; aliases: string }>(all: Iterable<U>, written: string): U | undefined {
  const folded = foldText(written).replace(/\.$/, '');
  if (!folded) return undefined;
  for (const unit of all) if (spellingsOf(unit).includes(folded)) return unit;
  return undefined;
}

/** A product name as compared: folded, punctuation as spaces. */
function productWords(product: string): string[] {
  return foldText(product)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter(Boolean);
}

/**
 * The product group a freely written product belongs to, by the groups' keywords: the keyword
 * found earliest in the name wins ("Xoài cát" is fruit, "Bánh tráng gạo" a processed speciality),
 * the longer of two found at the same place ("dưa leo" before "dưa"). Null when none is found:
 * then the person chooses, nothing is guessed.
 */
export function productGroupOf(product: string, groups: readonly { code: string; keywords: string }[]): string | null {
  const words = productWords(product);
  let best: { code: string; position: number; length: number } | null = null;
  for (const group of groups) {
    for (const keyword of keywordsOf(group.keywords)) {
      const parts = keyword.split(' ');
      for (let position = 0; position + parts.length <= words.length; position += 1) {
        if (!parts.every((part, index) => words[position + index] === part)) continue;
        if (!best || position < best.position || (position === best.position && parts.length > best.length)) {
          best = { code: group.code, position, length: parts.length };
        }
        break;
      }
    }
  }
  return best?.code ?? null;
}

/**
 * The products among an organization's `own` that an offer's product names: those whose name is
 * the same written otherwise («che shan tuyet», «CHÈ SHAN TUYẾT»). Never a near name: «Gạo thơm
 * ST 25» is not «Gạo ST25».
 */
export function productsNamed<T extends { name: string }>(own: readonly T[], written: string): T[] {
  const folded = foldText(written);
  return own.filter((product) => foldText(product.name) === folded);
}

/**
 * The product an offer of `written` is of, and takes its certificates from: the one of `own` it
 * names; none when none or several do, since which of several is meant cannot be told.
 */
export function productNamed<T extends { name: string }>(own: readonly T[], written: string): T | undefined {
  const named = productsNamed(own, written);
  return named.length === 1 ? named[0] : undefined;
}

/** Letter trigrams of a name with its spaces taken out: "ST 25" and "ST25" read alike. */
function trigrams(product: string): Set<string> {
  const compact = productWords(product).join('');
  const grams = new Set<string>();
  for (let index = 0; index + 3 <= compact.length; index += 1) grams.add(compact.slice(index, index + 3));
  if (grams.size === 0 && compact) grams.add(compact);
  return grams;
}

/**
 * How close two product names are, 0..1: the share of the shorter name's letter trigrams found in
 * the longer one, so that a name written in more detail still reads as the same product ("gạo
 * ST25" and "Gạo thơm ST 25" 0.6; "gạo ST25" and "xoài cát" 0).
 */
export function productSimilarity(a: string, b: string): number {
  const left = trigrams(a);
  const right = trigrams(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared += 1;
  return shared / Math.min(left.size, right.size);
}

/** A window of days, the end open when null. */
export interface Window {
  from: string;
  until: string | null;
}

/** The days two windows share, or null when they share none. */
export function overlapOf(a: Window, b: Window): Window | null {
  const from = a.from > b.from ? a.from : b.from;
  const ends = [a.until, b.until].filter((day): day is string => day !== null).sort();
  const until = ends[0] ?? null;
  if (until !== null && until < from) return null;
  return { from, until };
}
