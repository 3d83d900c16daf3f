/**
 * Cần chú ý: what an organizer should chase today — agreements about to run out, commitments past
 * their due day, agreements nobody has followed up for a while, events coming up, certificates
 * running out. Every item is computed on the day asked about (the clock), never stored.
 */
import { z } from 'zod';
import type { Fulfilment } from '../agreements';
import type { AgreementKind, AgreementStatus, EventKind } from '../domain';
import { channel } from './define';
import type { ExpiringCertification } from './products';
import type { TargetUnit } from '../plans';

/** How close an agreement's end is: within 30 days, within 7, or today. */
export const expiryWindows = [30, 7, 0] as const;
export type ExpiryWindow = (typeof expiryWindows)[number];

export interface ExpiringAgreement {
  agreementId: number;
  kind: AgreementKind;
  number: string;
  title: string;
  status: AgreementStatus;
  validUntil: string;
  daysLeft: number;
  /** The narrowest window it falls in. */
  window: ExpiryWindow;
  /** Tỷ lệ thực hiện and what it is weighed by; null without commitments. */
  fulfilment: Fulfilment | null;
}

export interface OverdueCommitment {
  agreementId: number;
  agreementTitle: string;
  agreementNumber: string;
  commitmentId: number;
  product: string;
  quantity: number;
  delivered: number;
  unit: string;
  dueOn: string;
  daysOverdue: number;
  fulfilment: number;
}

/**
 * Hết hạn, chưa hoàn thành: an agreement that ran out with commitments unfinished, listed until a
 * person closes its follow-up with a reason.
 */
export interface ExpiredUnfinished {
  agreementId: number;
  number: string;
  title: string;
  validUntil: string;
  /** Days since it ran out. */
  daysSince: number;
  /** Commitments not delivered in full, of `commitments`. */
  unfinished: number;
  commitments: number;
  fulfilment: Fulfilment | null;
  /** The latest note or delivery; null when there has been none. */
  lastFollowUpOn: string | null;
}

export interface AgreementWithoutFollowUp {
  agreementId: number;
  number: string;
  title: string;
  status: AgreementStatus;
  /** The day of the latest follow-up — a note or a delivery; null when there has never been one. */
  lastFollowUpOn: string | null;
  /** Days since the latest follow-up, or since signing when there is none. */
  daysSince: number;
}

export interface UpcomingEvent {
  eventId: number;
  kind: EventKind;
  title: string;
  startsOn: string;
  endsOn: string;
  provinceName: string | null;
  daysUntil: number;
  participants: number;
}

/** An offer whose window opens soon and that no buyer has been connected to yet. */
export interface OfferWithoutBuyer {
  offerId: number;
  product: string;
  organizationId: number;
  organizationName: string;
  quantity: number;
  unitName: string;
  availableFrom: string;
  /** Days until the window opens; 0 is today. */
  daysUntil: number;
}

/** A demand whose goods are needed soon (or already), with some still not connected. */
export interface UnservedDemand {
  demandId: number;
  product: string;
  buyerName: string;
  remaining: number;
  quantity: number;
  unitName: string;
  neededFrom: string;
  neededUntil: string | null;
  /** Days until the goods are needed; 0 when they are needed already. */
  daysUntil: number;
}

/** A target of a plan in force that is at risk in the last quarter of the plan's period. */
export interface TargetAtRisk {
  planId: number;
  planTitle: string;
  periodTo: string;
  targetId: number;
  title: string;
  actual: number | null;
  value: number;
  unit: TargetUnit;
  unitLabel: string;
}

export interface AttentionList {
  today: string;
  expiringAgreements: ExpiringAgreement[];
  overdueCommitments: OverdueCommitment[];
  expiredUnfinished: ExpiredUnfinished[];
  withoutFollowUp: AgreementWithoutFollowUp[];
  upcomingEvents: UpcomingEvent[];
  expiringCertifications: ExpiringCertification[];
  offersWithoutBuyer: OfferWithoutBuyer[];
  unservedDemands: UnservedDemand[];
  targetsAtRisk: TargetAtRisk[];
}

export const attentionInput = z.object({
  /** An agreement being carried out with no follow-up (a note or a delivery) for this many days is listed. */
  followUpDays: z
    .number({ error: 'Số ngày chưa theo dõi phải là một số.' })
    .int({ error: 'Số ngày chưa theo dõi phải là số nguyên.' })
    .min(1, { error: 'Số ngày chưa theo dõi ít nhất là 1.' })
    .max(365, { error: 'Số ngày chưa theo dõi nhiều nhất là 365.' })
    .default(30),
  /** Events starting within this many days are listed. */
  eventDays: z.number().int().min(1).max(365).default(30),
  /** Certificates expiring within this many days: renewing one takes months, so the default is longer. */
  certificateDays: z.number().int().min(1).max(3650).default(90),
  /** Offers opening, and demands needed, within this many days. */
  supplyDays: z.number().int().min(1).max(365).default(14),
});

export const attentionContract = {
  'attention:list': channel<AttentionList>()(attentionInput),
};
