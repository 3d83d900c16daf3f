/**
 * Lịch sử thay đổi of any record — organization, partner, event, agreement, offer, demand,
 * connection, programme — newest first: what was done (or what made the app change the record by
 * itself), when, and a line for each field it changed; of an agreement's parties and commitments,
 * only those that changed. The backend sends raw values (codes, ISO dates, đồng, whole sub-records); they are
 * written here by each field's format (src/shared/records.ts) and translated, so one history reads
 * right in either language.
 */
import { Accordion, Center, List, Loader, Paper, Text, Timeline } from '@mantine/core';
import { IconArrowBackUp, IconPencil, IconPlus, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ParseKeys, TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { figureFields, volumePeriods } from '../../../shared/contract';
import {
  agreementKinds,
  agreementPartyRoles,
  classifications,
  lifecycleEventKinds,
  lifecycleRoles,
  organizationKinds,
  organizationStatuses,
  participantStatuses,
  partnerBusinessLines,
  partnerKinds,
  sectorGroups,
  type LifecycleEventKind,
  type LifecycleRole,
} from '../../../shared/domain';
import { formatCount, formatDate, formatDateTime, formatDecimal, formatDeliveredQuantity, formatMoney, formatQuantity } from '../../../shared/format';
import {
  recordFields,
  referenceKey,
  type FieldFormat,
  type HistoryCause,
  type HistoryChange,
  type HistoryEntry,
  type HistoryValue,
  type RecordKind,
} from '../../../shared/records';
import { comparisons, planKinds, planStatuses, targetUnits } from '../../../shared/plans';
import { call } from '../api';
import { LoadError } from './LoadError';
import { useEventLookups } from '../queries/events';

const actionIcons = { create: IconPlus, update: IconPencil, delete: IconTrash, restore: IconArrowBackUp } as const;

/** Under each area's own query key, so that a change to a record refreshes its history too. */
const areaKeys = {
  organization: 'organizations',
  partner: 'partners',
  event: 'events',
  agreement: 'agreements',
  offer: 'supply',
  demand: 'supply',
  connection: 'supply',
  programme: 'supply',
  plan: 'plans',
} as const;

const historyKey = (kind: RecordKind, id: number) => [areaKeys[kind], 'history', kind, id] as const;

export function useRecordHistory(kind: RecordKind, id: number) {
  return useQuery({ queryKey: historyKey(kind, id), queryFn: () => call('records:history', { kind, id }) });
}

type Fields = { [key: string]: HistoryValue };

function fieldsOf(value: HistoryValue): Fields | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
}

function text(value: HistoryValue | undefined): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function number(value: HistoryValue | undefined): number | null {
  return typeof value === 'number' ? value : null;
}

function oneOf<T extends string>(values: readonly T[], value: HistoryValue | undefined): T | undefined {
  return values.find((item) => item === value);
}

/** The codes the screens translate, by `kind.field`. */
const enumTexts: Partial<Record<string, (t: TFunction, value: HistoryValue) => string | undefined>> = {
  'organization.kind': (t, value) => {
    const code = oneOf(organizationKinds, value);
    return code && t(`organization.kind.${code}`);
  },
  'organization.status': (t, value) => {
    const code = oneOf(organizationStatuses, value);
    return code && t(`organization.status.${code}`);
  },
  'partner.kind': (t, value) => {
    const code = oneOf(partnerKinds, value);
    return code && t(`partners.kind.${code}`);
  },
  'partner.businessLine': (t, value) => {
    const code = oneOf(partnerBusinessLines, value);
    return code && t(`partners.businessLine.${code}`);
  },
  'agreement.kind': (t, value) => {
    const code = oneOf(agreementKinds, value);
    return code && t(`agreements.kind.${code}`);
  },
  'plan.kind': (t, value) => {
    const code = oneOf(planKinds, value);
    return code && t(`plans.kind.${code}`);
  },
  'plan.status': (t, value) => {
    const code = oneOf(planStatuses, value);
    return code && t(`plans.status.${code}`);
  },
  'plan.sectorGroup': (t, value) => {
    const code = oneOf(sectorGroups, value);
    return code && t(`plans.sectorGroup.${code}`);
  },
};

