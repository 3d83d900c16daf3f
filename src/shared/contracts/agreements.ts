/** Agreements (thỏa thuận ký kết): parties, commitments, deliveries, attachments, follow-up notes. */
import { z } from 'zod';
import {
  agreementKinds,
  agreementPartyKinds,
  agreementPartyRoles,
  agreementStatuses,
  type AgreementKind,
  type AgreementPartyKind,
  type AgreementPartyRole,
  type AgreementStatus,
  type OrganizationStatus,
  type Page,
} from '../domain';
import { agreementFollowUps, hasEntryDecimals, QUANTITY_ENTRY_DECIMALS, type Fulfilment, type FulfilmentBasis, type UnitTotal } from '../agreements';
import type { UnitFacts } from '../supply';
import { formatIsoDateVi } from '../text';
import { channel, confirmedSimilarIds, isoDate, listOf, optionalCount, optionalIsoDate, optionalText, pageInput, requiredText, searchText } from './define';
import { fileId, type FileChunk } from './files';

const id = z.number({ error: 'Chưa chọn.' }).int().positive();



/** A quantity in a commitment or a delivery: a number greater than 0, in the commitment's unit. */
function positiveQuantity(label: string) {
  return z
    .number({ error: `${label} phải là một số.` })
    .positive({ error: `${label} phải lớn hơn 0.` })
    .max(1e12, { error: `${label} lớn quá mức cho phép.` })
    .refine(hasEntryDecimals, { error: `${label} ghi tối đa ${QUANTITY_ENTRY_DECIMALS} chữ số sau dấu phẩy.` });
}

/** A position in the agreement's list of parties, counted from 0. */
const partyPosition = z
  .number()
  .int()
  .min(0)
  .nullable()
  .optional()
  .transform((value) => value ?? null);

const partyInput = z.object({
  /** The stored party being edited, so that the commitments naming it keep it; absent for a new one. */
  partyId: id.optional(),
  kind: z.enum(agreementPartyKinds, { error: 'Chưa chọn bên ký.' }),
  /** The organization's or partner's id; absent for the alliance itself. */
  id: id.nullable().optional().transform((value) => value ?? null),
  role: z.enum(agreementPartyRoles, { error: 'Chưa chọn vai trò của bên này.' }),
});
export type AgreementPartyInput = z.input<typeof partyInput>;

const commitmentInput = z.object({
  /** The commitment being edited, so that its deliveries stay with it; absent for a new one. */
  id: id.optional(),
  product: requiredText('Sản phẩm', 200),
  quantity: positiveQuantity('Số lượng cam kết'),
  unit: requiredText('Đơn vị tính', 30),
  /** In đồng. */
  value: optionalCount('Giá trị'),
  startsOn: optionalIsoDate('Ngày bắt đầu'),
  dueOn: optionalIsoDate('Hạn hoàn thành'),
  /** Bên cung ứng: the position (from 0) in `parties` of the party that supplies it; null when not said. */
  supplierParty: partyPosition,
  /** Bên nhận: the position in `parties` of the party that receives it. */
  receiverParty: partyPosition,
});
export type AgreementCommitmentInput = z.input<typeof commitmentInput>;

const agreementFields = {
  kind: z.enum(agreementKinds, { error: 'Chưa chọn loại thỏa thuận.' }),
  number: optionalText('Số thỏa thuận', 100),
  title: requiredText('Tên thỏa thuận', 500),
  /** A draft is not signed yet: its signing date is not kept. */
  draft: z.boolean().optional().default(false),
  signedOn: optionalIsoDate('Ngày ký'),
  /** The event it was signed at, if any. */
  eventId: id.nullable().optional().transform((value) => value ?? null),
  validFrom: optionalIsoDate('Hiệu lực từ ngày'),
  validUntil: optionalIsoDate('Hiệu lực đến ngày'),
  note: optionalText('Ghi chú', 2000),
  parties: z.array(partyInput).max(50, { error: 'Một thỏa thuận ghi tối đa 50 bên.' }),
  commitments: z.array(commitmentInput).max(200, { error: 'Một thỏa thuận ghi tối đa 200 cam kết.' }),
  /** The agreements (not in the trash) of the same number the person was shown. */
  confirmedSimilarIds,
  /**
   * The person has been told that a commitment's quantity is now below what was already delivered
   * on it (the rest reads as delivered over); without it such a save is refused at the quantity.
   */
  confirmBelowDelivered: z.boolean().optional().default(false),
};

type AgreementShape = z.output<z.ZodObject<typeof agreementFields>>;

