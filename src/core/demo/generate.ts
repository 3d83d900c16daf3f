/**
 * Demo data: a register that looks like a real province's (or the whole country's), for trying the
 * app, for screenshots and for the benchmark. Deterministic for a given seed, so two runs give the
 * same database. Rows go in through prepared statements in one transaction: the service layer's
 * per-row checks and audit rows would make 100,000 organizations take minutes.
 */
import type { Commune } from '../../shared/domain';
import { unitNameInSentence } from '../../shared/format';
import { foldText } from '../../shared/text';
import { organizationNameKey } from '../../shared/names';
import { timestamp, type Context } from '../context';
import { getAlliance, saveAlliance } from '../services/alliance';
import { seedTanChau, seedYearPlans, TAN_CHAU_COMMUNES } from './plans';
import { organizationSearchText } from '../services/search';
import { randomSource, type Random } from './random';
import { seedSupplyDemand, type DemoSeller } from './supply';
import { seedPromotion, type DemoMember, type PromotionSummary } from './promotion';

export type DemoScale = 'province' | 'national';

export interface DemoOptions {
  scale: DemoScale;
  /** The alliance's province; at province scale, where every organization is. */
  provinceCode: string;
  /** Years of yearly figures, ending with the year before the clock's. */
  years: number;
  seed: number;
  /** Overrides the scale's number of organizations (tests seed a few dozen). */
  organizations?: number;
}

export interface DemoSummary {
  organizations: number;
  /** Partners, events and agreements (see demo/promotion.ts). */
  promotion: PromotionSummary;
  figures: number;
  products: number;
  certifications: number;
  lifecycleEvents: number;
  partners: number;
  programmes: number;
  offers: number;
  demands: number;
  connections: number;
  agreements: number;
  plans: number;
  firstYear: number;
  lastYear: number;
}

/** Hòa Bình's register: 465 HTX, 3 QTDND, 186 THT; and a couple of unions. */
const PROVINCE_SIZE = 656;
const NATIONAL_SIZE = 100_000;
/** Offsets the seed of the conversions' random numbers from the rest of the demo's. */
const CONVERSION_SEED = 0x5eed;



interface Activity {
  /** The words after "HTX" / "THT". */
  label: string;
  sector: string;
  products: readonly [name: string, unit: string, price: number][];
}

const cooperativeActivities: readonly Activity[] = [
  { label: 'Nông nghiệp', sector: 'nong_nghiep_tong_hop', products: [['Gạo ST25', 'kg', 32_000], ['Gạo thơm Jasmine', 'kg', 22_000]] },
  { label: 'Dịch vụ nông nghiệp', sector: 'trong_trot', products: [['Lúa giống', 'kg', 18_000]] },
  { label: 'Dịch vụ thương mại', sector: 'thuong_mai_dich_vu', products: [['Nông sản sơ chế', 'kg', 25_000]] },
  { label: 'Rau an toàn', sector: 'trong_trot', products: [['Rau ăn lá', 'kg', 15_000], ['Dưa leo', 'kg', 12_000]] },
  { label: 'Cây ăn trái', sector: 'trong_trot', products: [['Xoài cát Hòa Lộc', 'kg', 45_000], ['Bưởi da xanh', 'kg', 40_000], ['Chanh không hạt', 'kg', 18_000]] },
  { label: 'Chăn nuôi', sector: 'chan_nuoi', products: [['Trứng gà', 'quả', 3_200], ['Thịt heo sạch', 'kg', 120_000]] },
  { label: 'Thủy sản', sector: 'thuy_san', products: [['Cá tra', 'kg', 28_000], ['Tôm càng xanh', 'kg', 220_000]] },
  { label: 'Lâm nghiệp', sector: 'lam_nghiep', products: [['Gỗ keo', 'm³', 1_200_000], ['Quế', 'kg', 35_000]] },
  { label: 'Chè', sector: 'trong_trot', products: [['Chè Shan tuyết', 'kg', 350_000]] },
  { label: 'Dược liệu', sector: 'trong_trot', products: [['Cà gai leo', 'kg', 90_000], ['Nghệ đỏ', 'kg', 60_000]] },
  { label: 'Mây tre đan', sector: 'cong_nghiep', products: [['Giỏ mây', 'chiếc', 85_000]] },
  { label: 'Gốm', sector: 'cong_nghiep', products: [['Bình gốm', 'chiếc', 250_000]] },
  { label: 'Vận tải', sector: 'van_tai', products: [] },
  { label: 'Môi trường', sector: 'moi_truong', products: [] },
  { label: 'Xây dựng', sector: 'xay_dung', products: [] },
  { label: 'Đường thốt nốt', sector: 'cong_nghiep', products: [['Đường thốt nốt', 'kg', 70_000]] },
];

