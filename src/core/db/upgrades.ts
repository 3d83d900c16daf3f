/**
 * Changes to stored data that SQL cannot make, each tied to the migration that needs it: it runs
 * once, right after that migration, in the same opening of the file (see `openDatabase`).
 */
import type Database from 'better-sqlite3';

type Upgrade = (sqlite: Database.Database) => void;

type Fields = Record<string, unknown>;

const roles: Record<string, string> = { 'Bên bán': 'seller', 'Bên mua': 'buyer', 'Bên phối hợp': 'cooperating', 'Bên chứng kiến': 'witness' };

/** "05/03/2026" → "2026-03-05"; null when it is not such a date. */
function isoOf(date: string): string | null {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(date);
  return match ? `${match[3]}-${match[2]}-${match[1]}` : null;
}

/** A number as the screens wrote it, "1.250,5" → 1250.5. */
function numberOf(text: string): number | null {
  if (!/^-?[\d.]+(,\d+)?$/.test(text)) return null;
  const value = Number(text.replace(/\./g, '').replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/** "400.000.000 ₫" → 400000000. */
function moneyOf(text: string): number | null {
  const match = /^([\d.]+)\s₫$/.exec(text);
  return match?.[1] === undefined ? null : numberOf(match[1]);
}

/**
 * The sentences the agreements' audit trail used to keep, read back into the records it keeps now.
 * A sentence that does not read back exactly stays as it was: the screen shows such text as it is.
 */
function agreementHistoryToRawValues(sqlite: Database.Database): void {
  const eventsTitled = sqlite.prepare('SELECT id FROM events WHERE title = ?').pluck();
  const organizationsNamed = sqlite.prepare('SELECT id FROM organizations WHERE name = ?').pluck();
  const partnersNamed = sqlite.prepare('SELECT id FROM partners WHERE name = ?').pluck();
  const allianceName = sqlite.prepare('SELECT name FROM alliance WHERE id = 1').pluck().get() as string | undefined;
  const commitmentsOf = sqlite.prepare('SELECT product, unit FROM agreement_commitments WHERE agreement_id = ?');

  /** The one id a name belongs to, or null when none or several have it. */
  const onlyId = (ids: unknown[]) => (ids.length === 1 && typeof ids[0] === 'number' ? ids[0] : null);

  const event = (title: string) => ({ id: onlyId(eventsTitled.all(title)), title });

  const parties = (text: string) => {
    const items = text.split('; ').map((item) => {
      const match = /^(.*) \((Bên bán|Bên mua|Bên phối hợp|Bên chứng kiến)\)$/.exec(item);
      if (!match?.[1] || !match[2]) return null;
      const name = match[1];
      const organization = onlyId(organizationsNamed.all(name));
      const partner = onlyId(partnersNamed.all(name));
      const [kind, id] =
        organization !== null ? ['organization', organization] : partner !== null ? ['partner', partner] : name === allianceName ? ['alliance', null] : [null, null];
      return { kind, id, name, role: roles[match[2]] };
    });
    return items.every((item) => item !== null) ? items : text;
  };

  const commitments = (text: string) => {
    const items = text.split('; ').map((item) => {
      const match = /^(.*): ([\d.,]+)(?: ([^,]+))?((?:, [^,]+)*)$/.exec(item);
      if (!match?.[1] || !match[2]) return null;
      const quantity = numberOf(match[2]);
      if (quantity === null) return null;
      const commitment: Fields = { product: match[1], quantity, unit: match[3] ?? '', value: null, startsOn: null, dueOn: null };
      for (const part of (match[4] ?? '').split(', ').filter(Boolean)) {
        const money = moneyOf(part);
        const starts = part.startsWith('từ ') ? isoOf(part.slice(3)) : null;
        const due = part.startsWith('hạn ') ? isoOf(part.slice(4)) : null;
        if (money !== null) commitment.value = money;
        else if (starts) commitment.startsOn = starts;
        else if (due) commitment.dueOn = due;
        else return null;
      }
      return commitment;
    });
    return items.every((item) => item !== null) ? items : text;
  };

  const delivery = (text: string, agreementId: number) => {
    const match = /^(\d{2}\/\d{2}\/\d{4}): ([\d.,]+) (.*?)(?: \(([\d.]+\s₫)\))?(?: — (.*))?$/.exec(text);
    const deliveredOn = match?.[1] ? isoOf(match[1]) : null;
    const quantity = match?.[2] ? numberOf(match[2]) : null;
    if (!match || deliveredOn === null || quantity === null) return text;
    // "tấn Lúa Đài Thơm 8": the unit and the product of one of the agreement's commitments.
    const rest = match[3] ?? '';
    const own = (commitmentsOf.all(agreementId) as { product: string; unit: string }[]).find(
      ({ product, unit }) => rest === `${unit} ${product}` || (unit === '' && rest === product),
    );
    if (!own) return text;
    return { deliveredOn, quantity, unit: own.unit, product: own.product, value: match[4] ? moneyOf(match[4]) : null, note: match[5] ?? '' };
  };

  const followUp = (text: string) => {
    const match = /^(\d{2}\/\d{2}\/\d{4}): ([\s\S]*)$/.exec(text);
    const notedOn = match?.[1] ? isoOf(match[1]) : null;
    return notedOn === null ? text : { notedOn, text: match?.[2] ?? '' };
  };

  const upgrade = (side: unknown, agreementId: number): unknown => {
    if (typeof side !== 'object' || side === null) return side;
    const fields = { ...(side as Fields) };
    if (typeof fields.event === 'string') fields.event = event(fields.event);
    if (typeof fields.parties === 'string') fields.parties = fields.parties === '' ? [] : parties(fields.parties);
    if (typeof fields.commitments === 'string') fields.commitments = fields.commitments === '' ? [] : commitments(fields.commitments);
    if (typeof fields.delivery === 'string') fields.delivery = delivery(fields.delivery, agreementId);
    if (typeof fields.followUp === 'string') fields.followUp = followUp(fields.followUp);
    return fields;
  };

  const rows = sqlite.prepare("SELECT id, entity_id AS agreementId, before, after FROM audit_log WHERE entity = 'agreement'").all() as {
    id: number;
    agreementId: number;
    before: string | null;
    after: string | null;
  }[];
  const write = sqlite.prepare('UPDATE audit_log SET before = ?, after = ? WHERE id = ?');
  const side = (json: string | null, agreementId: number) => (json === null ? null : JSON.stringify(upgrade(JSON.parse(json), agreementId)));
  for (const row of rows) write.run(side(row.before, row.agreementId), side(row.after, row.agreementId), row.id);
}

/** The fields an organization's lifecycle events set; of them, no person edits the status and end date. */
const lifecycleFields = new Set(['status', 'endedOn', 'foundedOn']);

/** A lifecycle event as the audit trail keeps it on the organization's entry that adds or removes it. */
function lifecycleEventOf(value: unknown): { kind: string; date: string } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { kind, date } = value as Fields;
  return typeof kind === 'string' && typeof date === 'string' ? { kind, date } : null;
}

/**
 * The cause of the entries the app wrote by itself after a lifecycle event, before entries kept
 * one: an organization's update that changed only the fields the events set, its status or end
 * date among them (a person's edit keeps every field on both sides), was written right after the
 * organization's entry that added or removed the event, which names it.
 */
function lifecycleCausesOfOldEntries(sqlite: Database.Database): void {
  const candidates = sqlite
    .prepare(
      `SELECT id, entity_id AS organizationId, before, after FROM audit_log
       WHERE entity = 'organization' AND action = 'update' AND cause IS NULL
         AND (json_type(after, '$.status') IS NOT NULL OR json_type(after, '$.endedOn') IS NOT NULL OR json_type(before, '$.endedOn') IS NOT NULL)`,
    )
    .all() as { id: number; organizationId: number; before: string | null; after: string | null }[];
  const previous = sqlite.prepare(`SELECT before, after FROM audit_log WHERE entity = 'organization' AND entity_id = ? AND id < ? ORDER BY id DESC LIMIT 1`);
  const write = sqlite.prepare('UPDATE audit_log SET cause = ? WHERE id = ?');
  const parsed = (json: string | null) => (json === null ? {} : (JSON.parse(json) as Fields));
  for (const row of candidates) {
    const fields = Object.keys({ ...parsed(row.before), ...parsed(row.after) });
    if (!fields.every((field) => lifecycleFields.has(field))) continue;
    const prior = previous.get(row.organizationId, row.id) as { before: string | null; after: string | null } | undefined;
    if (!prior) continue;
    const added = lifecycleEventOf(parsed(prior.after).lifecycle);
    const removed = lifecycleEventOf(parsed(prior.before).lifecycle);
    const event = added ?? removed;
    if (event) write.run(JSON.stringify({ lifecycle: added ? 'recorded' : 'removed', ...event }), row.id);
  }
}

/** By the tag of the migration each belongs to. */
export const dataUpgrades: Readonly<Record<string, Upgrade>> = {
  '0009_agreement_history_raw_values': agreementHistoryToRawValues,
  '0033_audit_cause': lifecycleCausesOfOldEntries,
};
