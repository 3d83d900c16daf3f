/** Quá trình hoạt động: founding, renaming, suspension, reorganization, dissolution, bankruptcy. */
import { z } from 'zod';
import { lifecycleEventKinds } from '../domain';
import type { LifecycleEventKind, LifecycleRole, OrganizationKind } from '../domain';
import { channel, isoDate, listOf, optionalText } from './define';
import { organizationInput } from './organizations';

export interface LifecycleParticipant {
  organizationId: number;
  /** Its name today (a renamed organization shows its current name). */
  name: string;
  kind: OrganizationKind;
  role: LifecycleRole;
  /** Present when the organization is in the Thùng rác: a screen must not say it is in the register. */
  inTrash?: true;
}

export interface LifecycleEvent {
  id: number;
  kind: LifecycleEventKind;
  date: string;
  decisionNo: string;
  note: string;
  /** For a renaming: the name before and the name after; null for other kinds. */
  oldName: string | null;
  newName: string | null;
  /** Everyone the event concerns, the organization asked about included. */
  participants: LifecycleParticipant[];
  createdAt: string;
}

/**
 * What a conversion («Chuyển đổi») carries from the organization converted to the one after it:
 * the same people, place and business under a new kind. The address only within one commune.
 */
export const conversionCarriedFields = [
  'street',
  'oldAddress',
  'sectorCode',
  'phone',
  'email',
  'website',
  'representative',
  'charterCapital',
  'sizeClass',
  'memberSince',
] as const;
export type ConversionCarriedField = (typeof conversionCarriedFields)[number];

/**
 * What the organization after a conversion took over: only what it lacked, so that one already in
 * the register keeps everything stored of it.
 */
export interface ConversionCarryOver {
  /** The organization after the conversion, and the one converted. */
  name: string;
  from: string;
  /** The fields it lacked and took over. */
  fields: ConversionCarriedField[];
  /** The fields it already had, kept though the converted one's say otherwise. */
  kept: ConversionCarriedField[];
  /** Contact people, products and certificates it did not have, added. */
  contacts: number;
  products: number;
  certifications: number;
}

/** An event as recorded, with what a conversion carried over (null for other kinds). */
export interface RecordedLifecycleEvent extends LifecycleEvent {
  carriedOver: ConversionCarryOver | null;
}

/** An organization's events, with its own role in each first-hand. */
export interface OrganizationLifecycleEvent extends LifecycleEvent {
  /** The role of the organization the list was asked for. */
  role: LifecycleRole;
}

const organizationId = z.number().int().positive();

/**
 * Which fields a kind needs (the service checks and says what is missing):
 * founding, renaming (+ newName), suspension, resumption, dissolution, bankruptcy: subjectId;
 * split: one predecessor, two or more successors; separation: subjectId, one or more successors;
 * consolidation: two or more predecessors, exactly one successor; merger: subjectId absorbing one
 * or more predecessors. Successors are existing organizations (successorIds) or new ones created
 * with the event (newSuccessors), or both.
 */
export const lifecycleRecordInput = z.object({
  kind: z.enum(lifecycleEventKinds, { error: 'Chưa chọn loại sự kiện.' }),
  date: isoDate('Ngày quyết định'),
  decisionNo: optionalText('Số quyết định', 100),
  note: optionalText('Ghi chú', 1000),
  subjectId: organizationId.nullable().optional().transform((value) => value ?? null),
  predecessorIds: listOf(organizationId, 100, 'tổ chức trước đó').default([]),
  successorIds: listOf(organizationId, 100, 'tổ chức kế tiếp').default([]),
  newSuccessors: listOf(organizationInput, 50, 'tổ chức mới').default([]),
  newName: optionalText('Tên mới', 300),
});
export type LifecycleRecordInput = z.input<typeof lifecycleRecordInput>;

export const lifecycleContract = {
  /** Records an event (creating new successors), then brings every participant's status up to date. */
  'lifecycle:record': channel<RecordedLifecycleEvent>()(lifecycleRecordInput),
  /** One organization's events, date ascending. */
  'lifecycle:list': channel<OrganizationLifecycleEvent[]>()(z.object({ organizationId })),
  /** Deletes an event and recomputes the status of everyone it concerned. */
  'lifecycle:delete': channel<null>()(z.object({ eventId: organizationId })),
};
