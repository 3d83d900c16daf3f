/**
 * Coded columns (kind, sector, size, classification, partner kind and business line): what each value written in
 * the list means. A value that is a lookup's own word (or code) is taken as it is; any other is
 * mapped once per distinct value — to a lookup value or to "để trống" — by the person, by the
 * answer remembered from an earlier import, or by the suggestion the app makes, which the person
 * sees and may change. No row is refused for how it words a coded value.
 */
import { eq } from 'drizzle-orm';
import type { ImportChoiceOption, ImportValueChoice } from '../../../shared/contracts/imports';
import { classifications, organizationKinds, partnerBusinessLines, partnerKinds, type ImportKind } from '../../../shared/domain';
import { expandedNameWords, organizationKindOfName } from '../../../shared/names';
import { foldText } from '../../../shared/text';
import type { Context } from '../../context';
import { importValueMappings, sectors, sizeClasses } from '../../db/schema';

/** The coded fields of each kind of import. */
export const choiceFields: Record<ImportKind, string[]> = {
  organizations: ['kind', 'sectorCode', 'sizeClass', 'classification'],
  figures: ['classification'],
  partners: ['kind', 'businessLine'],
  products: [],
  offers: [],
  demands: ['buyerKind'],
};

const organizationKindLabels: Record<(typeof organizationKinds)[number], string> = {
  htx: 'Hợp tác xã (HTX)',
  lhhtx: 'Liên hiệp hợp tác xã',
  tht: 'Tổ hợp tác (THT)',
  qtdnd: 'Quỹ tín dụng nhân dân (QTDND)',
};
const classificationLabels: Record<(typeof classifications)[number], string> = { good: 'Tốt', fair: 'Khá', average: 'Trung bình', weak: 'Yếu' };
export const partnerKindLabels: Record<(typeof partnerKinds)[number], string> = {
  enterprise: 'Doanh nghiệp',
  wholesale_market: 'Chợ đầu mối',
  retail_outlet: 'Chợ truyền thống, cửa hàng',
  online_channel: 'Sàn thương mại điện tử',
  logistics: 'Đơn vị vận chuyển',
  alliance: 'Liên minh HTX tỉnh bạn',
  state_agency: 'Cơ quan nhà nước',
};
/** As the partners screen names them (`partners.businessLine`). */
export const partnerBusinessLineLabels: Record<(typeof partnerBusinessLines)[number], string> = {
  distribution: 'Phân phối',
  supermarket: 'Chuỗi siêu thị',
  processing: 'Chế biến',
  export: 'Xuất khẩu',
  other: 'Ngành khác',
};

/** Other words that mean a value exactly, folded. */
const exactWords: Record<string, Record<string, string>> = {
  classification: { tb: 'average', 'trung binh': 'average', tot: 'good', kha: 'fair', yeu: 'weak', 'xep loai tot': 'good', 'loai tot': 'good' },
  partnerKind: {
    'cong ty': 'enterprise',
    'ho kinh doanh': 'enterprise',
    hkd: 'enterprise',
    'sieu thi': 'enterprise',
    'nha hang': 'enterprise',
    'khach san': 'enterprise',
    vua: 'enterprise',
    'ngan hang': 'enterprise',
    'cho truyen thong': 'retail_outlet',
    cho: 'retail_outlet',
    'dai ly': 'retail_outlet',
    'cua hang': 'retail_outlet',
    'diem ban': 'retail_outlet',
    'san tmdt': 'online_channel',
    'thuong mai dien tu': 'online_channel',
    'van chuyen': 'logistics',
    logistics: 'logistics',
    'lien minh htx': 'alliance',
    'lien minh hop tac xa': 'alliance',
  },
  businessLine: { 'sieu thi': 'supermarket', 'he thong sieu thi': 'supermarket', 'xuat nhap khau': 'export', khac: 'other' },
};
/** Values that say "none": they map to blank without asking. */
const blankWords = new Set(['chua xep loai', 'khong xep loai', 'khong', 'chua', '-', 'k']);

/** The lookup values a field can take, as the person chooses among them. */
export function optionsOf(ctx: Context, kind: ImportKind, field: string): ImportChoiceOption[] {
  switch (field) {
    case 'kind':
    case 'buyerKind':
      return isPartnerKind(kind, field)
        ? partnerKinds.map((value) => ({ value, label: partnerKindLabels[value] }))
        : organizationKinds.map((value) => ({ value, label: organizationKindLabels[value] }));
    case 'sectorCode':
      return ctx.db.select({ value: sectors.code, label: sectors.name }).from(sectors).orderBy(sectors.sortOrder).all();
    case 'sizeClass':
      return ctx.db.select({ value: sizeClasses.code, label: sizeClasses.name }).from(sizeClasses).orderBy(sizeClasses.sortOrder).all();
    case 'classification':
      return classifications.map((value) => ({ value, label: classificationLabels[value] }));
    case 'businessLine':
      return partnerBusinessLines.map((value) => ({ value, label: partnerBusinessLineLabels[value] }));
    default:
      return [];
  }
}

/** Whether the field names a partner's kind: a partners list's Loại, a demands list's buyer's. */
function isPartnerKind(kind: ImportKind, field: string): boolean {
  return (field === 'kind' && kind === 'partners') || field === 'buyerKind';
}

