/**
 * The demo's plans: a year plan of the alliance for every year of the figures and the current one,
 * sixteen targets each, valued from the year before; and, for An Giang, the cooperatives of the
 * former thị xã Tân Châu as its 2024 plan found them (the seed article in the project's notes), so
 * that the plan an office types from that article has figures to be measured against.
 *
 * Everything goes in through the services (the same checks and audit as a person's save): the
 * story is a few dozen records, and the plans are a handful.
 */
import { contract, type Channel, type InputOf, type OutputOf } from '../../shared/contract';
import type { Measure, MeasureInput } from '../../shared/plans';
import { measureSchema } from '../../shared/plans';
import { todayIso, type Context } from '../context';
import { handlers } from '../handlers';
import { measureValues, type MeasureWindow } from '../plans/measures';
import { reportedYear } from '../services/figureYear';
import { effectiveClassifications } from '../services/plans';

/** Calls a service as a transport would, validating the input by the contract; sync services only. */
function serve<C extends Channel>(ctx: Context, channel: C, input: InputOf<C>): OutputOf<C> {
  const handler = handlers[channel] as (ctx: Context, input: unknown) => OutputOf<C>;
  return handler(ctx, contract[channel].input.parse(input));
}

/** The communes of the former thị xã Tân Châu, An Giang, since 1 July 2025. */
export const TAN_CHAU_COMMUNES = ['30376', '30377', '30385', '30388', '30403'] as const;

const [PHUONG_TAN_CHAU, PHUONG_LONG_PHU, XA_VINH_XUONG, XA_TAN_AN, XA_CHAU_PHONG] = TAN_CHAU_COMMUNES;

type Classification = 'good' | 'fair' | 'average' | 'weak' | null;

interface StoryCooperative {
  name: string;
  commune: string;
  foundedOn: string;
  sector: string;
  /** Xếp loại in 2024, and managers with a college degree or higher (of 5). */
  classification: Classification;
  withDegree: number;
  valueChain?: boolean;
  highTech?: boolean;
  /** Sells under a contract with an enterprise in force in 2024. */
  linked?: boolean;
}

/**
 * Seventeen agricultural cooperatives before 2023, one founded in 2023 and two in 2024: 20 at the
 * end of 2024, 15 operating effectively (Tốt, Khá, Trung bình), 11 of them Tốt or Khá, 8 linked
 * with an enterprise, 2 in a value chain, 1 high-tech with a 4-star OCOP product.
 */
