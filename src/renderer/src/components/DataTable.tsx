/**
 * mantine-datatable's table in the app's words. The library writes its own English where a table
 * is given none — «No records» kept in the page while rows show (a screen reader reads it), «Select
 * all records», «Previous page» — and it reads no defaults from the theme: every data table of the
 * app is this one, which says them in the language of the screen, and what a paged one says under
 * its rows the same way: «1–50 trong 100.024», the numbers written as the language writes them.
 */
import { DataTable as LibraryDataTable, type DataTableProps } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';

export function DataTable<T>(props: DataTableProps<T>) {
  const { t } = useTranslation();
  const words = {
    noRecordsText: t('common.noRecords'),
    loadingText: t('common.loading'),
    recordsPerPageLabel: t('common.recordsPerPage'),
    allRecordsSelectionCheckboxProps: { 'aria-label': t('common.selectAll') },
    getRecordSelectionCheckboxProps: (_record: T, index: number) => ({ 'aria-label': t('common.selectRow', { n: index + 1 }) }),
    paginationText: ({ from, to, totalRecords }: { from: number; to: number; totalRecords: number }) => t('common.pagination', { from, to, total: totalRecords }),
    getPaginationControlProps: (control: 'previous' | 'next') => ({ 'aria-label': t(`common.pageControl.${control}`) }),
  };
  // The props are a union by pagination, selection and sorting, which a spread of both does not narrow.
  return <LibraryDataTable<T> {...({ ...words, ...props } as DataTableProps<T>)} />;
}
