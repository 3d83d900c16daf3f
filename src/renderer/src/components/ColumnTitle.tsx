/**
 * A table column's title that may wrap onto a second line. mantine-datatable keeps every title on
 * one line (cut with an ellipsis when narrow), so a table of figures with titles such as "Thu nhập
 * BQ/tháng" grew wider than the office laptop's 1366 px screen and scrolled sideways.
 */
export function ColumnTitle({ children }: { children: string }) {
  return <span style={{ whiteSpace: 'normal' }}>{children}</span>;
}
