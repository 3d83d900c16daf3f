/**
 * Chương trình kết nối cung – cầu (like the national Programme 503): its decision, period, working
 * group and channels, the events held under it, and its results — volumes connected and delivered
 * per product group and unit (never added across units), value, who took part, by channel and by
 * commune. Results are computed from the connections and the agreements' deliveries, never typed.
 */
import { z } from 'zod';
import type { Page } from '../domain';
import { formatIsoDateVi } from '../text';
import { isIsoDate } from '../typed';
import { channel, isoDate, optionalIsoDate, optionalText, pageInput, requiredText, searchText } from './define';

const id = z.number({ error: 'Chưa chọn.' }).int().positive();

export interface ProgrammeSummary {
  id: number;
  name: string;
  decisionNo: string;
  startsOn: string;
  endsOn: string | null;
  offers: number;
  demands: number;
  connections: number;
}

export interface ProgrammeMember {
  name: string;
  role: string;
  position: string;
  phone: string;
}

export interface ProgrammeEvent {
  id: number;
  title: string;
  startsOn: string;
  endsOn: string;
}

export interface ProgrammeDetail extends ProgrammeSummary {
  description: string;
  members: ProgrammeMember[];
  channelCodes: string[];
  events: ProgrammeEvent[];
  createdAt: string;
  updatedAt: string;
}

export interface DeletedProgramme extends ProgrammeSummary {
  deletedAt: string;
}

const memberInput = z.object({
  name: requiredText('Họ tên', 120),
  role: optionalText('Vai trò trong tổ', 100),
  position: optionalText('Chức vụ, đơn vị', 200),
  phone: optionalText('Điện thoại', 40),
});

const programmeFields = {
  name: requiredText('Tên chương trình', 300),
  decisionNo: optionalText('Số văn bản', 100),
  startsOn: isoDate('Ngày bắt đầu'),
  endsOn: optionalIsoDate('Ngày kết thúc'),
  description: optionalText('Nội dung', 4000),
  members: z.array(memberInput).max(100, { error: 'Tổ công tác ghi tối đa 100 người.' }).optional().default([]),
  channelCodes: z.array(z.string().min(1).max(40)).max(50).optional().default([]),
};

type ProgrammeShape = z.output<z.ZodObject<typeof programmeFields>>;

function programmeRules(value: ProgrammeShape, ctx: z.RefinementCtx): void {
  // Only two real days are compared: one typed wrong is said at its own field.
  if (value.endsOn !== null && isIsoDate(value.startsOn) && isIsoDate(value.endsOn) && value.endsOn < value.startsOn) {
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: `Ngày kết thúc không được trước ngày bắt đầu (${formatIsoDateVi(value.startsOn)}).` });
  }
}

export const programmeInput = z.object(programmeFields).superRefine(programmeRules);
export type ProgrammeInput = z.input<typeof programmeInput>;
export type ParsedProgrammeInput = z.output<typeof programmeInput>;
export const programmeUpdateInput = z.object({ id, ...programmeFields }).superRefine(programmeRules);
export type ProgrammeUpdateInput = z.input<typeof programmeUpdateInput>;

/** Quantities of one base unit: connected and delivered, never mixed with another unit. */
export interface UnitVolume {
  unitCode: string;
  unitName: string;
  connected: number;
  delivered: number;
}

export interface GroupVolume extends UnitVolume {
  productGroupCode: string;
  productGroupName: string;
  connections: number;
  /** In đồng. */
  connectedValue: number;
  deliveredValue: number;
}

export interface ChannelResult {
  channelCode: string;
  channelName: string;
  connections: number;
  connectedValue: number;
  deliveredValue: number;
  volumes: UnitVolume[];
}

export interface CommuneResult {
  communeCode: string;
  communeName: string;
  provinceName: string;
  /** Member organizations whose goods there were connected, each counted once. */
  organizations: number;
  connections: number;
  connectedValue: number;
  volumes: UnitVolume[];
}

export interface ProgrammeResults {
  /** Null: every connection, in a programme or not. */
  programmeId: number | null;
  from: string;
  to: string;
  /** Deliveries are counted up to this day: the period's end, or today if that is still to come. */
  asOf: string;
  connections: number;
  connectedValue: number;
  deliveredValue: number;
  /** Selling member organizations connected, each counted once, by kind. */
  sellers: { htx: number; tht: number; other: number; total: number };
  /** Partners whose demands were served, each counted once. */
  partners: number;
  /** Member organizations buying, each counted once. */
  buyingMembers: number;
  /** Events of the programme held in the period. */
  events: number;
  totals: UnitVolume[];
  byGroup: GroupVolume[];
  byChannel: ChannelResult[];
  byCommune: CommuneResult[];
}

export const resultsInput = z
  .object({
    programmeId: id.nullable().optional().transform((value) => value ?? null),
    /** Both absent: this year, by the office's calendar. */
    from: isoDate('Từ ngày').optional(),
    to: isoDate('Đến ngày').optional(),
  })
  .refine((value) => (value.from === undefined) === (value.to === undefined), { path: ['to'], error: 'Cần cả Từ ngày và Đến ngày.' })
  .refine((value) => value.from === undefined || value.to === undefined || value.to >= value.from, { path: ['to'], error: 'Đến ngày không được trước Từ ngày.' });
export type ResultsInput = z.input<typeof resultsInput>;

export const programmesContract = {
  /** Every programme not in the trash, newest first, with how many offers, demands and connections it has. */
  'programmes:list': channel<ProgrammeSummary[]>()(z.object({ search: searchText().optional().default('') })),
  'programmes:get': channel<ProgrammeDetail>()(z.object({ id })),
  'programmes:create': channel<ProgrammeSummary>()(programmeInput),
  'programmes:update': channel<ProgrammeSummary>()(programmeUpdateInput),
  'programmes:delete': channel<null>()(z.object({ id })),
  'programmes:restore': channel<ProgrammeSummary>()(z.object({ id })),
  'programmes:trash': channel<Page<DeletedProgramme>>()(z.object({ ...pageInput })),
  'programmes:addEvent': channel<null>()(z.object({ programmeId: id, eventId: id })),
  'programmes:removeEvent': channel<null>()(z.object({ programmeId: id, eventId: id })),
  /** A programme's results (or, without one, all connections') over a period. */
  'programmes:results': channel<ProgrammeResults>()(resultsInput),
};
