/** The frame of every report: the issuing body, the period, place and date, and who signs. */
import { todayIso, type Context } from '../../context';
import { notFound } from '../../../shared/errors';
import { formatIsoDateVi } from '../../../shared/text';
import { getAlliance } from '../../services/alliance';
import type { ReportFrame } from '../write/writer';

/**
 * "An Giang, ngày 05 tháng 02 năm 2026": as administrative documents write the date, with a
 * leading zero for days below 10 and for January and February (and only those months).
 */
export function placeAndDate(place: string, iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const monthText = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return `${place}, ngày ${String(day).padStart(2, '0')} tháng ${monthText} năm ${year}`;
}

export function periodOfYear(year: number): string {
  return `Năm ${year}`;
}

export function periodBetween(from: string, to: string): string {
  return `Từ ngày ${formatIsoDateVi(from)} đến ngày ${formatIsoDateVi(to)}`;
}

export function periodUntil(day: string): string {
  return `Tính đến ngày ${formatIsoDateVi(day)}`;
}

/**
 * "Số: 125/BC-LMHTX" as a report's number line reads: the office's number, or dots to write it in
 * by hand when the report is printed before it is numbered. BC is a báo cáo; LMHTX the alliance.
 */
export function documentNumberLine(number: string): string {
  return `Số: ${number === '' ? '……….' : number}/BC-LMHTX`;
}

/** The frame from the alliance's record (Cài đặt) and today's date where the office is. */
export function reportFrame(ctx: Context, period: string, documentNumber?: string): ReportFrame {
  const alliance = getAlliance(ctx);
  if (!alliance) throw notFound('Chưa có thông tin của Liên minh (tên, tỉnh, Chủ tịch). Hãy nhập ở Cài đặt rồi làm lại báo cáo.');
  const province = ctx.places.province(alliance.provinceCode);
  return {
    issuer: alliance.name.toLocaleUpperCase('vi'),
    period,
    placeAndDate: placeAndDate(province?.name ?? '', todayIso(ctx)),
    signerName: alliance.chairName,
    ...(documentNumber === undefined ? {} : { documentNumber: documentNumberLine(documentNumber) }),
  };
}
