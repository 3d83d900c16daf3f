/**
 * Báo cáo kết quả thực hiện kế hoạch: each target of a plan with its unit, its value (Ít nhất, Tối
 * đa or Đúng bằng, then the level), the actual the app computes (or the one typed), the percentage
 * of the target, last year's and the assessment, by the same progress the plan's page shows.
 */
import type { TargetProgress } from '../../../shared/contracts/plans';
import { formatDate } from '../../../shared/format';
import type { Row, SheetData } from '../write/writer';

const comparisonWords = { at_least: 'Ít nhất', at_most: 'Tối đa', exactly: 'Đúng bằng' } as const;

/**
 * The unit the value, the actual and last year's are written in, once in its own column (Đơn vị
 * tính): "%" for a share, "đồng" for money, else the target's own.
 */
function unitOf(target: TargetProgress): string {
  if (target.unit === 'percent') return '%';
  if (target.unit === 'money') return 'đồng';
  return target.unitLabel;
}

function commentOf(target: TargetProgress): string {
  const parts: string[] = [];
  if (target.numerator !== null && target.denominatorValue !== null) {
    parts.push(`${target.numerator.toLocaleString('vi-VN')}/${target.denominatorValue.toLocaleString('vi-VN')}`);
  }
  if (target.typed && target.actual === null) parts.push('Chưa nhập số thực hiện');
  else if (target.typed) {
    const who = target.typed.by ? `nhập tay: ${target.typed.by}${target.typed.at ? `, ${formatDate(target.typed.at)}` : ''}` : 'nhập tay';
    parts.push(target.typed.note ? `${who} (${target.typed.note})` : who);
  }
  if (target.comment) parts.push(target.comment);
  return parts.join('; ');
}

export function planResultsTables(targets: readonly TargetProgress[]): Record<string, SheetData> {
  const rows: Row[] = targets.map((target) => ({
    title: target.title,
    // The planned level a number as the actual beside it is, its unit the row's Đơn vị tính, and
    // whether it is a floor, a ceiling or exact in a column of its own.
    comparison: comparisonWords[target.comparison],
    planned: target.value,
    actual: target.actual,
    unit: unitOf(target),
    percentOfTarget: target.percentOfTarget,
    previous: target.previous,
    status: target.status,
    comment: commentOf(target),
  }));
  return { targets: { rows, count: rows.length } };
}
