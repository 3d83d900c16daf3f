/**
 * The audit trail and change history of the four kinds of record of supply–demand connection
 * (offers, demands, connections, programmes), kept in this one place so that they move together
 * onto the record machinery being built for every kind. Each kind describes its fields (label, and
 * whether a value is a date); its service gives a snapshot of those fields, with names resolved,
 * and this module records it and reads it back as Lịch sử thay đổi.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { FieldChange, HistoryValue } from '../../shared/contracts/organizations';
import type { SupplyHistoryEntry } from '../../shared/contracts/supply';
import { notFound } from '../../shared/errors';
import { formatIsoDateVi } from '../../shared/text';
import { recordAudit } from '../audit';
import { timestamp, type Context } from '../context';
import { auditLog } from '../db/schema';

export type SupplyEntity = 'supply_offer' | 'supply_demand' | 'supply_connection' | 'programme';

export interface FieldDescription {
  label: string;
  /** ISO dates are shown dd/mm/yyyy in the history. */
  date?: true;
}

/** What the audit trail keeps of a record: its described fields, displayable. */
export type Snapshot = Record<string, HistoryValue>;

export type AuditAction = 'create' | 'update' | 'delete' | 'restore';

/** Records a change; an update that changed nothing described is not recorded. */
export function auditRecord(ctx: Context, entity: SupplyEntity, id: number, action: AuditAction, before: Snapshot | null, after: Snapshot | null): void {
  if (action === 'update' && JSON.stringify(before) === JSON.stringify(after)) return;
  recordAudit(ctx.db, { entity, entityId: id, action, at: timestamp(ctx), before, after });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shown(field: FieldDescription, value: unknown): HistoryValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && field.date) return formatIsoDateVi(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/**
 * Lịch sử thay đổi of one record, newest first. `exists` says whether the record is there at all
 * (in the trash too: its history is what one reads before restoring).
 */
export function recordHistory(
  ctx: Context,
  entity: SupplyEntity,
  id: number,
  fields: Record<string, FieldDescription>,
  exists: boolean,
  missing: string,
): SupplyHistoryEntry[] {
  if (!exists) throw notFound(missing);
  const rows = ctx.db
    .select({ at: auditLog.at, action: auditLog.action, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, id)))
    .orderBy(desc(auditLog.id))
    .all();
  return rows.map(({ at, action, before, after }) => {
    const changes: FieldChange[] = [];
    if (action === 'delete' || action === 'restore') return { at, action, changes };
    for (const [key, field] of Object.entries(fields)) {
      const was = shown(field, isRecord(before) ? before[key] : undefined);
      const is = shown(field, isRecord(after) ? after[key] : undefined);
      if (was === is || ((was === null || was === '') && (is === null || is === ''))) continue;
      changes.push({ field: key, label: field.label, before: was, after: is });
    }
    return { at, action, changes };
  });
}
