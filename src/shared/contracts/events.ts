/** Trade-promotion events (sự kiện xúc tiến thương mại) and who took part in them. */
import { z } from 'zod';
import {
  DEFAULT_PARTICIPANT_ROLE,
  participantStatuses,
  type EventKind,
  type OrganizationKind,
  type OrganizationStatus,
  type Page,
  type ParticipantRole,
  type ParticipantStatus,
  type PartnerKind,
} from '../domain';
import { channel, confirmedSimilarIds, isoDate, none, listOf, optionalCount, optionalIsoDate, optionalText, optionalTimeOfDay, pageInput, requiredText, searchText } from './define';
import { withoutControlCharacters } from '../text';

const id = z.number().int().positive();

/** A code of an office-edited lookup (event kinds, participant roles); the service checks it exists. */
function lookupCode(missing: string) {
  return z.string({ error: missing }).min(1, { error: missing }).max(40);
}

/** Who takes part: a member organization of the register, or a partner. */
export const participantKinds = ['organization', 'partner'] as const;
export type ParticipantKind = (typeof participantKinds)[number];

/**
 * Text of several lines (description, outcome): NFC and trimmed, but its line breaks kept, unlike
 * `optionalText`, which folds all white space to single spaces.
 */
function optionalParagraphs(label: string, max: number) {
  return z
    .string({ error: `${label}: cần nhập chữ.` })
    .optional()
    .transform((value) => withoutControlCharacters(value ?? '').normalize('NFC').replace(/[ \t]+$/gm, '').trim())
    .pipe(z.string().max(max, { error: `${label} dài quá ${max} ký tự.` }));
}

const eventFields = {
  kind: lookupCode('Chưa chọn loại sự kiện.'),
  title: requiredText('Tên sự kiện', 300),
  startsOn: isoDate('Ngày bắt đầu'),
  startsAt: optionalTimeOfDay('Giờ bắt đầu'),
  /** Blank for an event of one day: it ends the day it starts. */
  endsOn: optionalIsoDate('Ngày kết thúc'),
  venue: optionalText('Địa điểm', 300),
  /** The province it is held in; required unless its kind is held online (the lookup says), when it has none. */
  provinceCode: z
    .string()
    .nullable()
    .optional()
    .transform((value) => (value ? value : null)),
  organizer: optionalText('Đơn vị tổ chức', 300),
  coOrganizers: optionalText('Đơn vị phối hợp', 500),
  /** In đồng. */
  budget: optionalCount('Kinh phí'),
  description: optionalParagraphs('Nội dung', 5000),
  outcome: optionalParagraphs('Kết quả', 5000),
  /** The events already recorded of its kind, day and name the person was shown. */
  confirmedSimilarIds,
};

function eventRules(
  value: { startsOn: string; endsOn: string | null },
  ctx: z.RefinementCtx,
): void {
  if (value.endsOn !== null && value.endsOn < value.startsOn) {
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'Ngày kết thúc không được trước ngày bắt đầu.' });
  }
}

export const eventInput = z.object(eventFields).superRefine(eventRules);
export type EventInput = z.input<typeof eventInput>;
export type ParsedEventInput = z.output<typeof eventInput>;

export const eventUpdateInput = z.object({ id, ...eventFields }).superRefine(eventRules);
export type EventUpdateInput = z.input<typeof eventUpdateInput>;

export const eventSortKeys = ['startsOn', 'title'] as const;
export type EventSortKey = (typeof eventSortKeys)[number];

export const eventListInput = z.object({
  /** Search as you type over title and venue; ignores case and diacritics (đ→d). */
  search: searchText().optional().default(''),
  kind: lookupCode('Chưa chọn loại sự kiện.').optional(),
  provinceCode: z.string().regex(/^\d{2}$/).optional(),
  /** Events that take place (at least partly) in this year. */
  year: z.number().int().min(1900).max(2200).optional(),
  /** Events that take place (at least partly) between these dates. */
  from: optionalIsoDate('Từ ngày'),
  to: optionalIsoDate('Đến ngày'),
  /** Upcoming: not yet ended today; past: ended before today. */
  when: z.enum(['upcoming', 'past']).optional(),
  sort: z
    .object({ by: z.enum(eventSortKeys), direction: z.enum(['asc', 'desc']).default('desc') })
    .optional()
    .default({ by: 'startsOn', direction: 'desc' }),
  ...pageInput,
});
export type EventListInput = z.input<typeof eventListInput>;

export const participantAddInput = z.object({
  eventId: id,
  participants: z
    .array(
      z.object({
        kind: z.enum(participantKinds),
        id,
        role: lookupCode('Chưa chọn vai trò.').optional().default(DEFAULT_PARTICIPANT_ROLE),
        status: z.enum(participantStatuses).optional().default('invited'),
      }),
    )
    .min(1, { error: 'Chưa chọn đơn vị nào để thêm vào thành phần tham dự.' })
    .max(1000, { error: 'Mỗi lần thêm tối đa 1.000 đơn vị vào thành phần tham dự.' }),
});
export type ParticipantAddInput = z.input<typeof participantAddInput>;