const groupActivities: readonly Activity[] = [
  { label: 'rau an toàn', sector: 'trong_trot', products: [['Rau cải', 'kg', 14_000]] },
  { label: 'nuôi ong', sector: 'chan_nuoi', products: [['Mật ong', 'lít', 250_000]] },
  { label: 'trồng nấm', sector: 'trong_trot', products: [['Nấm rơm', 'kg', 80_000]] },
  { label: 'dệt thổ cẩm', sector: 'cong_nghiep', products: [['Khăn thổ cẩm', 'chiếc', 150_000]] },
  { label: 'nuôi cá lồng', sector: 'thuy_san', products: [['Cá điêu hồng', 'kg', 45_000]] },
  { label: 'sản xuất lúa', sector: 'trong_trot', products: [['Lúa tươi', 'kg', 7_000]] },
];

/** Words offices give cooperatives to tell two of one trade in one commune apart. */
const distinguishingWords = [
  'Thành Công', 'Tiến Phát', 'Phú Thịnh', 'Thắng Lợi', 'Đồng Tâm', 'Hợp Lực', 'Tân Tiến', 'Bình Minh',
  'An Phú', 'Hưng Thịnh', 'Quyết Tiến', 'Đoàn Kết', 'Phước Lộc', 'Xanh', 'Đại Thành', 'Hòa Bình',
];

const givenNames = ['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Đức', 'Võ Thị Hạnh', 'Đặng Văn Hùng', 'Bùi Thị Lan', 'Đỗ Văn Minh', 'Huỳnh Thị Ngọc', 'Ngô Văn Phúc', 'Dương Thị Quyên'];

function isoDay(year: number, dayOfYear: number): string {
  return new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
}

/** The same day `years` later; 29 February, in a year without one, becomes the 28th. */
function yearsLater(iso: string, years: number): string {
  const year = Number(iso.slice(0, 4)) + years;
  const day = iso.slice(4) === '-02-29' && new Date(Date.UTC(year, 1, 29)).getUTCMonth() !== 1 ? '-02-28' : iso.slice(4);
  return `${year}${day}`;
}

function classify(score: number): 'good' | 'fair' | 'average' | 'weak' {
  if (score >= 80) return 'good';
  if (score >= 65) return 'fair';
  if (score >= 50) return 'average';
  return 'weak';
}

interface PlannedOrganization {
  kind: 'htx' | 'lhhtx' | 'tht' | 'qtdnd';
  commune: Commune;
  activity: Activity | null;
}

/** Which kinds, in Hòa Bình's proportions (71 % HTX, 28 % THT, a few funds and unions). */
function plannedKind(random: Random, index: number): PlannedOrganization['kind'] {
  if (index % 300 === 7) return 'lhhtx';
  if (index % 200 === 11) return 'qtdnd';
  return random.chance(0.715) ? 'htx' : 'tht';
}

