/**
 * Unions of cooperatives (liên hiệp HTX) and their member cooperatives: a many-to-many link with
 * the dates a cooperative joined and left.
 */
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { notInTrash } from '../db/predicates';
import { alias } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import { organizationKindNames, type UnionMembership, type unionAddMemberInput, type unionEndMembershipInput } from '../../shared/contracts/organizations';
import { conflict, notFound, validationFailure } from '../../shared/errors';
import { formatIsoDateVi } from '../../shared/text';
import { goneMessage, recordChange, whyNotLive } from '../records';
import { type Context } from '../context';
import { organizations, unionMembers } from '../db/schema';
import { atomically } from '../db/atomic';

const unionOrg = alias(organizations, 'union_org');
const memberOrg = alias(organizations, 'member_org');

/** The links with both sides' names; deleted organizations (in the trash) are left out. */
/**
 * When a link ended: the day the cooperative left the union, or else the day it ceased to exist
 * (dissolved, merged, split) — derived, so that deleting that lifecycle event brings it back.
 */
const linkEnd = sql<string | null>`coalesce(${unionMembers.leftOn}, ${memberOrg.endedOn})`;

function selectLinks(ctx: Context) {
  return ctx.db
    .select({
      linkId: unionMembers.id,
      unionId: unionMembers.unionId,
      unionName: unionOrg.name,
      memberId: unionMembers.memberId,
      memberName: memberOrg.name,
      memberCommuneCode: memberOrg.communeCode,
      joinedOn: unionMembers.joinedOn,
      leftOn: linkEnd,
    })
    .from(unionMembers)
    .innerJoin(unionOrg, and(eq(unionOrg.id, unionMembers.unionId), notInTrash(unionOrg)))
    .innerJoin(memberOrg, and(eq(memberOrg.id, unionMembers.memberId), notInTrash(memberOrg)));
}

type LinkRow = Awaited<ReturnType<ReturnType<typeof selectLinks>['all']>>[number];

function toMembership(ctx: Context, { memberCommuneCode, ...link }: LinkRow): UnionMembership {
  return { ...link, memberCommuneName: ctx.places.commune(memberCommuneCode)?.fullName ?? '' };
}

/** A union's member cooperatives: current ones first, then by name. */
export function membersOfUnion(ctx: Context, unionId: number): UnionMembership[] {
  return selectLinks(ctx)
    .where(eq(unionMembers.unionId, unionId))
    .orderBy(sql`${linkEnd} IS NOT NULL`, asc(memberOrg.nameFolded), asc(unionMembers.id))
    .all()
    .map((link) => toMembership(ctx, link));
}

/** The unions a cooperative belongs or belonged to: current ones first, latest joined first. */
export function unionsOfMember(ctx: Context, memberId: number): UnionMembership[] {
  return selectLinks(ctx)
    .where(eq(unionMembers.memberId, memberId))
    .orderBy(sql`${linkEnd} IS NOT NULL`, desc(unionMembers.joinedOn), asc(unionMembers.id))
    .all()
    .map((link) => toMembership(ctx, link));
}

function linkById(ctx: Context, linkId: number): UnionMembership {
  const link = selectLinks(ctx).where(eq(unionMembers.id, linkId)).get();
  if (!link) throw notFound(goneMessage('liên kết thành viên'));
  return toMembership(ctx, link);
}

function liveOrganization(ctx: Context, id: number, path: string) {
  const row = ctx.db
    .select({ id: organizations.id, kind: organizations.kind, name: organizations.name, endedOn: organizations.endedOn })
    .from(organizations)
    .where(and(eq(organizations.id, id), notInTrash(organizations)))
    .get();
  if (!row) throw validationFailure([{ path, message: whyNotLive(ctx, { table: organizations, noun: 'tổ chức' }, id) }]);
  return row;
}

function linkSnapshot(link: UnionMembership) {
  return { unionId: link.unionId, memberId: link.memberId, joinedOn: link.joinedOn, leftOn: link.leftOn };
}

export function addUnionMember(ctx: Context, input: z.output<typeof unionAddMemberInput>): UnionMembership {
  return atomically(ctx.db, () => {
    const union = liveOrganization(ctx, input.unionId, 'unionId');
    const member = liveOrganization(ctx, input.memberId, 'memberId');
    if (union.id === member.id) {
      throw validationFailure([{ path: 'memberId', message: 'Một tổ chức không thể là thành viên của chính nó.' }]);
    }
    if (union.kind !== 'lhhtx') {
      throw validationFailure([
        {
          path: 'unionId',
          message: `${union.name} là ${organizationKindNames[union.kind].toLowerCase()}, không phải liên hiệp hợp tác xã; chỉ liên hiệp HTX mới có hợp tác xã thành viên.`,
        },
      ]);
    }
    if (member.kind !== 'htx') {
      throw validationFailure([
        {
          path: 'memberId',
          message: `Thành viên của liên hiệp phải là hợp tác xã; ${member.name} là ${organizationKindNames[member.kind].toLowerCase()}.`,
        },
      ]);
    }
    if (member.endedOn) {
      throw validationFailure([
        { path: 'memberId', message: `${member.name} đã chấm dứt hoạt động từ ${formatIsoDateVi(member.endedOn)}, không thể gia nhập liên hiệp.` },
      ]);
    }
    const open = ctx.db
      .select({ id: unionMembers.id, joinedOn: unionMembers.joinedOn })
      .from(unionMembers)
      .where(and(eq(unionMembers.unionId, union.id), eq(unionMembers.memberId, member.id), isNull(unionMembers.leftOn)))
      .get();
    if (open) {
      const since = open.joinedOn ? ` từ ${formatIsoDateVi(open.joinedOn)}` : '';
      throw conflict(
        `${member.name} đang là thành viên của ${union.name}${since}. Nếu hợp tác xã đã rời rồi gia nhập lại, hãy ghi ngày rời trước.`,
      );
    }
    const { id } = ctx.db
      .insert(unionMembers)
      .values({ unionId: union.id, memberId: member.id, joinedOn: input.joinedOn })
      .returning({ id: unionMembers.id })
      .get();
    const link = linkById(ctx, id);
    recordChange(ctx, 'union_member', id, 'create', null, linkSnapshot(link));
    return link;
  });
}

export function endUnionMembership(ctx: Context, input: z.output<typeof unionEndMembershipInput>): UnionMembership {
  return atomically(ctx.db, () => {
    const before = linkById(ctx, input.linkId);
    if (before.joinedOn && input.leftOn < before.joinedOn) {
      throw validationFailure([
        { path: 'leftOn', message: `Ngày rời liên hiệp không được trước ngày gia nhập (${formatIsoDateVi(before.joinedOn)}).` },
      ]);
    }
    ctx.db.update(unionMembers).set({ leftOn: input.leftOn }).where(eq(unionMembers.id, input.linkId)).run();
    const after = linkById(ctx, input.linkId);
    recordChange(ctx, 'union_member', input.linkId, 'update', linkSnapshot(before), linkSnapshot(after));
    return after;
  });
}

/** Removes a link entered by mistake; a cooperative that really left gets a leaving date instead. */
export function removeUnionMember(ctx: Context, linkId: number): null {
  return atomically(ctx.db, () => {
    const before = linkById(ctx, linkId);
    ctx.db.delete(unionMembers).where(eq(unionMembers.id, linkId)).run();
    recordChange(ctx, 'union_member', linkId, 'delete', linkSnapshot(before), null);
    return null;
  });
}