type LifecycleSide =
  | 'splitInto'
  | 'splitFrom'
  | 'separatedInto'
  | 'separatedFrom'
  | 'consolidatedInto'
  | 'consolidatedFrom'
  | 'mergedInto'
  | 'mergedFrom'
  | 'convertedInto'
  | 'convertedFrom';

/**
 * For the events that join or part organizations, the words for the side an organization was on,
 * by its role, and the role of the others its line names: «Sáp nhập vào» the organization that took
 * it in, «Nhận sáp nhập» those it took in.
 */
const lifecycleSides: Partial<Record<LifecycleEventKind, Partial<Record<LifecycleRole, readonly [phrase: LifecycleSide, others: LifecycleRole]>>>> = {
  split: { predecessor: ['splitInto', 'successor'], successor: ['splitFrom', 'predecessor'] },
  separation: { subject: ['separatedInto', 'successor'], successor: ['separatedFrom', 'subject'] },
  consolidation: { predecessor: ['consolidatedInto', 'successor'], successor: ['consolidatedFrom', 'predecessor'] },
  merger: { predecessor: ['mergedInto', 'subject'], subject: ['mergedFrom', 'predecessor'] },
  conversion: { predecessor: ['convertedInto', 'successor'], successor: ['convertedFrom', 'predecessor'] },
};
/**
 * A lifecycle event as a line of one organization's history: its kind, and for a split,
 * separation, consolidation, merger or conversion which side the organization was on, naming the others
 * (`counterparts`, sent by the backend). Without them (an organization since removed for good),
 * the side is said by the role's own name.
 */
function lifecycleSideText(t: TFunction, kind: LifecycleEventKind, item: Fields): string {
  const label = t(`figures.lifecycle.kind.${kind}`);
  const role = oneOf(lifecycleRoles, item.role);
  const side = role && lifecycleSides[kind]?.[role];
  if (!role || !side) return label;
  const [phrase, others] = side;
  const counterparts = recordList(item.counterparts ?? null) ?? [];
  const namesOf = (wanted: LifecycleRole) => counterparts.filter((other) => other.role === wanted).map((other) => text(other.name)).join(', ');
  const names = namesOf(others);
  if (!names) return `${label} (${t(`figures.lifecycle.role.${role}`)})`;
  return t(`history.lifecycleSide.${phrase}`, { names, peers: namesOf(role) });
}

/**
 * A target of a plan as a line: its words, the comparison and value, for one typed by hand whether
 * it builds up over the period (entries from before it said so have no such value), and a typed actual.
 */
function targetText(t: TFunction, item: Fields): string {
  const comparison = oneOf(comparisons, item.comparison);
  const value = number(item.value);
  const unit = oneOf(targetUnits, item.unit);
  const shown = value === null ? '' : unit === 'percent' ? `${formatCount(value)}%` : unit === 'money' ? formatMoney(value) : `${formatCount(value)} ${text(item.unitLabel)}`.trim();
  const typed = number(item.typedActual);
  const builds = item.measure === null && typeof item.typedCumulative === 'boolean' ? t(item.typedCumulative ? 'history.typedCumulative' : 'history.typedAtPoint') : '';
  return [
    `${text(item.title)} (${comparison ? t(`plans.comparison.${comparison}`).toLowerCase() : ''} ${shown})`,
    builds,
    typed === null ? '' : t('history.typedActual', { actual: formatCount(typed), by: text(item.typedBy) }),
  ]
    .filter(Boolean)
    .join(', ');
}

/** A translated code, or the code itself when it is not one of the known ones. */
function enumText(t: TFunction, kind: RecordKind, field: string, value: HistoryValue): string {
  return enumTexts[`${kind}.${field}`]?.(t, value) ?? text(value);
}

/** A year's figure as the figures tab writes it. */
function figureValue(t: TFunction, field: string, value: HistoryValue | undefined): string {
  if (value === null || value === undefined || value === '') return t('history.emptyValue');
  if (field === 'classification') {
    const code = oneOf(classifications, value);
    return code ? t(`figures.classification.${code}`) : text(value);
  }
  if (typeof value !== 'number') return text(value);
  return ['revenue', 'profit', 'averageIncome', 'totalAssets'].includes(field) ? formatMoney(value) : formatCount(value);
}