/** What the schema can check alone; that the parties and the event exist is the service's job. */
function agreementRules(value: AgreementShape, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (!value.draft && value.signedOn === null) {
    issue(['signedOn'], 'Chưa nhập ngày ký. Nếu thỏa thuận chưa được ký, hãy chọn «Bản dự thảo».');
  }
  if (value.validFrom && value.validUntil && value.validUntil < value.validFrom) {
    issue(['validUntil'], `Hiệu lực đến ngày không được trước ngày bắt đầu hiệu lực (${formatIsoDateVi(value.validFrom)}).`);
  }
  if (!value.draft && value.signedOn && value.validUntil && value.validUntil < value.signedOn) {
    issue(['validUntil'], `Hiệu lực đến ngày không được trước ngày ký (${formatIsoDateVi(value.signedOn)}).`);
  }
  if (value.parties.length < 2) {
    issue(['parties'], 'Thỏa thuận cần ít nhất hai bên ký.');
  } else if (value.parties.every((party) => party.kind === 'alliance')) {
    issue(['parties'], 'Cần ít nhất một bên không phải Liên minh: một tổ chức thành viên hoặc một đối tác.');
  }
  const seen = new Set<string>();
  value.parties.forEach((party, index) => {
    if (party.kind !== 'alliance' && party.id === null) {
      issue(['parties', index, 'id'], `Bên thứ ${index + 1}: chưa chọn tổ chức thành viên hoặc đối tác.`);
      return;
    }
    const key = `${party.kind}:${String(party.id)}`;
    if (seen.has(key)) issue(['parties', index, 'id'], `Bên thứ ${index + 1} đã có ở trên; mỗi bên chỉ ghi một lần.`);
    seen.add(key);
  });
  value.commitments.forEach((commitment, index) => {
    if (commitment.startsOn && commitment.dueOn && commitment.dueOn < commitment.startsOn) {
      issue(['commitments', index, 'dueOn'], `Cam kết thứ ${index + 1}: hạn hoàn thành không được trước ngày bắt đầu.`);
    }
    for (const side of ['supplierParty', 'receiverParty'] as const) {
      const position = commitment[side];
      if (position !== null && position >= value.parties.length) {
        issue(['commitments', index, side], `Cam kết thứ ${index + 1}: bên đã chọn không còn trong danh sách các bên ký; hãy chọn lại.`);
      }
    }
    if (commitment.supplierParty !== null && commitment.supplierParty === commitment.receiverParty) {
      issue(['commitments', index, 'receiverParty'], `Cam kết thứ ${index + 1}: bên nhận phải khác bên cung ứng.`);
    }
  });
}

export const agreementInput = z.object(agreementFields).superRefine(agreementRules);
export type AgreementInput = z.input<typeof agreementInput>;
export type ParsedAgreementInput = z.output<typeof agreementInput>;

export const agreementUpdateInput = z.object({ id, ...agreementFields }).superRefine(agreementRules);
export type AgreementUpdateInput = z.input<typeof agreementUpdateInput>;

export const agreementNumberCheckInput = z.object({
  number: optionalText('Số thỏa thuận', 100),
  /** The agreement being edited, which does not share a number with itself. */
  excludeId: id.optional(),
});
export type AgreementNumberCheckInput = z.input<typeof agreementNumberCheckInput>;

/** Another agreement with the number being typed. */
export interface AgreementNumberUse {
  id: number;
  number: string;
  title: string;
  signedOn: string | null;
}

/** A member organization or a partner whose agreements are asked for. */
export const counterpartInput = z.object({ kind: z.enum(['organization', 'partner']), id });
export type CounterpartInput = z.input<typeof counterpartInput>;

export const agreementListInput = z.object({
  /** Over title, number, the parties' names and the products committed; ignores case and diacritics (đ→d). */
  search: searchText().optional().default(''),
  kind: z.enum(agreementKinds).optional(),
  /** Status on the day asked, the same rule as everywhere (see shared/agreements.ts). */
  statuses: listOf(z.enum(agreementStatuses), 10, 'trạng thái').optional(),
  /**
   * After it ran out: still followed — unfinished and nobody closed its follow-up, as Cần chú ý
   * lists it (`needsClosing`) — or its follow-up closed by a person.
   */
  followUp: z.enum(agreementFollowUps).optional(),
  eventId: id.optional(),
  /** Signed in this year. */
  year: z.number().int().min(1900).max(2200).optional(),
  counterpart: counterpartInput.optional(),
  ...pageInput,
});
export type AgreementListInput = z.input<typeof agreementListInput>;

