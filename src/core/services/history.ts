/**
 * Lịch sử thay đổi of every kind of record, through the one record machinery (../records.ts).
 */
import type { recordsContract } from '../../shared/contracts/records';
import type { RecordKind } from '../../shared/records';
import type { HandlersFor } from '../handlerTypes';
import { recordHistory } from '../records';
import { agreementRecords } from './agreements';
import { connectionRecords } from './connections';
import { eventRecords } from './events';
import { withLifecycleCounterparts } from './lifecycle';
import { organizationRecords } from './organizations';
import { partnerRecords } from './partners';
import { programmeRecords } from './programmes';
import { demandRecords, offerRecords } from './supply';
import { planRecords } from './plans';

const specs: Record<RecordKind, Parameters<typeof recordHistory>[1]> = {
  organization: organizationRecords,
  partner: partnerRecords,
  event: eventRecords,
  agreement: agreementRecords,
  offer: offerRecords,
  demand: demandRecords,
  connection: connectionRecords,
  programme: programmeRecords,
  plan: planRecords,
};

export const historyHandlers: HandlersFor<typeof recordsContract> = {
  'records:history': (ctx, { kind, id }) => {
    const history = recordHistory(ctx, specs[kind], id);
    return kind === 'organization' ? withLifecycleCounterparts(ctx, id, history) : history;
  },
};