/** A participant's role, by the name the office gave it (see `HistoryTimeline`). */
function roleText(names: Record<string, string>, role: HistoryValue | undefined): string {
  const code = text(role ?? null);
  return code && (names[referenceKey('role', code)] ?? code);
}

function participantState(t: TFunction, state: Fields, names: Record<string, string>): string {
  const status = oneOf(participantStatuses, state.status);
  return [roleText(names, state.role), status ? t(`events.status.${status}`) : '', text(state.representative)].filter(Boolean).join(', ');
}

function partyRole(t: TFunction, party: Fields): string {
  const role = oneOf(agreementPartyRoles, party.role);
  return role ? t(`agreements.role.${role}`) : text(party.role);
}

function commitmentQuantity(item: Fields): string {
  const quantity = number(item.quantity);
  return quantity === null ? '' : formatQuantity(quantity, text(item.unit));
}

function commitmentText(t: TFunction, item: Fields): string {
  const parts = [`${text(item.product)}: ${commitmentQuantity(item)}`];
  const value = number(item.value);
  if (value !== null) parts.push(formatMoney(value));
  if (text(item.startsOn)) parts.push(t('history.commitmentFrom', { date: formatDate(text(item.startsOn)) }));
  if (text(item.dueOn)) parts.push(t('history.commitmentDue', { date: formatDate(text(item.dueOn)) }));
  const [supplier, receiver] = [fieldsOf(item.supplier ?? null), fieldsOf(item.receiver ?? null)];
  if (supplier || receiver) {
    parts.push(
      t('history.commitmentSides', {
        supplier: supplier ? text(supplier.name) : t('history.emptyValue'),
        receiver: receiver ? text(receiver.name) : t('history.emptyValue'),
      }),
    );
  }
  return parts.join(', ');
}

function deliveryText(item: Fields): string {
  const quantity = number(item.quantity);
  const writtenQuantity = number(item.writtenQuantity);
  // Written in another unit than the commitment's: «500 kg = 0,5 tấn», as on the agreement's page.
  const written = writtenQuantity === null ? null : { quantity: writtenQuantity, unit: text(item.writtenUnit) };
  let line = `${formatDate(text(item.deliveredOn))}: ${quantity === null ? '' : formatDeliveredQuantity(quantity, text(item.unit), written)} ${text(item.product)}`;
  const value = number(item.value);
  if (value !== null) line += ` (${formatMoney(value)})`;
  if (text(item.note)) line += ` — ${text(item.note)}`;
  return line;
}

/** A list of sub-records (none for null), or null when it is something else: text kept from before raw values. */
function recordList(value: HistoryValue): Fields[] | null {
  if (value === null) return [];
  if (!Array.isArray(value)) return null;
  const items = value.map(fieldsOf);
  return items.every((item): item is Fields => item !== null) ? items : null;
}

/** A list written as one text: each item by `describe`; text kept from before raw values, as it is. */
function listText(value: HistoryValue, describe: (item: Fields) => string): string {
  if (typeof value === 'string') return value;
  return Array.isArray(value) ? value.map((item) => fieldsOf(item)).filter((item): item is Fields => item !== null).map(describe).join('; ') : '';
}