/**
 * The longest «Người đại diện» of a participant: who came for it, as written on the sign-in sheet —
 * every signer of one unit, each once (a cooperative sends a dozen members to a training course),
 * so room for about fifty names rather than one person's 200 characters.
 */
export const REPRESENTATIVE_MAX = 1000;

export const participantUpdateInput = z.object({
  id,
  role: lookupCode('Chưa chọn vai trò.').optional(),
  status: z.enum(participantStatuses).optional(),
  representative: optionalText('Người đại diện', REPRESENTATIVE_MAX).optional(),
  note: optionalText('Ghi chú', 500).optional(),
});
export type ParticipantUpdateInput = z.input<typeof participantUpdateInput>;

export const attendanceInput = z.object({
  eventId: id,
  /** Participants (their ids in `EventParticipant`) to mark Có mặt. */
  attendedIds: listOf(id, 5000, 'đơn vị có mặt').default([]),
  /** Participants to mark Vắng. */
  absentIds: listOf(id, 5000, 'đơn vị vắng').default([]),
  /** Who signed for a participant on the sheet; recorded as its representative. */
  representatives: z
    .array(z.object({ id, representative: optionalText('Người đại diện', REPRESENTATIVE_MAX) }))
    .max(5000, { error: 'Chọn tối đa 5.000 người đại diện.' })
    .default([]),
  /** Members or partners who signed without being among the participants: added, Có mặt. */
  newcomers: z
    .array(z.object({ kind: z.enum(participantKinds), id, representative: optionalText('Người đại diện', REPRESENTATIVE_MAX) }))
    .max(1000, { error: 'Mỗi lần thêm tối đa 1.000 đơn vị vào thành phần tham dự.' })
    .default([]),
});
export type AttendanceInput = z.input<typeof attendanceInput>;

export const signInMatchInput = z.object({
  eventId: id,
  /** Names pasted from a sign-in sheet, one a line. */
  text: z.string().max(100_000, { error: 'Danh sách dán vào dài quá; hãy dán từng phần.' }).transform(withoutControlCharacters),
});

/** An event as the list shows it. */
export interface EventSummary {
  id: number;
  kind: EventKind;
  title: string;
  startsOn: string;
  /** `HH:MM`, or null when not said. */
  startsAt: string | null;
  endsOn: string;
  venue: string;
  /** Null for an online meeting. */
  provinceCode: string | null;
  provinceName: string;
  organizer: string;
  /** In đồng. */
  budget: number | null;
  /** Member organizations taking part, whatever their status. */
  organizationCount: number;
  partnerCount: number;
  /** Participants marked Có mặt. */
  attendedCount: number;
}

/** One member organization or partner in Thành phần tham dự. */
export interface EventParticipant {
  id: number;
  kind: ParticipantKind;
  /** The organization's or partner's own id. */
  counterpartId: number;
  name: string;
  /** HTX, THT, … for an organization; null for a partner. */
  organizationKind: OrganizationKind | null;
  /** Doanh nghiệp, chợ đầu mối, … for a partner; null for an organization. */
  partnerKind: PartnerKind | null;
  /** Commune of an organization, province of a partner. */
  place: string;
  role: ParticipantRole;
  status: ParticipantStatus;
  representative: string;
  note: string;
  /** Its organization or partner is in the trash: listed, marked, and counted in no number. */
  inTrash: boolean;
  /**
   * A member organization that has ended (dissolved, reorganized…): its status and end date, and
   * whether it had ended by the event's first day (`endedRefusal`), when it cannot have taken part
   * and is never recorded present. Null for a partner or a member still active.
   */
  ended: { status: OrganizationStatus; endedOn: string; beforeEvent: boolean } | null;
}

/** An event one member organization or partner took part in, with its role and attendance there. */
export interface CounterpartEvent {
  eventId: number;
  participantId: number;
  kind: EventKind;
  title: string;
  startsOn: string;
  endsOn: string;
  provinceName: string;
  role: ParticipantRole;
  status: ParticipantStatus;
}

export interface EventDetail extends EventSummary {
  /** Its first day is after today: attendance (Có mặt, Vắng) cannot be recorded yet, only invitations. */
  notYetHeld: boolean;
  coOrganizers: string;
  description: string;
  outcome: string;
  createdAt: string;
  updatedAt: string;
  /** Organizations first, then partners, each in Vietnamese alphabetical order. */
  participants: EventParticipant[];
}

export interface DeletedEvent extends EventSummary {
  deletedAt: string;
}

export interface ParticipantsAdded {
  added: number;
  /** Already taking part, so left as they were. */
  skipped: number;
}

export interface AttendanceMarked {
  /** Có mặt, the newcomers among them. */
  attended: number;
  absent: number;
  /** Units added to the participants because they signed. */
  added: number;
}

/** A participant a line of the sign-in sheet may name. */
export interface SignInCandidate {
  participantId: number;
  name: string;
  status: ParticipantStatus;
}

