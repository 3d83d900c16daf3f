/**
 * The lists Xuất Excel exports as they are shown, as rows of a workbook. Each is read through the
 * list's own query (the same service, the same request), page by page, so an export holds exactly
 * what the list would show and in the same order.
 */
import type { z } from 'zod';
import type { agreementListInput } from '../../../shared/contracts/agreements';
import type { eventListInput } from '../../../shared/contracts/events';
import type { partnerListInput } from '../../../shared/contracts/partners';
import type { planListInput } from '../../../shared/contracts/plans';
import type { Page } from '../../../shared/domain';
import { formatCount } from '../../../shared/format';
import type { Context } from '../../context';
import { listAgreements } from '../../services/agreements';
import { eventLookupNames } from '../../services/eventLookups';
import { listEvents } from '../../services/events';
import { listPartners } from '../../services/partners';
import { listPlans } from '../../services/plans';
import type { Row, SheetData } from '../write/writer';

/**
 * Rows read per query for the lists of partners, events and agreements: the largest page those
 * lists serve (see `pageInput`); they hold hundreds or a few thousand rows, not the register's
 * tens of thousands.
 */
const LIST_PAGE_ROWS = 500;

/**
 * A list's rows, every page of it, produced as they are written. `read` asks the list's query for
 * one page; `totals` gives the totals row's figures once the rows are written.
 */
export function pagedTable<Item>(
  read: (page: number, pageSize: number) => Page<Item>,
  pageRows: number,
  toRow: (item: Item) => Row,
  totals: (written: number) => Row,
): SheetData {
  const first = read(1, pageRows);
  let written = 0;
  function* rows(): Generator<Row> {
    let page = first;
    for (let number = 1; page.rows.length > 0; number += 1) {
      if (number > 1) page = read(number, pageRows);
      for (const item of page.rows) {
        written += 1;
        yield toRow(item);
      }
      if (page.rows.length < pageRows) return;
    }
  }
  return {
    rows: rows(),
    // A broad search counts only up to a cap; the bar then moves without claiming a share.
    count: first.totalCapped ? null : first.total,
    totals: () => totals(written),
  };
}

export function partnerTable(ctx: Context, list: z.output<typeof partnerListInput>): SheetData {
  return pagedTable(
    (page, pageSize) => listPartners(ctx, { ...list, page, pageSize }),
    LIST_PAGE_ROWS,
    (partner) => ({
      name: partner.name,
      shortName: partner.shortName,
      kind: partner.kind,
      businessLine: partner.businessLine,
      provinceName: partner.provinceName,
      contactName: partner.contactName,
      phone: partner.phone,
      buys: partner.buys,
    }),
    (written) => ({ name: `${formatCount(written)} đối tác` }),
  );
}

export function eventTable(ctx: Context, list: z.output<typeof eventListInput>): SheetData {
  const kindNames = eventLookupNames(ctx, 'kinds');
  return pagedTable(
    (page, pageSize) => listEvents(ctx, { ...list, page, pageSize }),
    LIST_PAGE_ROWS,
    (event) => ({
      startsOn: event.startsOn,
      endsOn: event.endsOn,
      title: event.title,
      venue: event.venue,
      kindName: kindNames.get(event.kind) ?? event.kind,
      // An online meeting has no province; the list says so in words, and so does the export.
      place: event.provinceCode === null ? 'Trực tuyến' : event.provinceName,
      organizationCount: event.organizationCount,
      partnerCount: event.partnerCount,
      attendedCount: event.attendedCount,
    }),
    (written) => ({ title: `${formatCount(written)} sự kiện` }),
  );
}

export function agreementTable(ctx: Context, list: z.output<typeof agreementListInput>): SheetData {
  return pagedTable(
    (page, pageSize) => listAgreements(ctx, { ...list, page, pageSize }),
    LIST_PAGE_ROWS,
    (agreement) => ({
      number: agreement.number,
      title: agreement.title,
      kind: agreement.kind,
      signedOn: agreement.signedOn,
      parties: agreement.parties.map((party) => party.name).join('; '),
      totalValue: agreement.totalValue,
      fulfilment: agreement.fulfilment,
      status: agreement.status,
    }),
    (written) => ({ title: `${formatCount(written)} thỏa thuận` }),
  );
}

export function planTable(ctx: Context, list: z.output<typeof planListInput>): SheetData {
  return pagedTable(
    (page, pageSize) => listPlans(ctx, { ...list, page, pageSize }),
    LIST_PAGE_ROWS,
    (plan) => ({
      periodFrom: plan.periodFrom,
      periodTo: plan.periodTo,
      number: plan.number,
      issuedOn: plan.issuedOn,
      title: plan.title,
      kind: plan.kind,
      issuer: plan.issuer,
      // In force is the status the list shows for an issued plan within its period.
      status: plan.inForce ? 'in_force' : plan.status,
      targetCount: plan.targetCount,
    }),
    (written) => ({ title: `${formatCount(written)} kế hoạch` }),
  );
}
