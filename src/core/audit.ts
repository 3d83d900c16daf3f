import type { Db } from './db/open';
import { auditLog } from './db/schema';

type AuditAction = (typeof auditLog.$inferInsert)['action'];

/** Records one change; call inside the same transaction as the change itself. */
export function recordAudit(
  db: Db,
  change: { entity: string; entityId: number; action: AuditAction; at: string; before: unknown; after: unknown },
): void {
  db.insert(auditLog)
    .values({ ...change, before: change.before ?? null, after: change.after ?? null })
    .run();
}
