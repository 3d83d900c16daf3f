/**
 * What every paged table says under its rows, the same way: «1–50 trong 100.024», the numbers
 * written as the language writes them (common.pagination), and its page buttons named.
 */
import type { TFunction } from 'i18next';

type PaginationControl = 'previous' | 'next' | 'first' | 'last';

export function pagedTableText(t: TFunction) {
  return {
    paginationText: ({ from, to, totalRecords }: { from: number; to: number; totalRecords: number }) =>
      t('common.pagination', { from, to, total: totalRecords }),
    getPaginationControlProps: (control: PaginationControl) => ({ 'aria-label': t(`common.pageControl.${control}`) }),
  };
}
