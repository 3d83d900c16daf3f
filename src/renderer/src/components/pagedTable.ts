/**
 * What every paged table says under its rows, the same way: «1–50 trong 100.024» with the numbers
 * written as Vietnamese writes them (a dot between thousands), and its page buttons named.
 */
import type { TFunction } from 'i18next';
import { formatCount } from '../../../shared/format';

type PaginationControl = 'previous' | 'next' | 'first' | 'last';

export function pagedTableText(t: TFunction) {
  return {
    paginationText: ({ from, to, totalRecords }: { from: number; to: number; totalRecords: number }) =>
      t('common.pagination', { from: formatCount(from), to: formatCount(to), total: formatCount(totalRecords) }),
    getPaginationControlProps: (control: PaginationControl) => ({ 'aria-label': t(`common.pageControl.${control}`) }),
  };
}