/** The key a written value is compared and remembered under. */
export function writtenKey(written: string): string {
  return foldText(written).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

type Exact = { value: string | null } | undefined;

/** The value a written word is without asking: a lookup's own name or code, or a word that means it. */
function exactValue(kind: ImportKind, field: string, written: string, options: readonly ImportChoiceOption[]): Exact {
  const key = writtenKey(written);
  if (blankWords.has(key)) return { value: null };
  const own = options.find((option) => writtenKey(option.label) === key || option.value === written.trim() || writtenKey(option.value) === key);
  if (own) return { value: own.value };
  const table = isPartnerKind(kind, field) ? 'partnerKind' : field;
  const words = Object.hasOwn(exactWords, table) ? exactWords[table] : undefined;
  // Own keys only: a cell reading "constructor" is not Object's constructor.
  if (words && Object.hasOwn(words, key)) return { value: words[key] ?? null };
  if (field === 'kind' || field === 'buyerKind') {
    // "HTX", "HTX DVNN", "Liên hiệp HTX": the kind a name starts with. As a partner's kind it is
    // none of theirs — never "Liên minh HTX" for sharing a word —, and the row says why.
    const found = organizationKindOfName(written);
    if (found) return { value: isPartnerKind(kind, field) ? null : found };
  }
  return undefined;
}

/**
 * The options ranked by how much of what was written they say ("Tiểu thủ công nghiệp" is all in
 * "Công nghiệp, tiểu thủ công nghiệp"), with abbreviations written out; with the best one when it
 * says all of it and no other does as well.
 */
function suggestionsFor(written: string, options: readonly ImportChoiceOption[]): { ranked: string[]; confident: string | null } {
  const words = new Set(expandedWords(written));
  if (words.size === 0) return { ranked: [], confident: null };
  const scored = options
    .map((option) => {
      const optionWords = new Set(expandedWords(option.label));
      const shared = [...words].filter((word) => optionWords.has(word)).length;
      return { value: option.value, covered: shared / words.size, precision: optionWords.size ? shared / optionWords.size : 0 };
    })
    .filter((candidate) => candidate.covered > 0)
    .sort((a, b) => b.covered - a.covered || b.precision - a.precision);
  const [best, second] = scored;
  const confident = best && best.covered === 1 && !(second && second.covered === 1 && second.precision === best.precision) ? best.value : null;
  return { ranked: scored.slice(0, 3).map((candidate) => candidate.value), confident };
}

/** A value's words with its abbreviations written out ("TMDV" → thuong mai dich vu). */
function expandedWords(text: string): readonly string[] {
  return expandedNameWords(text);
}

/** Per coded field, each written value's meaning: the person's or the remembered choice. */
export type ValueMap = Map<string, Map<string, string | null>>;

export function rememberedValues(ctx: Context, kind: ImportKind): ValueMap {
  const map: ValueMap = new Map();
  for (const row of ctx.db.select().from(importValueMappings).where(eq(importValueMappings.kind, kind)).all()) {
    let field = map.get(row.field);
    if (!field) map.set(row.field, (field = new Map<string, string | null>()));
    field.set(row.written, row.value);
  }
  return map;
}

export function rememberValues(ctx: Context, kind: ImportKind, choices: readonly ImportValueChoice[], at: string): void {
  for (const choice of choices) {
    const written = writtenKey(choice.written);
    ctx.db
      .insert(importValueMappings)
      .values({ kind, field: choice.field, written, value: choice.value, updatedAt: at })
      .onConflictDoUpdate({ target: [importValueMappings.kind, importValueMappings.field, importValueMappings.written], set: { value: choice.value, updatedAt: at } })
      .run();
  }
}

/**
 * Reads the coded values of one import: each written value's meaning, and the choices the person
 * sees (values that are not a lookup's own words), collected as rows are read.
 */
export class ChoiceReader {
  private readonly options = new Map<string, ImportChoiceOption[]>();
  private readonly seen = new Map<string, ImportValueChoice>();
  /**
   * What each written value read as exactly, by field: a list repeats a few values over 100,000
   * rows, and folding every option's label again for each row was a tenth of a preview.
   */
  private readonly exact = new Map<string, Exact | null>();

  constructor(
    ctx: Context,
    private readonly kind: ImportKind,
    /** The person's choices in this import, then those remembered. */
    private readonly chosen: ValueMap,
    private readonly remembered: ValueMap,
  ) {
    for (const field of choiceFields[kind]) this.options.set(field, optionsOf(ctx, kind, field));
  }

  /** What the written value means: a lookup value, or null for blank. */
  read(field: string, written: string): string | null {
    const options = this.options.get(field) ?? [];
    const exactKey = `${field}\u0000${written}`;
    let exact = this.exact.get(exactKey);
    if (exact === undefined) this.exact.set(exactKey, (exact = exactValue(this.kind, field, written, options) ?? null));
    if (exact) return exact.value;
    const key = writtenKey(written);
    const seen = this.seen.get(`${field}\u0000${key}`);
    if (seen) {
      seen.rows += 1;
      return seen.value;
    }
    const { ranked, confident } = suggestionsFor(written, options);
    const byPerson = this.chosen.get(field);
    const byMemory = this.remembered.get(field);
    let choice: ImportValueChoice;
    if (byPerson?.has(key)) choice = { field, written, rows: 1, value: byPerson.get(key) ?? null, source: 'chosen', suggestions: ranked };
    else if (byMemory?.has(key)) choice = { field, written, rows: 1, value: byMemory.get(key) ?? null, source: 'remembered', suggestions: ranked };
    else choice = { field, written, rows: 1, value: confident, source: confident === null ? 'blank' : 'suggested', suggestions: ranked };
    this.seen.set(`${field}\u0000${key}`, choice);
    return choice.value;
  }

  /** The values the person maps, in the order first met. */
  choices(): ImportValueChoice[] {
    return [...this.seen.values()];
  }

  optionsFor(): Record<string, ImportChoiceOption[]> {
    return Object.fromEntries(this.options);
  }
}
