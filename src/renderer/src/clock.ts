/**
 * The year just ended: the one whose figures are entered and asked about unless another is chosen
 * (the year grid, «Thêm năm», the register's classification filter). Read from the clock each time
 * it is needed, never once as a page loads: the app is left open across New Year.
 */
export function lastYear(): number {
  return new Date().getFullYear() - 1;
}