const story: StoryCooperative[] = [
  { name: 'HTX Nông nghiệp Vĩnh Xương', commune: XA_VINH_XUONG, foundedOn: '2008-03-10', sector: 'trong_trot', classification: 'good', withDegree: 2, linked: true, valueChain: true, highTech: true },
  { name: 'HTX Nông nghiệp Vĩnh Hòa Tân Châu', commune: XA_VINH_XUONG, foundedOn: '2009-06-02', sector: 'trong_trot', classification: 'good', withDegree: 2, linked: true },
  { name: 'HTX Nông nghiệp Tân An', commune: XA_TAN_AN, foundedOn: '2010-01-15', sector: 'trong_trot', classification: 'good', withDegree: 2, linked: true, valueChain: true },
  { name: 'HTX Nông nghiệp Tân Thạnh', commune: XA_TAN_AN, foundedOn: '2011-04-20', sector: 'nong_nghiep_tong_hop', classification: 'good', withDegree: 1, linked: true },
  { name: 'HTX Nông nghiệp Long An Tân Châu', commune: PHUONG_LONG_PHU, foundedOn: '2012-07-07', sector: 'trong_trot', classification: 'good', withDegree: 1, linked: true },
  { name: 'HTX Nông nghiệp Long Phú', commune: PHUONG_LONG_PHU, foundedOn: '2012-09-19', sector: 'trong_trot', classification: 'good', withDegree: 2, linked: true },
  { name: 'HTX Nông nghiệp Châu Phong', commune: XA_CHAU_PHONG, foundedOn: '2013-02-25', sector: 'trong_trot', classification: 'fair', withDegree: 1, linked: true },
  { name: 'HTX Nông nghiệp Phú Vĩnh', commune: XA_CHAU_PHONG, foundedOn: '2013-11-11', sector: 'trong_trot', classification: 'fair', withDegree: 1, linked: true },
  { name: 'HTX Thủy sản Châu Phong', commune: XA_CHAU_PHONG, foundedOn: '2014-05-30', sector: 'thuy_san', classification: 'fair', withDegree: 1 },
  { name: 'HTX Chăn nuôi Tân Châu', commune: PHUONG_TAN_CHAU, foundedOn: '2015-03-03', sector: 'chan_nuoi', classification: 'fair', withDegree: 1 },
  { name: 'HTX Nông nghiệp Long Sơn', commune: PHUONG_LONG_PHU, foundedOn: '2016-08-08', sector: 'trong_trot', classification: 'fair', withDegree: 1 },
  { name: 'HTX Nông nghiệp Long Châu', commune: PHUONG_TAN_CHAU, foundedOn: '2017-01-09', sector: 'trong_trot', classification: 'average', withDegree: 1 },
  { name: 'HTX Rau an toàn Tân Châu', commune: PHUONG_TAN_CHAU, foundedOn: '2017-10-16', sector: 'trong_trot', classification: 'average', withDegree: 1 },
  { name: 'HTX Thủy sản Vĩnh Xương', commune: XA_VINH_XUONG, foundedOn: '2018-04-04', sector: 'thuy_san', classification: 'average', withDegree: 0 },
  { name: 'HTX Nông nghiệp Tân Hòa', commune: XA_TAN_AN, foundedOn: '2019-06-21', sector: 'trong_trot', classification: 'average', withDegree: 1 },
  { name: 'HTX Nông nghiệp Vĩnh Lợi', commune: XA_VINH_XUONG, foundedOn: '2020-02-14', sector: 'trong_trot', classification: 'weak', withDegree: 0 },
  { name: 'HTX Chăn nuôi bò Châu Phong', commune: XA_CHAU_PHONG, foundedOn: '2020-09-01', sector: 'chan_nuoi', classification: 'weak', withDegree: 0 },
  { name: 'HTX Nông nghiệp Long Thạnh', commune: PHUONG_LONG_PHU, foundedOn: '2023-05-18', sector: 'trong_trot', classification: null, withDegree: 1 },
  { name: 'HTX Nông nghiệp Tân Thuận', commune: XA_TAN_AN, foundedOn: '2024-03-12', sector: 'trong_trot', classification: null, withDegree: 1 },
  { name: 'HTX Thủy sản Long Phú', commune: PHUONG_LONG_PHU, foundedOn: '2024-08-20', sector: 'thuy_san', classification: null, withDegree: 1 },
];

/**
 * Tân Châu as its 2024 plan found it. The caller leaves these communes out of the random register,
 * so the counts are exactly the story's.
 */
