import { z } from 'zod';
import { recordKinds, type RecordHistory } from '../records';
import { channel } from './define';

export const recordsContract = {
  /** Lịch sử thay đổi of any record: an organization, a partner, an event, an agreement, an offer, a demand, a connection, a programme. */
  'records:history': channel<RecordHistory>()(
    z.object({
      kind: z.enum(recordKinds, { error: 'Loại hồ sơ không hợp lệ.' }),
      id: z.number().int().positive(),
    }),
  ),
};
