import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Lookups, lookupContract } from '../../shared/contracts/lookups';
import { organizationKinds, type OrganizationKind } from '../../shared/domain';
import type { Context } from '../context';
import { certificationKinds, sectors, settings, sizeClasses } from '../db/schema';
import type { HandlersFor } from '../handlerTypes';

const minimumMembersSetting = z.record(z.string(), z.number().int().min(0));

/**
 * The `minimum_members` setting, per kind. A kind the setting leaves out, or a setting edited into
 * something unreadable, gives 0: no warning rather than a wrong one.
 */
export function readMinimumMembers(ctx: Context): Record<OrganizationKind, number> {
  const row = ctx.db.select({ value: settings.value }).from(settings).where(eq(settings.key, 'minimum_members')).get();
  const parsed = minimumMembersSetting.safeParse(row?.value);
  const values = parsed.success ? parsed.data : {};
  return Object.fromEntries(organizationKinds.map((kind) => [kind, values[kind] ?? 0])) as Record<OrganizationKind, number>;
}

export function getLookups(ctx: Context): Lookups {
  return {
    sectors: ctx.db
      .select({ code: sectors.code, name: sectors.name, group: sectors.group })
      .from(sectors)
      .orderBy(asc(sectors.sortOrder), asc(sectors.code))
      .all(),
    sizeClasses: ctx.db
      .select({ code: sizeClasses.code, name: sizeClasses.name })
      .from(sizeClasses)
      .orderBy(asc(sizeClasses.sortOrder), asc(sizeClasses.code))
      .all(),
    certificationKinds: ctx.db
      .select({ code: certificationKinds.code, name: certificationKinds.name, hasStars: certificationKinds.hasStars })
      .from(certificationKinds)
      .orderBy(asc(certificationKinds.sortOrder), asc(certificationKinds.code))
      .all(),
    minimumMembers: readMinimumMembers(ctx),
  };
}

export const lookupHandlers: HandlersFor<typeof lookupContract> = {
  'lookups:get': (ctx) => getLookups(ctx),
};