export const deliveryInput = z.object({
  commitmentId: id,
  deliveredOn: isoDate('Ngày giao hàng'),
  quantity: positiveQuantity('Số lượng giao'),
  /**
   * The unit the quantity is written in, by its name in Danh mục («kg»); absent or empty: the
   * commitment's. Another unit of the same kind is converted into the commitment's and kept as written.
   */
  unit: optionalText('Đơn vị', 30),
  /** In đồng. */
  value: optionalCount('Giá trị'),
  note: optionalText('Ghi chú', 1000),
});
export type DeliveryInput = z.input<typeof deliveryInput>;

export const deliveryUpdateInput = deliveryInput.omit({ commitmentId: true }).extend({ id });
export type DeliveryUpdateInput = z.input<typeof deliveryUpdateInput>;

export const terminateInput = z.object({
  id,
  terminatedOn: isoDate('Ngày chấm dứt'),
  reason: requiredText('Lý do chấm dứt', 1000),
});
export type TerminateInput = z.input<typeof terminateInput>;

/** Kết thúc theo dõi: an agreement that ran out unfinished is let go, from a day, for a reason. */
export const closeInput = z.object({
  id,
  closedOn: isoDate('Ngày kết thúc theo dõi'),
  reason: requiredText('Lý do kết thúc theo dõi', 1000),
});
export type CloseInput = z.input<typeof closeInput>;

export const noteInput = z.object({
  agreementId: id,
  notedOn: isoDate('Ngày ghi'),
  text: requiredText('Nội dung theo dõi', 2000),
});
export type AgreementNoteInput = z.input<typeof noteInput>;

/** One side of an agreement, with the name it has now. */
export interface AgreementParty {
  /** The party's own row, which commitments name as their supplier or receiver. */
  id: number;
  kind: AgreementPartyKind;
  /** The organization's or partner's id; null for the alliance itself. */
  counterpartId: number | null;
  name: string;
  role: AgreementPartyRole;
  /** The organization or partner is in the Thùng rác: shown so, to be restored rather than swapped. */
  inTrash: boolean;
  /** A member organization that has ended (dissolved, bankrupt, reorganized): how, and from which day. */
  ended: { status: OrganizationStatus; endedOn: string } | null;
}

/** An agreement as lists show it. */
export interface AgreementSummary {
  id: number;
  kind: AgreementKind;
  number: string;
  title: string;
  signedOn: string | null;
  eventId: number | null;
  eventTitle: string | null;
  validFrom: string | null;
  validUntil: string | null;
  terminatedOn: string | null;
  parties: AgreementParty[];
  /** Sum of the commitments' values in đồng; null when none has a value. */
  totalValue: number | null;
  /** Tỷ lệ thực hiện today, 0..100; null without commitments. */
  fulfilment: number | null;
  /** What it is weighed by: the commitments' values, or each commitment alike (see `fulfilmentOf`). */
  fulfilmentBasis: FulfilmentBasis | null;
  /** Commitments without a value, left out of a rate by value (`Fulfilment.unvalued`). */
  fulfilmentUnvalued: number;
  /** Of those, the ones not delivered in full (`Fulfilment.unvaluedShort`). */
  fulfilmentUnvaluedShort: number;
  status: AgreementStatus;
  /** Kết thúc theo dõi: the day its follow-up was closed, after it ran out unfinished. */
  closedOn: string | null;
  /** Ran out with commitments unfinished and nobody has closed its follow-up yet. */
  needsClosing: boolean;
}

export interface AgreementCommitment {
  id: number;
  product: string;
  quantity: number;
  unit: string;
  /** In đồng. */
  value: number | null;
  startsOn: string | null;
  dueOn: string | null;
  /** Delivered up to today, in the commitment's unit; may exceed the quantity. */
  delivered: number;
  /** 0..100, capped at 100. */
  fulfilment: number;
  /** Its due day, or else the end of the agreement's validity. */
  dueDay: string | null;
  overdue: boolean;
  /** The party (its `AgreementParty.id`) that supplies it, and the one that receives it. */
  supplierPartyId: number | null;
  receiverPartyId: number | null;
  /**
   * The units a delivery may be written in: the commitment's own first (as Danh mục names it), then
   * those Danh mục converts it to exactly (tạ, yến, kg of a commitment in tấn). Empty when Danh mục
   * does not know its unit: a delivery is then written in it alone.
   */
  deliveryUnits: DeliveryUnit[];
}

/** A unit of Danh mục a delivery may be written in, with what converting it needs (`convertQuantity`). */
export interface DeliveryUnit extends UnitFacts {
  name: string;
}

/** How far one party has done what it supplies, and received what it is owed. */
export interface PartyFulfilment {
  partyId: number;
  /** Of the commitments it supplies; null when it supplies none. */
  supplied: Fulfilment | null;
  suppliedCount: number;
  /** Of the commitments it receives; null when it receives none. */
  received: Fulfilment | null;
  receivedCount: number;
}