/** A field's value as a person reads it. */
function valueText(t: TFunction, kind: RecordKind, field: string, format: FieldFormat, value: HistoryValue, names: Record<string, string>): string {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return t('history.emptyValue');
  switch (format) {
    case 'date':
      return typeof value === 'string' ? formatDate(value) || value : text(value);
    case 'money':
      return typeof value === 'number' ? formatMoney(value) : text(value);
    case 'count':
      return typeof value === 'number' ? formatCount(value) : text(value);
    case 'boolean':
      return value === true ? t('history.yes') : value === false ? t('history.no') : text(value);
    case 'enum':
      return enumText(t, kind, field, value);
    case 'reference': {
      const name = (code: HistoryValue) => (typeof code === 'string' || typeof code === 'number' ? (names[referenceKey(field, code)] ?? String(code)) : '');
      return Array.isArray(value) ? value.map(name).join(', ') : name(value);
    }
    case 'quantity': {
      const item = fieldsOf(value) ?? {};
      const quantity = number(item.quantity);
      return quantity === null ? text(value) : formatQuantity(quantity, text(item.unit) || text(item.unitCode));
    }
    case 'requirements':
      return listText(value, (item) => {
        const stars = number(item.minStars);
        const kind = text(item.kindName) || text(item.kindCode);
        return stars === null ? kind : t('history.requirementStars', { kind, stars });
      });
    case 'members':
      return listText(value, (item) => {
        const about = [text(item.role), text(item.position)].filter(Boolean).join(', ');
        return about ? `${text(item.name)} (${about})` : text(item.name);
      });
    case 'heldEvent': {
      const event = fieldsOf(value) ?? {};
      const day = formatDate(text(event.startsOn));
      return day ? `${text(event.title)} (${day})` : text(event.title);
    }
    case 'contacts':
      return listText(value, (item) => (text(item.role) ? `${text(item.name)} (${text(item.role)})` : text(item.name)));
    case 'event':
      return typeof value === 'string' ? value : text(fieldsOf(value)?.title);
    case 'parties':
      return listText(value, (item) => `${text(item.name)} (${partyRole(t, item)})`);
    case 'commitments':
      return listText(value, (item) => commitmentText(t, item));
    case 'delivery':
      return typeof value === 'string' ? value : deliveryText(fieldsOf(value) ?? {});
    case 'followUp': {
      if (typeof value === 'string') return value;
      const note = fieldsOf(value) ?? {};
      return `${formatDate(text(note.notedOn))}: ${text(note.text)}`;
    }
    case 'kinds':
      return Array.isArray(value)
        ? value.map((code) => {
            const kindCode = oneOf(organizationKinds, code);
            return kindCode ? t(`organization.kind.${kindCode}`) : text(code);
          }).join(', ')
        : text(value);
    case 'targets':
      return listText(value, (item) => targetText(t, item));
    case 'product':
      return text(fieldsOf(value)?.name);
    case 'certification': {
      const item = fieldsOf(value) ?? {};
      const stars = typeof item.stars === 'number' ? ` ${String(item.stars)}★` : '';
      const certificate = text(item.number);
      return `${text(item.kindName) || text(item.kindCode)}${stars}${certificate ? ` (${certificate})` : ''}`;
    }
    case 'lifecycle': {
      const item = fieldsOf(value) ?? {};
      const eventKind = oneOf(lifecycleEventKinds, item.kind);
      const decision = text(item.decisionNo);
      return [eventKind ? lifecycleSideText(t, eventKind, item) : text(item.kind), formatDate(text(item.date)), decision ? t('history.decision', { number: decision }) : '']
        .filter(Boolean)
        .join(', ');
    }
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/** What a commitment's change line names, in the words of the agreement's page, and how each is written. */
const commitmentParts = [
  ['agreements.form.product', (item: Fields) => text(item.product)],
  ['agreements.form.quantity', commitmentQuantity],
  [
    'agreements.commitments.value',
    (item: Fields) => {
      const value = number(item.value);
      return value === null ? '' : formatMoney(value);
    },
  ],
  ['agreements.form.startsOn', (item: Fields) => formatDate(text(item.startsOn))],
  ['agreements.form.dueOn', (item: Fields) => formatDate(text(item.dueOn))],
  ['agreements.form.supplier', (item: Fields) => text(fieldsOf(item.supplier ?? null)?.name)],
  ['agreements.form.receiver', (item: Fields) => text(fieldsOf(item.receiver ?? null)?.name)],
] as const;

type SameRecord = (was: Fields, is: Fields) => boolean;

/**
 * The sub-records of the two sides of an entry paired one to one, by each rule in turn. In the
 * order of the side after, those removed last; an unpaired one came or went.
 */
function pairRecords(before: Fields[], after: Fields[], rules: SameRecord[]): [Fields | null, Fields | null][] {
  const unpaired = [...before];
  const paired = after.map((item): [Fields | null, Fields] => [null, item]);
  for (const same of rules) {
    for (const pair of paired) {
      const index = pair[0] ? -1 : unpaired.findIndex((was) => same(was, pair[1]));
      if (index >= 0) pair[0] = unpaired.splice(index, 1)[0] ?? null;
    }
  }
  return [...paired, ...unpaired.map((was): [Fields, null] => [was, null])];
}

const withoutId = (item: Fields) => number(item.id) === null;

/**
 * Commitments are the same by id, which the audit trail keeps; in entries from before it did, the
 * same commitment unchanged, then one of the same product.
 */
const sameCommitment: SameRecord[] = [
  (was, is) => !withoutId(was) && was.id === is.id,
  (was, is) => withoutId(was) && withoutId(is) && JSON.stringify(was) === JSON.stringify(is),
  (was, is) => withoutId(was) && withoutId(is) && text(was.product) === text(is.product),
];

/**
 * Who a party is: its kind and the organization's or partner's id (none for the alliance itself),
 * which the audit trail keeps; null for one read back from old text that named no one the app knew.
 */
function counterpartOf(party: Fields): string | null {
  const kind = text(party.kind);
  return kind === 'alliance' || (kind && number(party.id) !== null) ? `${kind}:${text(party.id)}` : null;
}

/** Parties are the same by who they are; those read back from old text, by their name. */
const sameParty: SameRecord[] = [
  (was, is) => counterpartOf(was) !== null && counterpartOf(was) === counterpartOf(is),
  (was, is) => counterpartOf(was) === null && counterpartOf(is) === null && text(was.name) === text(is.name),
];

/** Only the parties an edit added, removed or gave another role, named as they were then. */
function partyLines(t: TFunction, before: Fields[], after: Fields[]): string[] {
  const noun = t('history.party');
  return pairRecords(before, after, sameParty).flatMap(([was, is]) => {
    if (!was && is) return [t('history.added', { what: `${noun} ${text(is.name)} (${partyRole(t, is)})` })];
    if (was && !is) return [t('history.removed', { what: `${noun} ${text(was.name)} (${partyRole(t, was)})` })];
    if (!was || !is || partyRole(t, was) === partyRole(t, is)) return [];
    return [t('history.changed', { what: `${noun} ${text(is.name)}: ${t('agreements.form.role')} ${partyRole(t, was)} → ${partyRole(t, is)}` })];
  });
}

/** Only the commitments an edit added, removed or changed, a changed one with what changed in it. */
function commitmentLines(t: TFunction, label: string, before: Fields[], after: Fields[]): string[] {
  const noun = label.toLowerCase();
  return pairRecords(before, after, sameCommitment).flatMap(([was, is]) => {
    if (!was && is) return [t('history.added', { what: `${noun} ${commitmentText(t, is)}` })];
    if (was && !is) return [t('history.removed', { what: `${noun} ${commitmentText(t, was)}` })];
    if (!was || !is) return [];
    const shown = (value: string) => value || t('history.emptyValue');
    const parts = commitmentParts.flatMap(([key, write]) => {
      const [prior, next] = [write(was), write(is)];
      return prior === next ? [] : [`${t(key)} ${shown(prior)} → ${shown(next)}`];
    });
    return parts.length ? [t('history.changed', { what: `${noun} ${text(was.product)}: ${parts.join('; ')}` })] : [];
  });
}

/** A product's volume as its tab writes it: «120 tấn/năm». */
function productVolume(item: Fields, t: TFunction): string {
  const volume = number(item.volume);
  if (volume === null) return '';
  const period = oneOf(volumePeriods, item.volumePeriod);
  return period ? t(`figures.products.volumePer.${period}`, { volume: formatDecimal(volume), unit: text(item.unit) }).trim() : formatQuantity(volume, text(item.unit));
}

/**
 * A field of a product or certificate as its form names it, and how its value is written; `named`:
 * the title of an entry that adds or removes one already says it.
 */
interface Part {
  key: ParseKeys;
  write: (item: Fields, t: TFunction) => string;
  named?: boolean;
}

const dateOf = (field: string) => (item: Fields) => formatDate(text(item[field]));

/** The fields of the products and certificates of an organization's history, in the order of their forms. */
const subRecordParts: Partial<Record<FieldFormat, readonly Part[]>> = {
  product: [
    { key: 'figures.products.field.name', write: (item) => text(item.name), named: true },
    { key: 'figures.products.field.productGroup', write: (item) => text(item.productGroup) },
    { key: 'figures.products.field.unit', write: (item) => text(item.unit) },
    { key: 'figures.products.field.volume', write: productVolume },
    {
      key: 'figures.products.field.price',
      write: (item) => {
        const price = number(item.price);
        return price === null ? '' : formatMoney(price);
      },
    },
    { key: 'figures.products.field.note', write: (item) => text(item.note) },
  ],
  certification: [
    // The product's name is kept beside its id since the history could not look it up once it is gone.
    { key: 'figures.products.cert.product', write: (item, t) => (item.productId === null ? t('figures.products.cert.general') : text(item.productName)) },
    { key: 'figures.products.cert.kind', write: (item) => text(item.kindName) || text(item.kindCode), named: true },
    {
      key: 'figures.products.cert.stars',
      write: (item, t) => {
        const stars = number(item.stars);
        return stars === null ? '' : t('figures.products.cert.starsLabel', { stars });
      },
      named: true,
    },
    { key: 'figures.products.cert.number', write: (item) => text(item.number), named: true },
    { key: 'figures.products.cert.issuer', write: (item) => text(item.issuer) },
    { key: 'figures.products.cert.issuedOn', write: dateOf('issuedOn') },
    { key: 'figures.products.cert.expiresOn', write: dateOf('expiresOn') },
  ],
};

/**
 * What a product or certificate change holds, field by field: for an edit what changed, «Ngày hết
 * hạn 20/12/2026 → 06/12/2026»; for one added or removed what it held beside what names it.
 */
function partChanges(t: TFunction, parts: readonly Part[], was: Fields | null, is: Fields | null): [label: string, value: string][] {
  const shown = (value: string) => value || t('history.emptyValue');
  return parts.flatMap(({ key, write, named }): [string, string][] => {
    const [prior, next] = [was ? write(was, t) : '', is ? write(is, t) : ''];
    if (was && is) return prior === next ? [] : [[t(key), `${shown(prior)} → ${shown(next)}`]];
    return named || !(prior || next) ? [] : [[t(key), prior || next]];
  });
}

/**
 * An organization's entry that did nothing but add, remove or edit one product or certificate: a
 * person did that on its Sản phẩm tab, which is no edit of its details. Its title names it, «Thêm
 * chứng nhận OCOP 3★ (125/QĐ-UBND)», and its lines say what it holds or what changed in it. One the
 * app made by itself (a conversion carrying it over) is titled by its cause, its line naming it.
 */
function soleSubRecord(kind: RecordKind, entry: HistoryEntry): { change: HistoryChange; parts: readonly Part[] } | null {
  const [change, ...others] = entry.changes;
  const format =
    kind === 'organization' && entry.action === 'update' && !entry.cause && change && others.length === 0 ? (recordFields.organization as Record<string, FieldFormat>)[change.field] : undefined;
  const parts = format && subRecordParts[format];
  return change && parts ? { change, parts } : null;
}

/** «Thêm», «Xóa» or «Sửa» a product or certificate, by its name. */
function subRecordTitle(t: TFunction, kind: RecordKind, change: HistoryChange): string {
  const format = (recordFields[kind] as Record<string, FieldFormat>)[change.field] ?? 'text';
  const label = t(`history.field.${kind}.${change.field}` as 'history.field.organization.name', { defaultValue: change.field });
  const name = valueText(t, kind, change.field, format, change.before ?? change.after, {});
  const what = `${label.toLowerCase()} ${name}`;
  return t(change.before === null ? 'history.added' : change.after === null ? 'history.removed' : 'history.changed', { what });
}

/** Sub-records that come and go whole read "Thêm …", "Xóa …", "Sửa …" rather than before → after. */
const wholeRecords: readonly FieldFormat[] = ['lifecycle', 'delivery', 'followUp', 'heldEvent'];

/** The lines of one field's change, as Lịch sử thay đổi writes them; the import's preview writes an update's changes with it. */
export function changeLines(t: TFunction, kind: RecordKind, change: HistoryChange, names: Record<string, string>): string[] {
  const formats = recordFields[kind] as Record<string, FieldFormat>;
  const format = formats[change.field] ?? 'text';
  const label = t(`history.field.${kind}.${change.field}` as 'history.field.organization.name', { defaultValue: change.field });
  const shown = (value: HistoryValue) => valueText(t, kind, change.field, format, value, names);

  if (format === 'figures') {
    const before = fieldsOf(change.before);
    const after = fieldsOf(change.after);
    const values = after ?? before ?? {};
    const year = text(values.year);
    const parts = figureFields
      .filter((field) => field in values)
      .map((field) => `${t(`figures.field.${field}`)} ${figureValue(t, field, before?.[field])} → ${figureValue(t, field, after?.[field])}`);
    const title = year ? t('history.figures', { year }) : t('history.figuresNoYear');
    return [parts.length ? `${title}: ${parts.join('; ')}` : title];
  }
  if (format === 'participants') {
    const list = (value: HistoryValue) => (Array.isArray(value) ? value.map(fieldsOf) : []);
    const [was, is] = [list(change.before), list(change.after)];
    return is.map((item, index) => {
      const name = text(item?.name);
      const [prior, next] = [fieldsOf(was[index]?.state ?? null), fieldsOf(item?.state ?? null)];
      if (!prior && next) {
        const status = oneOf(participantStatuses, next.status);
        return t('history.participantAdded', { name, role: roleText(names, next.role), status: status ? t(`events.status.${status}`) : '' });
      }
      if (prior && !next) return t('history.participantRemoved', { name });
      if (prior && next) return t('history.participantChanged', { name, before: participantState(t, prior, names), after: participantState(t, next, names) });
      return name;
    });
  }
  if (format === 'commitments' || format === 'parties') {
    const [was, is] = [recordList(change.before), recordList(change.after)];
    // Text kept from before raw values is shown as it is, below.
    if (was && is) return format === 'commitments' ? commitmentLines(t, label, was, is) : partyLines(t, was, is);
  }
  const parts = subRecordParts[format];
  if (parts) {
    // Among other changes: one line, «Sửa sản phẩm Gạo ST25: Sản lượng 100 tấn/năm → 120 tấn/năm».
    const held = partChanges(t, parts, fieldsOf(change.before), fieldsOf(change.after)).map(([part, value]) => `${part} ${value}`);
    return [[subRecordTitle(t, kind, change), ...(held.length ? [held.join('; ')] : [])].join(': ')];
  }
  if (wholeRecords.includes(format)) {
    const what = `${label.toLowerCase()}: ${shown(change.after ?? change.before)}`;
    if (change.before === null) return [t('history.added', { what })];
    if (change.after === null) return [t('history.removed', { what })];
    return [t('history.changed', { what: `${label.toLowerCase()}: ${shown(change.before)} → ${shown(change.after)}` })];
  }
  return [`${label}: ${shown(change.before)} → ${shown(change.after)}`];
}

/**
 * The lifecycle event an organization's entry records or deletes: a person did that on the
 * organization's page (with a renaming, the name it set goes with it), which is no edit of its details.
 */
function lifecycleEventOf(kind: RecordKind, entry: HistoryEntry): HistoryCause | null {
  const change = kind === 'organization' && entry.action === 'update' ? entry.changes.find((item) => item.field === 'lifecycle') : undefined;
  if (!change || (change.before === null) === (change.after === null)) return null;
  const event = fieldsOf(change.after ?? change.before);
  return event && { lifecycle: change.before === null ? 'recorded' : 'removed', kind: text(event.kind), date: text(event.date) };
}

/** How a participant's state may change in taking attendance: its status, and who signed for it. */
const attendanceFields = ['status', 'representative'];

/**
 * What an event's entry that changed only its participants did, by those changes: attendance taken
 * (Có mặt or Vắng set, and who signed; those who signed without an invitation added present, as a
 * pasted sign-in sheet does), participants added, removed, or otherwise changed.
 */
function participantsDeed(kind: RecordKind, entry: HistoryEntry): 'attendance' | 'added' | 'removed' | 'changed' | null {
  const [change, ...others] = entry.changes;
  if (kind !== 'event' || entry.action !== 'update' || change?.field !== 'participants' || others.length) return null;
  const states = (value: HistoryValue) => (Array.isArray(value) ? value.map((item) => fieldsOf(fieldsOf(item)?.state ?? null)) : []);
  const [was, is] = [states(change.before), states(change.after)];
  const marked = is.every((after, index) => {
    const before = was[index];
    const attendance = after?.status === 'attended' || after?.status === 'absent';
    return attendance && (!before || Object.keys({ ...before, ...after }).every((field) => attendanceFields.includes(field) || before[field] === after[field]));
  });
  if (is.length && marked) return 'attendance';
  if (was.every((before) => before === null)) return 'added';
  return is.every((after) => after === null) ? 'removed' : 'changed';
}

/** An entry's title: what made the app change the record by itself, what it did to a lifecycle event, or the action. */
function entryTitle(t: TFunction, kind: RecordKind, entry: HistoryEntry): string {
  const sole = soleSubRecord(kind, entry);
  if (sole) return subRecordTitle(t, kind, sole.change);
  const participants = participantsDeed(kind, entry);
  if (participants) return t(`history.participants.${participants}`);
  const lifecycle = entry.cause ?? lifecycleEventOf(kind, entry);
  if (!lifecycle) return t(`history.action.${kind}.${entry.action}`);
  if (lifecycle.lifecycle === 'carriedOver') return t('history.cause.carriedOver', { from: lifecycle.from, into: lifecycle.into });
  const eventKind = oneOf(lifecycleEventKinds, lifecycle.kind);
  return t(entry.cause ? `history.cause.${lifecycle.lifecycle}` : `history.lifecycleEvent.${lifecycle.lifecycle}`, {
    kind: eventKind ? t(`figures.lifecycle.kind.${eventKind}`) : lifecycle.kind,
    date: formatDate(lifecycle.date),
  });
}

function linesOf(t: TFunction, kind: RecordKind, entry: HistoryEntry, names: Record<string, string>): string[] {
  const sole = soleSubRecord(kind, entry);
  const lines = sole
    ? partChanges(t, sole.parts, fieldsOf(sole.change.before), fieldsOf(sole.change.after)).map(([part, value]) => `${part}: ${value}`)
    : entry.changes.flatMap((change) => changeLines(t, kind, change, names));
  return lines.length === 0 && entry.action === 'update' ? [t('history.noDetail')] : lines;
}

/**
 * A record's history in a bordered panel, or folded under its title (`folded`) at the foot of a
 * page that shows much else.
 */
export function RecordHistory({ kind, id, folded = false }: { kind: RecordKind; id: number; folded?: boolean }) {
  const { t } = useTranslation();
  if (!folded) {
    return (
      <Paper withBorder p="md">
        <HistoryTimeline kind={kind} id={id} />
      </Paper>
    );
  }
  return (
    <Accordion variant="contained">
      <Accordion.Item value="history">
        <Accordion.Control>{t('history.title')}</Accordion.Control>
        <Accordion.Panel>
          <HistoryTimeline kind={kind} id={id} />
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}

function HistoryTimeline({ kind, id }: { kind: RecordKind; id: number }) {
  const { t } = useTranslation();
  const history = useRecordHistory(kind, id);
  // Participants' roles are a lookup the office edits: named as it names them now.
  const eventLookups = useEventLookups();
  if (history.isPending) {
    return (
      <Center mih={120}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (history.isError) return <LoadError error={history.error} onRetry={() => void history.refetch()} />;
  const { entries, names: stored } = history.data;
  const names = kind === 'event' ? { ...stored, ...Object.fromEntries((eventLookups.data?.roles ?? []).map((row) => [referenceKey('role', row.code), row.name])) } : stored;
  if (entries.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('history.empty')}
      </Text>
    );
  }
  return (
    <Timeline bulletSize={26} lineWidth={2}>
      {entries.map((entry, index) => {
        const Icon = entry.cause ? IconRefresh : actionIcons[entry.action];
        const shown = linesOf(t, kind, entry, names);
        return (
          <Timeline.Item
            key={`${entry.at}-${String(index)}`}
            bullet={<Icon size={14} />}
            title={entryTitle(t, kind, entry)}
          >
            <Text size="xs" c="dimmed" mb={4}>
              {formatDateTime(entry.at)}
            </Text>
            {shown.length > 0 && (
              <List size="sm" spacing={2}>
                {shown.map((line, position) => (
                  <List.Item key={position}>{line}</List.Item>
                ))}
              </List>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