export function seedTanChau(ctx: Context, firstYear: number, lastYear: number): { organizations: number; figures: number } {
  const added = { organizations: 0, figures: 0 };
  // Founded in 2024 and measured against 2024's figures: the story needs that year among the figures.
  if (lastYear < 2024 || firstYear > 2024) return added;
  const enterprises = [
    serve(ctx, 'partners:create', { kind: 'enterprise', businessLine: 'processing', name: 'Công ty Cổ phần Tập đoàn Lộc Trời', provinceCode: '91', taxCode: '1600192619' }).id,
    serve(ctx, 'partners:create', { kind: 'enterprise', businessLine: 'export', name: 'Công ty TNHH Xuất nhập khẩu Nông sản Tân Châu', provinceCode: '91' }).id,
  ];
  const market = serve(ctx, 'partners:create', { kind: 'wholesale_market', name: 'Chợ đầu mối nông sản Thủ Đức', provinceCode: '79' }).id;
  story.forEach((cooperative, index) => {
    const id = serve(ctx, 'organizations:create', {
      kind: 'htx',
      name: cooperative.name,
      communeCode: cooperative.commune,
      foundedOn: cooperative.foundedOn,
      sectorCode: cooperative.sector,
      registrationNo: `16019${String(index + 1).padStart(5, '0')}`,
      valueChain: cooperative.valueChain ?? false,
      highTech: cooperative.highTech ?? false,
      representative: 'Nguyễn Văn Tâm',
    }).id;
    added.organizations++;
    for (let year = Math.max(Number(cooperative.foundedOn.slice(0, 4)), firstYear); year <= lastYear; year++) {
      added.figures++;
      serve(ctx, 'figures:save', {
        organizationId: id,
        year,
        membersOfficial: 30 + index * 3,
        workers: 8 + index,
        revenue: (1_200 + index * 150) * 1_000_000,
        averageIncome: 4_500_000 + index * 100_000,
        managers: 5,
        managersWithDegree: cooperative.withDegree,
        classification: year === 2024 ? cooperative.classification : cooperative.classification === null ? null : 'fair',
      });
    }
    if (cooperative.highTech) {
      serve(ctx, 'certifications:save', { organizationId: id, kindCode: 'ocop', stars: 4, number: 'OCOP-AG-2023-118', issuer: 'UBND tỉnh An Giang', issuedOn: '2023-06-15', expiresOn: '2026-06-15' });
    }
    const buyer = cooperative.linked ? enterprises[index % 2] : index % 3 === 0 ? market : undefined;
    if (buyer !== undefined) {
      serve(ctx, 'agreements:create', {
        kind: 'sales_contract',
        // Numbered in the cooperatives' own series, apart from the province-wide demo agreements.
        number: `${String(index + 1).padStart(2, '0')}/2024/HĐLK-TC`,
        title: `Hợp đồng liên kết tiêu thụ nông sản — ${cooperative.name}`,
        signedOn: '2024-02-01',
        validFrom: '2024-02-01',
        validUntil: '2024-12-31',
        parties: [
          { kind: 'organization', id, role: 'seller' },
          { kind: 'partner', id: buyer, role: 'buyer' },
        ],
        commitments: [{ product: 'Lúa tươi', quantity: 200 + index * 10, unit: 'tấn', value: (200 + index * 10) * 7_000_000, startsOn: '2024-02-01', dueOn: '2024-12-31' }],
      });
    }
  });
  // A non-agricultural cooperative and two groups founded in 2024: the plan's target does not count them.
  serve(ctx, 'organizations:create', { kind: 'htx', name: 'HTX Vận tải Tân Châu', communeCode: PHUONG_TAN_CHAU, foundedOn: '2024-05-06', sectorCode: 'van_tai' });
  serve(ctx, 'organizations:create', { kind: 'tht', name: 'THT Trồng nấm rơm Vĩnh Xương', communeCode: XA_VINH_XUONG, foundedOn: '2024-04-01', sectorCode: 'trong_trot' });
  serve(ctx, 'organizations:create', { kind: 'tht', name: 'THT Nuôi cá lồng Châu Phong', communeCode: XA_CHAU_PHONG, foundedOn: '2024-07-15', sectorCode: 'thuy_san' });
  added.organizations += 3;
  return added;
}

interface TargetIdea {
  title: string;
  comparison: 'at_least' | 'at_most';
  unit: 'count' | 'percent' | 'money' | 'quantity';
  unitLabel?: string;
  measure: MeasureInput | null;
  denominator?: MeasureInput;
  /** A share's value; a count's comes from the year before, times `growth`. */
  value?: number;
  growth?: number;
}

const htx: MeasureInput = { metric: 'organizations', kinds: ['htx'] };