export interface AgreementDelivery {
  id: number;
  commitmentId: number;
  product: string;
  unit: string;
  deliveredOn: string;
  /** In the commitment's unit. */
  quantity: number;
  /** As written, when in another unit than the commitment's (500 kg, stored as 0,5 tấn); else null. */
  written: { quantity: number; unit: string } | null;
  /** In đồng. */
  value: number | null;
  note: string;
}

export interface AgreementAttachment {
  id: number;
  fileName: string;
  size: number;
  mediaType: string;
  addedAt: string;
}

export interface AgreementNote {
  id: number;
  notedOn: string;
  text: string;
}

/** Everything about one agreement, for its page. */
export interface AgreementDetail extends AgreementSummary {
  terminationReason: string;
  closingReason: string;
  /** Per party, in the order of `parties`: only parties named by some commitment. */
  partyFulfilment: PartyFulfilment[];
  note: string;
  createdAt: string;
  updatedAt: string;
  commitments: AgreementCommitment[];
  /** Newest first. */
  deliveries: AgreementDelivery[];
  /** Committed and delivered per unit, never across units. */
  unitTotals: UnitTotal[];
  attachments: AgreementAttachment[];
  /** Newest first. */
  notes: AgreementNote[];
}

/** An agreement on the page of one of its parties, with how far that party's part is done. */
export interface CounterpartAgreement extends AgreementSummary {
  supplied: Fulfilment | null;
  received: Fulfilment | null;
}

/** The agreements a member organization or a partner is a party to, and its part in all of them. */
export interface CounterpartAgreements {
  agreements: CounterpartAgreement[];
  /** Over every commitment it supplies in its signed agreements not terminated. */
  supplied: Fulfilment | null;
  suppliedCount: number;
  received: Fulfilment | null;
  receivedCount: number;
}

export interface DeletedAgreement extends AgreementSummary {
  deletedAt: string;
}

/** Scans larger than this are refused; a scanned contract of a few pages is a few megabytes. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

/** What can be attached, by extension: scans, photos and office documents. */
export const attachmentMediaTypes: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  heic: 'image/heic',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const agreementsContract = {
  'agreements:list': channel<Page<AgreementSummary>>()(agreementListInput),
  'agreements:get': channel<AgreementDetail>()(z.object({ id })),
  'agreements:create': channel<AgreementSummary>()(agreementInput),
  'agreements:update': channel<AgreementSummary>()(agreementUpdateInput),
  'agreements:delete': channel<null>()(z.object({ id })),
  'agreements:restore': channel<AgreementSummary>()(z.object({ id })),
  'agreements:trash': channel<Page<DeletedAgreement>>()(z.object({ ...pageInput })),
  /**
   * The agreements not in the trash that have this number, written the same way up to case, spaces
   * and the Đ of HĐ ("01/2026/HĐLK" = "01/2026/hdlk"); none for a blank number.
   */
  'agreements:checkNumber': channel<AgreementNumberUse[]>()(agreementNumberCheckInput),
  /** Every agreement signed at an event, newest first. */
  'agreements:ofEvent': channel<AgreementSummary[]>()(z.object({ eventId: id })),
  /** Every agreement a member organization or a partner is a party to, newest first, with its part in each. */
  'agreements:ofCounterpart': channel<CounterpartAgreements>()(counterpartInput),
  'agreements:addDelivery': channel<AgreementDelivery>()(deliveryInput),
  'agreements:updateDelivery': channel<AgreementDelivery>()(deliveryUpdateInput),
  'agreements:removeDelivery': channel<null>()(z.object({ id })),
  'agreements:terminate': channel<AgreementSummary>()(terminateInput),
  /** Kết thúc theo dõi of an agreement that ran out with commitments unfinished. */
  'agreements:close': channel<AgreementSummary>()(closeInput),
  /** Takes a closed follow-up back: the agreement is chased again. */
  'agreements:reopen': channel<AgreementSummary>()(z.object({ id })),
  'agreements:addNote': channel<AgreementNote>()(noteInput),
  'agreements:removeNote': channel<null>()(z.object({ id })),
  /** Moves an uploaded file (see files:begin) into the agreement's folder. */
  'agreements:addAttachment': channel<AgreementAttachment>()(z.object({ agreementId: id, fileId })),
  'agreements:removeAttachment': channel<null>()(z.object({ id })),
  'agreements:readAttachment': channel<FileChunk>()(z.object({ attachmentId: id, offset: z.number().int().min(0).default(0) })),
  /** In the desktop app, opens the file with the system's viewer; elsewhere answers opened: false. */
  'agreements:openAttachment': channel<{ opened: boolean }>()(z.object({ attachmentId: id })),
};
