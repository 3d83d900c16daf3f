/**
 * The register as rows of a workbook: the list of Thành viên exported as it is shown (search,
 * filters, sort, the columns chosen), and the register report (every organization, by name).
 * Both read the register through the list's own query (`listOrganizations`), page by page, so an
 * export holds exactly what the list would show and in the same order.
 */
import type { z } from 'zod';
import type { organizationListInput } from '../../../shared/contracts/organizations';
import type { RegisterColumn } from '../../../shared/contracts/reports';
import { organizationStatuses, type OrganizationStatus } from '../../../shared/domain';
import { formatCount, formatPlace } from '../../../shared/format';
import type { Context } from '../../context';
import { sectors } from '../../db/schema';
import { listOrganizations } from '../../services/organizations';
import type { Row, SheetData } from '../write/writer';
import { pagedTable } from './lists';

/**
 * Rows read per query: large enough that paging costs little (an order without an index, such as
 * by commune, is sorted again for every page), small enough to stay light.
 */
const PAGE_ROWS = 10_000;

type ListInput = z.output<typeof organizationListInput>;

/** The register's rows for the list's request, every page of it, produced as they are written. */
/** The ended, as the total tells them apart from those still there (which Tổng quan counts). */
const endedStatuses: Partial<Record<OrganizationStatus, string>> = { dissolved: 'giải thể', bankrupt: 'phá sản', reorganized: 'tổ chức lại' };

/**
 * "684 tổ chức: 652 đang tồn tại, 32 đã chấm dứt (23 giải thể, 3 phá sản, 6 tổ chức lại)": the
 * list holds the ended too, and a bare 684 would be read against Tổng quan's 652.
 */
function totalLine(written: number, ended: ReadonlyMap<OrganizationStatus, number>): string {
  const endedCount = [...ended.values()].reduce((sum, n) => sum + n, 0);
  if (endedCount === 0) return `${formatCount(written)} tổ chức`;
  const kinds = organizationStatuses.flatMap((status) => {
    const n = ended.get(status);
    return n === undefined ? [] : [`${formatCount(n)} ${endedStatuses[status] ?? status}`];
  });
  return `${formatCount(written)} tổ chức: ${formatCount(written - endedCount)} đang tồn tại, ${formatCount(endedCount)} đã chấm dứt (${kinds.join(', ')})`;
}

export function registerTable(ctx: Context, list: ListInput): SheetData {
  const sectorNames = new Map(ctx.db.select({ code: sectors.code, name: sectors.name }).from(sectors).all().map((row) => [row.code, row.name]));
  const ended = new Map<OrganizationStatus, number>();
  return pagedTable(
    (page, pageSize) => listOrganizations(ctx, { ...list, page, pageSize }),
    PAGE_ROWS,
    (organization) => {
      const latest = organization.latestFigures;
      if (endedStatuses[organization.status] !== undefined) ended.set(organization.status, (ended.get(organization.status) ?? 0) + 1);
      const shown = {
        name: organization.name,
        kind: organization.kind,
        registrationNo: organization.registrationNo,
        communeName: formatPlace(organization),
        street: organization.street,
        sectorCode: organization.sectorCode === null ? null : (sectorNames.get(organization.sectorCode) ?? organization.sectorCode),
        foundedOn: organization.foundedOn,
        representative: organization.representative,
        phone: organization.phone,
        email: organization.email,
        membersOfficial: latest?.membersOfficial ?? null,
        revenue: latest?.revenue ?? null,
        isMember: organization.isMember,
        status: organization.status,
      } satisfies Record<RegisterColumn, Row[string]>;
      // The year the members and the revenue are of, which differs from one organization to another.
      return { ...shown, figuresYear: latest ? String(latest.year) : null };
    },
    (written) => ({ name: totalLine(written, ended) }),
  );
}
