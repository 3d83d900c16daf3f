/**
 * The kinds of record that keep a change history and go to the trash (Thùng rác), and the
 * description of each kind's fields that the one record machinery works from: the audit trail
 * stores each field's raw value (codes, ISO dates, đồng, ids), the backend compares them in this
 * order, and the screen writes and translates them by their format.
 */

export const recordKinds = ['organization', 'partner', 'event', 'agreement', 'offer', 'demand', 'connection', 'programme', 'plan'] as const;
export type RecordKind = (typeof recordKinds)[number];

/**
 * How a field's raw value reads on screen:
 * - `text`, `date` (ISO), `money` (đồng), `count`, `boolean`;
 * - `enum`: a code the screen translates (an organization's kind, an agreement's kind …);
 * - `reference`: a code or id whose name the backend looks up (a commune, a sector) and sends beside,
 *   or a list of such codes (a programme's sales channels);
 * - `quantity`: `{ quantity, unitCode, unit }`, a quantity with its unit (the unit's name as it was);
 * - `kinds`: a list of organization kinds;
 * - the others: a whole record that came, went or changed (a contact list, a year's figures,
 *   a product, a delivery …), each written by the screen in its own way.
 */
export type FieldFormat =
  | 'text'
  | 'date'
  | 'money'
  | 'count'
  | 'boolean'
  | 'enum'
  | 'reference'
  | 'contacts'
  | 'figures'
  | 'product'
  | 'certification'
  | 'lifecycle'
  | 'participants'
  | 'event'
  | 'parties'
  | 'commitments'
  | 'delivery'
  | 'followUp'
  | 'quantity'
  | 'requirements'
  | 'members'
  | 'heldEvent'
  | 'kinds'
  | 'targets';

/** Each kind's fields, in the order its profile shows them. */
export const recordFields = {
  organization: {
    kind: 'enum',
    name: 'text',
    shortName: 'text',
    registrationNo: 'text',
    communeCode: 'reference',
    street: 'text',
    oldAddress: 'text',
    foundedOn: 'date',
    sectorCode: 'reference',
    phone: 'text',
    email: 'text',
    website: 'text',
    representative: 'text',
    charterCapital: 'money',
    sizeClass: 'reference',
    memberSince: 'date',
    memberUntil: 'date',
    highTech: 'boolean',
    valueChain: 'boolean',
    status: 'enum',
    endedOn: 'date',
    contacts: 'contacts',
    figures: 'figures',
    product: 'product',
    certification: 'certification',
    lifecycle: 'lifecycle',
  },
  partner: {
    kind: 'enum',
    businessLine: 'enum',
    name: 'text',
    shortName: 'text',
    taxCode: 'text',
    provinceCode: 'reference',
    address: 'text',
    contactName: 'text',
    contactRole: 'text',
    phone: 'text',
    email: 'text',
    website: 'text',
    buys: 'text',
    qualityRequirements: 'text',
    note: 'text',
  },
  event: {
    kind: 'reference',
    title: 'text',
    startsOn: 'date',
    startsAt: 'text',
    endsOn: 'date',
    venue: 'text',
    provinceCode: 'reference',
    organizer: 'text',
    coOrganizers: 'text',
    budget: 'money',
    description: 'text',
    outcome: 'text',
    participants: 'participants',
  },
  agreement: {
    kind: 'enum',
    number: 'text',
    title: 'text',
    signedOn: 'date',
    event: 'event',
    validFrom: 'date',
    validUntil: 'date',
    note: 'text',
    parties: 'parties',
    commitments: 'commitments',
    terminatedOn: 'date',
    terminationReason: 'text',
    closedOn: 'date',
    closingReason: 'text',
    delivery: 'delivery',
    followUp: 'followUp',
    attachment: 'text',
  },
  offer: {
    organizationId: 'reference',
    programmeId: 'reference',
    product: 'text',
    productGroupCode: 'reference',
    quantity: 'quantity',
    priceMin: 'money',
    priceMax: 'money',
    availableFrom: 'date',
    availableUntil: 'date',
    communeCode: 'reference',
    packaging: 'text',
    deliveryTerms: 'text',
    contactName: 'text',
    contactPhone: 'text',
    note: 'text',
    withdrawnOn: 'date',
  },
  demand: {
    partnerId: 'reference',
    organizationId: 'reference',
    programmeId: 'reference',
    product: 'text',
    productGroupCode: 'reference',
    quantity: 'quantity',
    priceMin: 'money',
    priceMax: 'money',
    neededFrom: 'date',
    neededUntil: 'date',
    deliveryProvinceCode: 'reference',
    deliveryPlace: 'text',
    requirements: 'requirements',
    qualityNote: 'text',
    contactName: 'text',
    contactPhone: 'text',
    note: 'text',
    withdrawnOn: 'date',
  },
  connection: {
    offerId: 'reference',
    demandId: 'reference',
    quantity: 'quantity',
    price: 'money',
    value: 'money',
    channelCode: 'reference',
    connectedOn: 'date',
    programmeId: 'reference',
    agreementId: 'reference',
    note: 'text',
  },
  programme: {
    name: 'text',
    decisionNo: 'text',
    startsOn: 'date',
    endsOn: 'date',
    description: 'text',
    members: 'members',
    channelCodes: 'reference',
    event: 'heldEvent',
  },
  plan: {
    kind: 'enum',
    number: 'text',
    title: 'text',
    issuedOn: 'date',
    issuer: 'text',
    periodFrom: 'date',
    periodTo: 'date',
    communeCodes: 'reference',
    organizationKinds: 'kinds',
    sectorGroup: 'enum',
    status: 'enum',
    note: 'text',
    targets: 'targets',
    attachment: 'text',
  },
} as const satisfies Record<RecordKind, Record<string, FieldFormat>>;

export type RecordField<K extends RecordKind> = keyof (typeof recordFields)[K];

/** A raw value as the audit trail keeps it. */
export type HistoryValue = string | number | boolean | null | HistoryValue[] | { [key: string]: HistoryValue };

/** What one entry did to one field. */
export interface HistoryChange {
  field: string;
  before: HistoryValue;
  after: HistoryValue;
}

export type HistoryAction = 'create' | 'update' | 'delete' | 'restore';

/**
 * What made the app change a record by itself: an organization's status, end date and (when none
 * was typed) founding date follow its lifecycle events, and are worked out again when one is
 * recorded or removed; a conversion carries over to the organization after it what the one
 * converted had (`carriedOver`, from and into by their names then). Raw values, as everywhere in
 * the history: the event's kind code, ISO date.
 */
export type HistoryCause =
  | { lifecycle: 'recorded' | 'removed'; kind: string; date: string }
  | { lifecycle: 'carriedOver'; kind: string; date: string; from: string; into: string };

export interface HistoryEntry {
  at: string;
  action: HistoryAction;
  changes: HistoryChange[];
  /** Set when the app made the change itself, following another one. */
  cause?: HistoryCause;
}

/** Lịch sử thay đổi of one record, newest first, with the names of the references it mentions. */
export interface RecordHistory {
  entries: HistoryEntry[];
  /** `field:value` → name, for `reference` fields: `communeCode:30604` → `Xã Vĩnh An`. */
  names: Record<string, string>;
}

export function referenceKey(field: string, value: string | number): string {
  return `${field}:${String(value)}`;
}