export function seedDemo(ctx: Context, options: DemoOptions): DemoSummary {
  const random = randomSource(options.seed);
  const province = ctx.places.province(options.provinceCode);
  if (!province) throw new Error(`unknown province ${options.provinceCode}`);
  // Tân Châu's cooperatives are the story of its 2024 plan (see ./plans.ts), not drawn at random.
  const storyCommunes = new Set<string>(TAN_CHAU_COMMUNES);
  const communes = (
    options.scale === 'province'
      ? [...ctx.places.communesOf(options.provinceCode)]
      : ctx.places.provinces.flatMap((p) => [...ctx.places.communesOf(p.code)])
  ).filter((commune) => !storyCommunes.has(commune.code));
  const size = options.organizations ?? (options.scale === 'province' ? PROVINCE_SIZE : NATIONAL_SIZE);
  const lastYear = ctx.clock().getUTCFullYear() - 1;
  const firstYear = lastYear - options.years + 1;
  const now = timestamp(ctx);
  const sqlite = ctx.db.$client;

  saveAlliance(ctx, {
    name: `Liên minh Hợp tác xã ${unitNameInSentence(province.fullName)}`,
    provinceCode: province.code,
    address: '',
    chairName: 'Nguyễn Văn Bình',
    phone: '',
    email: '',
  });

  const insertOrganization = sqlite.prepare(`
    INSERT INTO organizations (kind, name, short_name, registration_no, province_code, commune_code, street,
      founded_on, sector_code, phone, representative, charter_capital, size_class, member_since, high_tech,
      value_chain, status, ended_on, name_folded, name_key, search_text, created_at, updated_at)
    VALUES (@kind, @name, @shortName, @registrationNo, @provinceCode, @communeCode, @street, @foundedOn,
      @sectorCode, @phone, @representative, @charterCapital, @sizeClass, @memberSince, @highTech, @valueChain,
      @status, @endedOn, @nameFolded, @nameKey, @searchText, @now, @now)`);
  const insertFigure = sqlite.prepare(`
    INSERT INTO yearly_figures (organization_id, year, members_official, members_associate, workers, revenue,
      profit, average_income, total_assets, managers, managers_with_degree, classification, score, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertProduct = sqlite.prepare(`
    INSERT INTO products (organization_id, name, name_folded, product_group, unit, volume, price)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertCertification = sqlite.prepare(`
    INSERT INTO certifications (organization_id, product_id, kind_code, stars, number, issuer, issued_on, expires_on)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertEvent = sqlite.prepare(
    'INSERT INTO lifecycle_events (kind, date, decision_no, note, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertParticipant = sqlite.prepare(
    'INSERT INTO lifecycle_participants (event_id, organization_id, role) VALUES (?, ?, ?)',
  );
  const insertUnionMember = sqlite.prepare('INSERT INTO union_members (union_id, member_id, joined_on) VALUES (?, ?, ?)');

  const summary: DemoSummary = {
    promotion: { partners: 0, events: 0, participants: 0, agreements: 0, commitments: 0, deliveries: 0 },
    organizations: 0,
    figures: 0,
    products: 0,
    certifications: 0,
    lifecycleEvents: 0,
    partners: 0,
    programmes: 0,
    offers: 0,
    demands: 0,
    connections: 0,
    agreements: 0,
    plans: 0,
    firstYear,
    lastYear,
  };
  /** The organizations with a product, who offer it in the supply–demand demo data. */
  const sellers: DemoSeller[] = [];
  const namesTaken = new Set<string>();
  const cooperativesByProvince = new Map<string, number[]>();

  /** Ten years of figures for one organization, growing a little each year, from its founding on. */
  const addFigures = (id: number, kind: PlannedOrganization['kind'], from: number, to: number, source: Random = random): void => {
    const small = kind === 'tht';
    let members = Math.min(300, Math.max(7, Math.round(source.skewed(small ? 12 : 30, 0.7))));
    let revenue = source.skewed(small ? 250_000_000 : kind === 'qtdnd' ? 4_000_000_000 : 1_350_000_000, 0.6);
    let income = source.skewed(3_900_000, 0.25);
    const quality = source.int(35, 95);
    for (let year = Math.max(from, firstYear); year <= to; year++) {
      members = Math.min(300, Math.max(7, Math.round(members * (0.97 + source.next() * 0.1))));
      revenue *= 0.95 + source.next() * 0.12;
      income *= 1 + source.next() * 0.03;
      const workers = Math.max(2, Math.round(members * (0.5 + source.next() * 1.3)));
      const profit = Math.round(revenue * (source.next() * 0.14 - 0.02));
      const managers = source.int(3, 7);
      const score = Math.min(100, Math.max(20, quality + source.int(-8, 8)));
      const classified = !small && source.chance(0.85);
      insertFigure.run(
        id, year, members, Math.round(members * source.next() * 0.3), workers, Math.round(revenue), profit,
        Math.round(income / 1000) * 1000, Math.round(revenue * (1 + source.next())), managers,
        source.int(0, managers), classified ? classify(score) : null, classified ? score : null, now,
      );
      summary.figures++;
    }
  };

  const addProducts = (id: number, activity: Activity, foundedYear: number, commune: Commune, kind: PlannedOrganization['kind']): void => {
    if (activity.products.length === 0 || !random.chance(0.35)) return;
    const [name, unit, price] = random.pick(activity.products);
    const productId = Number(
      insertProduct.run(id, name, foldText(name), activity.label, unit, random.int(5, 500) * 100, price).lastInsertRowid,
    );
    summary.products++;
    sellers.push({ organizationId: id, productId, product: name, unit, price, communeCode: commune.code, provinceCode: commune.provinceCode, foundedYear, kind });
    if (random.chance(0.3)) {
      const year = random.int(Math.max(foundedYear, lastYear - 4), lastYear);
      const issued = isoDay(year, random.int(0, 364));
      const expires = yearsLater(issued, 3);
      insertCertification.run(id, productId, 'ocop', random.pick([3, 3, 3, 4, 4, 5]), `${random.int(100, 999)}/QĐ-UBND`, 'Ủy ban nhân dân tỉnh', issued, expires);
      summary.certifications++;
    }
    if (random.chance(0.2)) {
      const issued = isoDay(random.int(lastYear - 3, lastYear), random.int(0, 364));
      insertCertification.run(id, productId, 'vietgap', null, `VietGAP-TT-${random.int(10, 99)}-${random.int(1000, 9999)}`, 'Tổ chức chứng nhận', issued, yearsLater(issued, 3));
      summary.certifications++;
    }
  };

  const addOrganization = (
    plan: PlannedOrganization,
    index: number,
    overrides: { name?: string; foundedOn?: string; ended?: { status: string; on: string } } = {},
  ): { id: number; foundedYear: number } => {
    const { kind, commune, activity } = plan;
    const place = commune.name;
    let name: string;
    let shortName = '';
    if (overrides.name) name = overrides.name;
    else if (kind === 'qtdnd') {
      name = `Quỹ tín dụng nhân dân ${place}`;
      shortName = `QTDND ${place}`;
    } else if (kind === 'lhhtx') {
      name = `Liên hiệp HTX ${activity?.label ?? 'Nông nghiệp'} ${ctx.places.province(commune.provinceCode)?.name ?? place}`;
      shortName = `LH HTX ${place}`;
    } else if (kind === 'tht') name = `THT ${activity?.label ?? 'sản xuất'} ấp ${random.pick(distinguishingWords)} ${place}`;
    else name = `HTX ${activity?.label ?? 'Nông nghiệp'} ${place}`;
    // A second one of the same trade in the commune gets a distinguishing word, as offices do.
    for (let attempt = 0; namesTaken.has(name) && attempt < 40; attempt++) {
      const base = name.replace(` ${place}`, '');
      name = `${base} ${random.pick(distinguishingWords)}${attempt > 10 ? ` ${attempt}` : ''} ${place}`;
    }
    if (namesTaken.has(name)) name = `${name} ${index}`;
    namesTaken.add(name);
    // Offices often keep the abbreviated form too: "HTX NN Vĩnh Bình".
    if (kind === 'htx' && random.chance(0.2)) {
      shortName = name.replace('Nông nghiệp', 'NN').replace('Dịch vụ', 'DV').replace('thương mại', 'TM');
      if (shortName === name) shortName = '';
    }

    // Registration numbers: two digits of the province, then a serial unique in the whole register.
    const registrationNo = kind === 'tht' && random.chance(0.7) ? null : `${commune.provinceCode}${String(index + 1).padStart(8, '0')}`;
    const foundedYear = kind === 'qtdnd' ? random.int(1994, 2005) : random.chance(0.85) ? random.int(1997, firstYear - 1) : random.int(firstYear, lastYear);
    const foundedOn = overrides.foundedOn ?? isoDay(foundedYear, random.int(0, 364));
    const sizeClass = kind === 'tht' ? null : random.pick(['sieu_nho', 'sieu_nho', 'nho', 'nho', 'vua', 'lon']);
    const member = kind !== 'tht' && random.chance(0.6);
    const id = Number(
      insertOrganization.run({
        kind,
        name,
        shortName,
        registrationNo,
        provinceCode: commune.provinceCode,
        communeCode: commune.code,
        street: `${random.chance(0.5) ? 'Ấp' : 'Thôn'} ${random.pick(distinguishingWords)}`,
        foundedOn,
        sectorCode: kind === 'qtdnd' ? 'tin_dung' : (activity?.sector ?? 'nong_nghiep_tong_hop'),
        phone: `0${random.int(200, 299)}${String(random.int(0, 9_999_999)).padStart(7, '0')}`,
        representative: random.pick(givenNames),
        charterCapital: kind === 'tht' ? null : random.int(1, 200) * 50_000_000,
        sizeClass,
        memberSince: member ? isoDay(Math.max(Number(foundedOn.slice(0, 4)), random.int(2010, lastYear)), random.int(0, 364)) : null,
        highTech: kind === 'htx' && random.chance(0.05) ? 1 : 0,
        valueChain: kind === 'htx' && random.chance(0.15) ? 1 : 0,
        status: overrides.ended?.status ?? 'active',
        endedOn: overrides.ended?.on ?? null,
        nameFolded: foldText(name),
        nameKey: organizationNameKey(name),
        searchText: organizationSearchText({ name, shortName, registrationNo, communeName: place, oldAddress: '' }),
        now,
      }).lastInsertRowid,
    );
    summary.organizations++;
    if (activity) addProducts(id, activity, Number(foundedOn.slice(0, 4)), commune, kind);
    return { id, foundedYear: Number(foundedOn.slice(0, 4)) };
  };

  const endStatement = sqlite.prepare('UPDATE organizations SET status = ?, ended_on = ? WHERE id = ?');
  const dropFiguresFrom = sqlite.prepare('DELETE FROM yearly_figures WHERE organization_id = ? AND year >= ?');
  const endOrganization = (id: number, status: string, endedOn: string): void => {
    endStatement.run(status, endedOn, id);
    // Figures stop with the year before it ended: it is not counted in the year it ends.
    summary.figures -= dropFiguresFrom.run(id, Number(endedOn.slice(0, 4))).changes;
  };

  const groupRow = sqlite.prepare('SELECT name, commune_code AS communeCode FROM organizations WHERE id = ?');
  const insertConverted = sqlite.prepare(`
    INSERT INTO organizations (kind, name, short_name, registration_no, province_code, commune_code, street,
      founded_on, sector_code, phone, representative, charter_capital, size_class, member_since, high_tech,
      value_chain, status, ended_on, name_folded, name_key, search_text, created_at, updated_at)
    SELECT 'htx', @name, '', @registrationNo, province_code, commune_code, street, @foundedOn, sector_code, phone,
      representative, charter_capital, size_class, member_since, high_tech, value_chain, 'active', NULL,
      @nameFolded, @nameKey, @searchText, @now, @now
    FROM organizations WHERE id = @from`);
  const productsOf = sqlite.prepare('SELECT id FROM products WHERE organization_id = ?').pluck();
  const copyProduct = sqlite.prepare(`
    INSERT INTO products (organization_id, name, name_folded, product_group, unit, volume, price)
    SELECT ?, name, name_folded, product_group, unit, volume, price FROM products WHERE id = ?`);
  const copyCertifications = sqlite.prepare(`
    INSERT INTO certifications (organization_id, product_id, kind_code, stars, number, issuer, issued_on, expires_on)
    SELECT ?, ?, kind_code, stars, number, issuer, issued_on, expires_on FROM certifications WHERE product_id = ?`);
  /**
   * The cooperative a tổ hợp tác registers as on `date`, as recording the conversion in the app
   * forms it (services/lifecycle.ts): its name with «HTX», a Mã số HTX of its own, the group's
   * address, sector, phone, representative and membership, its products and their certificates.
   */
  const convert = (groupId: number, date: string, serial: number): number => {
    const group = groupRow.get(groupId) as { name: string; communeCode: string };
    const commune = ctx.places.commune(group.communeCode);
    // «THT rau an toàn ấp Đoàn Kết Vĩnh An» → «HTX Rau an toàn Đoàn Kết Vĩnh An».
    let name = group.name.replace(/^THT (\p{L})/u, (_, first: string) => `HTX ${first.toUpperCase()}`).replace(' ấp ', ' ');
    if (namesTaken.has(name)) name = `${name} ${serial}`;
    namesTaken.add(name);
    const registrationNo = `${commune?.provinceCode ?? ''}${String(serial).padStart(8, '0')}`;
    const id = Number(
      insertConverted.run({
        from: groupId,
        name,
        registrationNo,
        foundedOn: date,
        nameFolded: foldText(name),
        nameKey: organizationNameKey(name),
        searchText: organizationSearchText({ name, shortName: '', registrationNo, communeName: commune?.name ?? '', oldAddress: '' }),
        now,
      }).lastInsertRowid,
    );
    summary.organizations++;
    for (const productId of productsOf.all(groupId) as number[]) {
      const copied = Number(copyProduct.run(id, productId).lastInsertRowid);
      summary.products++;
      summary.certifications += copyCertifications.run(id, copied, productId).changes;
    }
    return id;
  };

  const addEvent = (kind: string, date: string, note: string, participants: [number, string][], source: Random = random): void => {
    const eventId = Number(insertEvent.run(kind, date, `${source.int(10, 999)}/QĐ-UBND`, note, now).lastInsertRowid);
    for (const [organizationId, role] of participants) insertParticipant.run(eventId, organizationId, role);
    summary.lifecycleEvents++;
  };

  sqlite.transaction(() => {
    const planned: {
      id: number;
      kind: PlannedOrganization['kind'];
      foundedYear: number;
      provinceCode: string;
      active: boolean;
      product: DemoMember['product'];
    }[] = [];
    for (let index = 0; index < size; index++) {
      const kind = plannedKind(random, index);
      const activity =
        kind === 'htx' || kind === 'lhhtx' ? random.pick(cooperativeActivities) : kind === 'tht' ? random.pick(groupActivities) : null;
      const commune = random.pick(communes);
      // About 5 % of cooperatives and groups end during the years the figures cover, a tenth of them
      // by bankruptcy; decided before inserting so that their figures stop the year before.
      const endYear = (kind === 'htx' || kind === 'tht') && random.chance(0.05) ? random.int(firstYear + 1, lastYear) : lastYear + 1;
      const endDate = endYear <= lastYear ? isoDay(endYear, random.int(0, 364)) : null;
      const bankrupt = random.chance(0.1);
      const ended = endDate ? { status: bankrupt ? 'bankrupt' : 'dissolved', on: endDate } : undefined;
      const { id, foundedYear } = addOrganization({ kind, commune, activity }, index, ended ? { ended } : {});
      if (ended && foundedYear >= endYear) {
        // Founded after the drawn end: it simply stays active.
        endStatement.run('active', null, id);
        addFigures(id, kind, foundedYear, lastYear);
      } else if (ended) {
        addFigures(id, kind, foundedYear, endYear - 1);
        addEvent(bankrupt ? 'bankruptcy' : 'dissolution', ended.on, bankrupt ? 'Tuyên bố phá sản' : 'Giải thể tự nguyện', [[id, 'subject']]);
      } else {
        addFigures(id, kind, foundedYear, lastYear);
      }
      planned.push({
        id,
        kind,
        foundedYear,
        provinceCode: commune.provinceCode,
        active: !ended || foundedYear >= endYear,
        product: activity?.products[0] ?? null,
      });
      if (kind === 'htx') {
        const list = cooperativesByProvince.get(commune.provinceCode) ?? [];
        list.push(id);
        cooperativesByProvince.set(commune.provinceCode, list);
      }
    }

    // Unions link a few cooperatives of their province.
    for (const union of planned.filter((p) => p.kind === 'lhhtx')) {
      for (const memberId of (cooperativesByProvince.get(union.provinceCode) ?? []).slice(0, random.int(3, 6))) {
        insertUnionMember.run(union.id, memberId, isoDay(Math.max(union.foundedYear, lastYear - 5), random.int(0, 364)));
      }
    }

    // One consolidation (hợp nhất): two active cooperatives of one province form a new one.
    const candidates = planned.filter((p) => p.kind === 'htx' && p.active && p.foundedYear < lastYear - 2);
    const first = candidates[0];
    const second = candidates.find((p) => p !== first && p.provinceCode === first?.provinceCode);
    const commune = first && ctx.places.commune(sqlite.prepare('SELECT commune_code FROM organizations WHERE id = ?').pluck().get(first.id) as string);
    if (first && second && commune) {
      const date = isoDay(lastYear - 1, 180);
      endOrganization(first.id, 'reorganized', date);
      endOrganization(second.id, 'reorganized', date);
      const successor = addOrganization({ kind: 'htx', commune, activity: cooperativeActivities[0] ?? null }, size, {
        name: `HTX Nông nghiệp Hợp Nhất ${commune.name}`,
        foundedOn: date,
      });
      addFigures(successor.id, 'htx', lastYear - 1, lastYear);
      addEvent('consolidation', date, 'Hợp nhất hai hợp tác xã', [
        [first.id, 'predecessor'],
        [second.id, 'predecessor'],
        [successor.id, 'successor'],
      ]);
    }

    // A few tổ hợp tác registered as hợp tác xã (chuyển đổi) in the last two years, one in 160
    // organizations, so that Tổng quan and the statistics show that flow. Their own random numbers
    // keep the rest of the demo as it was.
    const converting = randomSource(options.seed + CONVERSION_SEED);
    const groups = planned.filter((p) => p.kind === 'tht' && p.active && p.foundedYear < lastYear - 1);
    const conversions = Math.min(groups.length, Math.max(2, Math.round(size / 160)));
    for (let n = 0; n < conversions; n++) {
      const group = groups[Math.floor((n * groups.length) / conversions)];
      if (!group) continue;
      const date = isoDay(lastYear - (n % 2), converting.int(0, 364));
      const cooperative = convert(group.id, date, size + 2 + n);
      endOrganization(group.id, 'reorganized', date);
      addFigures(cooperative, 'htx', Number(date.slice(0, 4)), lastYear, converting);
      addEvent('conversion', date, 'Tổ hợp tác đăng ký thành hợp tác xã', [[group.id, 'predecessor'], [cooperative, 'successor']], converting);
      group.active = false;
      planned.push({ ...group, id: cooperative, kind: 'htx', foundedYear: Number(date.slice(0, 4)), active: true });
    }

    summary.promotion = seedPromotion(ctx, random, {
      scale: options.scale,
      provinceCode: options.provinceCode,
      members: planned.filter((member) => member.active),
      now,
    });
  })();

  const share = size / (options.scale === 'province' ? PROVINCE_SIZE : NATIONAL_SIZE);
  Object.assign(summary, seedSupplyDemand(ctx, { scale: options.scale, share, seed: options.seed, firstYear, lastYear, sellers }));
  if (options.provinceCode === '91' || options.scale === 'national') {
    const story = seedTanChau(ctx, firstYear, lastYear);
    summary.organizations += story.organizations;
    summary.figures += story.figures;
  }
  const allianceName = getAlliance(ctx)?.name ?? '';
  summary.plans = seedYearPlans(ctx, allianceName, unitNameInSentence(province.fullName), firstYear, lastYear);
  return summary;
}
