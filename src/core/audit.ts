import type { Db } from './db/open';
import { jsonPlaceholder, jsonText, perConnection, placeholdersFor } from './db/prepared';
import { auditLog } from './db/schema';

type AuditAction = (typeof auditLog.$inferInsert)['action'];

const insertAudit = perConnection((db) =>
  db
    .insert(auditLog)
    .values({ ...placeholdersFor({ entity: true, entityId: true, action: true, at: true }), before: jsonPlaceholder('before'), after: jsonPlaceholder('after') })
    .prepare(),
);

/** Records one change; call inside the same transaction as the change itself. */
export function recordAudit(
  db: Db,
  change: { entity: string; entityId: number; action: AuditAction; at: string; before: unknown; after: unknown },
): void {
  insertAudit(db).run({ ...change, before: jsonText(change.before), after: jsonText(change.after) });
}