/** A member organization or a partner, not among the participants, that a line of the sheet names. */
export interface SignInNewcomer {
  kind: ParticipantKind;
  id: number;
  name: string;
  /** Its commune (a member) or province (a partner), to tell two of one name apart. */
  place: string;
  /**
   * Why it cannot be added: it had ended by the event's first day (`endedRefusal`), with its status
   * and end date as the participant picker says them; or it is in the trash. Absent when it can.
   */
  barred?: { reason: 'ended'; status: OrganizationStatus; endedOn: string } | { reason: 'trash' };
}

/** One line of a pasted sign-in sheet and what it matched among the participants. */
export interface SignInLine {
  /** The line as pasted, trimmed. */
  line: string;
  /** Where it starts in the pasted text, counted from 1 as the text box counts its lines. */
  lineNumber: number;
  /** The unit's name read from it, without numbering and representative. */
  name: string;
  /** Who signed: the signers' column of a spreadsheet's row, or what a typed line holds besides the unit's name, as typed. */
  representative: string;
  /**
   * One participant, several to choose from (or one whose name the line only resembles, words left
   * out, offered to choose); none, but a unit of the register not yet among them
   * (`newcomers`: one, or several to choose from); or nothing at all. `skipped`: the line names no
   * unit (the sheet's title, its header row, a totals row) and is left out.
   */
  result: 'matched' | 'ambiguous' | 'newcomer' | 'unmatched' | 'skipped';
  candidates: SignInCandidate[];
  newcomers: SignInNewcomer[];
  /**
   * The line names nothing as written; its candidates or newcomers were found with one mistyped
   * word forgiven, as the register's search forgives it («Gần đúng»): offered to choose, never
   * matched or ticked.
   */
  nearMatch?: true;
}

/** A participant as Lịch sử thay đổi shows it, before or after a change. */
export interface ParticipantState {
  role: ParticipantRole;
  status: ParticipantStatus;
  representative: string;
  note: string;
}

export interface ParticipantChange {
  name: string;
  /** Null when it was added. */
  before: ParticipantState | null;
  /** Null when it was removed. */
  after: ParticipantState | null;
}

/** A row of an event lookup (Loại sự kiện, Vai trò): retired rows stay for the records that have them. */
export interface EventLookupRow {
  code: string;
  name: string;
  retired: boolean;
  /** How many events (kinds) or participants (roles) have it, trash included. */
  used: number;
}

/** A kind of event, and whether its events are held online, in no province. */
export interface EventKindRow extends EventLookupRow {
  online: boolean;
}

export interface EventLookups {
  kinds: EventKindRow[];
  roles: EventLookupRow[];
}

export const eventLookupTables = ['kinds', 'roles'] as const;
export type EventLookupTable = (typeof eventLookupTables)[number];

/** Adds a row (no code), or renames one and retires or brings it back. */
export const eventLookupInput = z.object({
  table: z.enum(eventLookupTables),
  /** Absent to add one. */
  code: z.string().min(1).max(40).optional(),
  name: requiredText('Tên', 100),
  retired: z.boolean().optional().default(false),
  /** Kinds only: its events are held online, in no province. Absent keeps what the kind has (new: not online). */
  online: z.boolean().optional(),
}).refine((value) => value.table === 'kinds' || value.online === undefined, { path: ['online'], message: 'Chỉ loại sự kiện mới có hình thức trực tuyến.' });
export type EventLookupInput = z.input<typeof eventLookupInput>;

export const eventsContract = {
  'events:lookups': channel<EventLookups>()(none),
  'events:saveLookup': channel<EventLookupRow>()(eventLookupInput),
  'events:list': channel<Page<EventSummary>>()(eventListInput),
  'events:get': channel<EventDetail>()(z.object({ id })),
  'events:create': channel<EventSummary>()(eventInput),
  'events:update': channel<EventSummary>()(eventUpdateInput),
  'events:delete': channel<null>()(z.object({ id })),
  'events:restore': channel<EventSummary>()(z.object({ id })),
  'events:trash': channel<Page<DeletedEvent>>()(z.object({ ...pageInput })),
  'events:addParticipants': channel<ParticipantsAdded>()(participantAddInput),
  'events:updateParticipant': channel<EventParticipant>()(participantUpdateInput),
  'events:removeParticipant': channel<null>()(z.object({ id })),
  'events:markAttendance': channel<AttendanceMarked>()(attendanceInput),
  /**
   * Sets right, in one go, the Có mặt and Vắng stored before the event began (counted nowhere):
   * Có mặt back to Đã đăng ký, Vắng back to Được mời. Answers how many were set right.
   */
  'events:resetEarlyAttendance': channel<{ reset: number }>()(z.object({ eventId: id })),
  'events:matchSignIn': channel<SignInLine[]>()(signInMatchInput),
  /** The events a member organization or a partner took part in, newest first. */
  'events:ofCounterpart': channel<CounterpartEvent[]>()(
    z.object({ kind: z.enum(participantKinds), id: z.number().int().positive() }),
  ),
};