/** Sixteen targets, as an alliance's year plan sets them. */
const targetIdeas: TargetIdea[] = [
  { title: 'Duy trì và phát triển số hợp tác xã đang hoạt động', comparison: 'at_least', unit: 'count', unitLabel: 'HTX', measure: htx, growth: 1.02 },
  { title: 'Thành lập mới hợp tác xã', comparison: 'at_least', unit: 'count', unitLabel: 'HTX', measure: { ...htx, metric: 'founded' }, growth: 1.1 },
  { title: 'Thành lập mới tổ hợp tác', comparison: 'at_least', unit: 'count', unitLabel: 'THT', measure: { metric: 'founded', kinds: ['tht'] }, growth: 1.1 },
  { title: 'Giải thể, chấm dứt hoạt động không quá', comparison: 'at_most', unit: 'count', unitLabel: 'HTX', measure: { ...htx, metric: 'ended' }, growth: 1 },
  { title: 'Tỷ lệ hợp tác xã hoạt động hiệu quả', comparison: 'at_least', unit: 'percent', measure: { ...htx, effective: true }, denominator: htx, value: 70 },
  { title: 'Trong số HTX hoạt động hiệu quả, xếp loại Tốt, Khá', comparison: 'at_least', unit: 'percent', measure: { ...htx, goodOrFair: true }, denominator: { ...htx, effective: true }, value: 50 },
  { title: 'Tỷ lệ HTX liên kết tiêu thụ với doanh nghiệp', comparison: 'at_least', unit: 'percent', measure: { ...htx, linkedWithEnterprise: true }, denominator: htx, value: 30 },
  { title: 'HTX sản xuất theo chuỗi giá trị', comparison: 'at_least', unit: 'count', unitLabel: 'HTX', measure: { ...htx, valueChain: true }, growth: 1.05 },
  { title: 'HTX ứng dụng công nghệ cao vào sản xuất', comparison: 'at_least', unit: 'count', unitLabel: 'HTX', measure: { ...htx, highTech: true }, growth: 1.05 },
  { title: 'HTX có sản phẩm OCOP đạt từ 3 sao', comparison: 'at_least', unit: 'count', unitLabel: 'HTX', measure: { ...htx, ocopMinStars: 3 }, growth: 1.05 },
  { title: 'Cán bộ quản lý HTX có trình độ cao đẳng trở lên', comparison: 'at_least', unit: 'percent', measure: { ...htx, metric: 'managersWithDegree' }, denominator: { ...htx, metric: 'managers' }, value: 25 },
  { title: 'Số thành viên chính thức của HTX', comparison: 'at_least', unit: 'count', unitLabel: 'thành viên', measure: { ...htx, metric: 'members' }, growth: 1.03 },
  { title: 'Lao động thường xuyên trong HTX', comparison: 'at_least', unit: 'count', unitLabel: 'người', measure: { ...htx, metric: 'workers' }, growth: 1.03 },
  // The produce sold through supply–demand connection (Kết nối cung – cầu), in tấn: kg, tạ and yến count converted.
  { title: 'Sản lượng nông sản kết nối tiêu thụ', comparison: 'at_least', unit: 'quantity', unitLabel: 'tấn', measure: { metric: 'volumeConnected', unitCode: 'tan' }, growth: 1.05 },
  { title: 'Thu nhập bình quân của người lao động (đồng/tháng)', comparison: 'at_least', unit: 'money', measure: { metric: 'averageIncome' }, growth: 1.06 },
  { title: 'Bồi dưỡng, tập huấn cán bộ quản lý HTX', comparison: 'at_least', unit: 'count', unitLabel: 'người', measure: null, value: 300 },
];

/** The alliance's year plan for every year from the second of the figures to the current one. */
export function seedYearPlans(ctx: Context, allianceName: string, provinceName: string, firstYear: number, lastYear: number): number {
  const effective = effectiveClassifications(ctx);
  const currentYear = Number(todayIso(ctx).slice(0, 4));
  let count = 0;
  for (let year = firstYear + 1; year <= lastYear + 1; year++) {
    const before = year - 1;
    // Valued from the year before, as offices do: its figures are the latest there are.
    const window: MeasureWindow = { communeCodes: [], from: `${before}-01-01`, asOf: `${before}-12-31`, figureYear: reportedYear(ctx, before).year ?? before, effective };
    const measures = targetIdeas.map((idea) => (idea.measure ? measureSchema.parse(idea.measure) : null));
    const values = measureValues(ctx, measures.filter((measure): measure is Measure => measure !== null), window);
    const valueOf = new Map(measures.filter((measure): measure is Measure => measure !== null).map((measure, index) => [measure, values[index] ?? 0]));
    const targets = targetIdeas.map((idea, index) => {
      const measure = measures[index] ?? null;
      const base = idea.value ?? (measure ? (valueOf.get(measure) ?? 0) : 0);
      const planned = idea.growth ? Math.max(1, Math.round(base * idea.growth)) : base;
      return {
        title: idea.title,
        comparison: idea.comparison,
        value: idea.unit === 'money' ? Math.round(planned / 10_000) * 10_000 : planned,
        unit: idea.unit,
        unitLabel: idea.unitLabel ?? '',
        measure,
        denominator: idea.denominator ? measureSchema.parse(idea.denominator) : null,
      };
    });
    serve(ctx, 'plans:create', {
      kind: 'year',
      number: `${String(3 + (year % 7))}/KH-LMHTX`,
      title: `Kế hoạch phát triển kinh tế tập thể, hợp tác xã ${provinceName} năm ${year}`,
      issuedOn: `${before}-12-20`,
      issuer: allianceName,
      periodFrom: `${year}-01-01`,
      periodTo: `${year}-12-31`,
      status: year <= currentYear ? 'issued' : 'draft',
      targets,
    });
    count++;
  }
  return count;
}
