/**
 * The register as rows of a workbook: the list of Thành viên exported as it is shown (search,
 * filters, sort, the columns chosen), and the register report (every organization, by name).
 * Both read the register through the list's own query (`listOrganizations`), page by page, so an
 * export holds exactly what the list would show and in the same order.
 */
import type { z } from 'zod';
import type { organizationListInput } from '../../../shared/contracts/organizations';
import type { RegisterColumn } from '../../../shared/contracts/reports';
import { formatCount } from '../../../shared/format';
import type { Context } from '../../context';
import { sectors } from '../../db/schema';
import { listOrganizations } from '../../services/organizations';
import type { Row, SheetData } from '../write/writer';

/**
 * Rows read per query: large enough that paging costs little (an order without an index, such as
 * by commune, is sorted again for every page), small enough to stay light.
 */
const PAGE_ROWS = 10_000;

type ListInput = z.output<typeof organizationListInput>;

/** The register's rows for the list's request, every page of it, produced as they are written. */
export function registerTable(ctx: Context, list: ListInput): SheetData {
  const sectorNames = new Map(ctx.db.select({ code: sectors.code, name: sectors.name }).from(sectors).all().map((row) => [row.code, row.name]));
  const first = listOrganizations(ctx, { ...list, page: 1, pageSize: PAGE_ROWS });
  let written = 0;
  function* rows(): Generator<Row> {
    let page = first;
    for (let number = 1; page.rows.length > 0; number += 1) {
      if (number > 1) page = listOrganizations(ctx, { ...list, page: number, pageSize: PAGE_ROWS });
      for (const organization of page.rows) {
        written += 1;
        yield {
          name: organization.name,
          kind: organization.kind,
          registrationNo: organization.registrationNo,
          communeName: organization.communeName,
          street: organization.street,
          sectorCode: organization.sectorCode === null ? null : (sectorNames.get(organization.sectorCode) ?? organization.sectorCode),
          foundedOn: organization.foundedOn,
          isMember: organization.isMember,
          status: organization.status,
        } satisfies Record<RegisterColumn, Row[string]>;
      }
      if (page.rows.length < PAGE_ROWS) return;
    }
  }
  return {
    rows: rows(),
    // A broad search counts only up to a cap; the bar then moves without claiming a share.
    count: first.totalCapped ? null : first.total,
    totals: () => ({ name: `${formatCount(written)} tổ chức` }),
  };
}
