/**
 * Demo trade promotion: partners, events with who came, and the agreements signed — with their
 * commitments, deliveries and follow-up notes — over the last three years and the current one, so
 * that Sự kiện, Thỏa thuận, Cần chú ý, Tổng quan and the reports all have something to show.
 *
 * Last year is the showcase a real province published: 4 hội nghị kết nối cung – cầu in 4
 * cities with over 100 HTX and enterprises, and 10 hội nghị chuyên đề between 52 enterprises and
 * over 300 HTX and THT (given a register of a province's size). Nothing else of those two kinds is
 * held that year, so the app's figures for it read as those sentences.
 */
import { eq } from 'drizzle-orm';
import type { AgreementKind, EventKind, ParticipantRole, PartnerKind, PartnerBusinessLine } from '../../shared/domain';
import { partnerNameKey } from '../../shared/names';
import { foldText } from '../../shared/text';
import type { Context } from '../context';
import { partnerSearchText } from '../services/search';
import {
  agreementCommitments,
  agreementDeliveries,
  agreementNotes,
  agreementParties,
  agreements,
  eventParticipants,
  events,
  partners,
} from '../db/schema';
import type { Random } from './random';

export interface PromotionSummary {
  partners: number;
  events: number;
  participants: number;
  agreements: number;
  commitments: number;
  deliveries: number;
}

/** Who can take part and sign: active organizations with something to sell. */
export interface DemoMember {
  id: number;
  kind: 'htx' | 'lhhtx' | 'tht' | 'qtdnd';
  provinceCode: string;
  /** What it sells, unit and price; null for one without products (transport, credit …). */
  product: readonly [name: string, unit: string, price: number] | null;
}

const enterpriseWords = ['Thực phẩm', 'Nông sản', 'Xuất nhập khẩu', 'Thương mại', 'Chế biến', 'Phân phối', 'Đầu tư', 'Nông nghiệp công nghệ cao'];
const enterpriseNames = ['Sao Việt', 'Phú Gia', 'Hoàng Long', 'Minh Phát', 'Đại Dương', 'Tân Hưng', 'Việt Xanh', 'An Khang', 'Thuận Phong', 'Kim Ngân', 'Hưng Phát', 'Nam Bộ', 'Bắc Hà', 'Mekong', 'Sen Vàng', 'Trường Sơn'];
const otherPartners: readonly [PartnerKind, string][] = [
  ['wholesale_market', 'Chợ đầu mối nông sản'],
  ['retail_outlet', 'Chuỗi cửa hàng thực phẩm sạch'],
  ['online_channel', 'Sàn thương mại điện tử'],
  ['logistics', 'Công ty Logistics'],
  ['alliance', 'Liên minh Hợp tác xã'],
  ['state_agency', 'Sở Công Thương'],
];
const businessLines: readonly PartnerBusinessLine[] = ['distribution', 'supermarket', 'processing', 'export', 'other'];
const themes = ['lúa gạo chất lượng cao', 'trái cây xuất khẩu', 'thủy sản', 'sản phẩm OCOP', 'dược liệu', 'chăn nuôi an toàn sinh học', 'chuyển đổi số trong HTX', 'kinh tế tuần hoàn', 'rau an toàn', 'chè và đặc sản vùng cao'];
const agreementTitles: Record<AgreementKind, string> = {
  mou: 'Biên bản ghi nhớ hợp tác tiêu thụ',
  sales_contract: 'Hợp đồng liên kết tiêu thụ',
  cooperation_programme: 'Chương trình phối hợp phát triển',
};
/** Why the office let go of an agreement that ran out unfinished. */
export const closingReasons = [
  'Hai bên đã thanh lý hợp đồng; phần còn lại không thực hiện.',
  'Doanh nghiệp không nhận tiếp do thay đổi kế hoạch kinh doanh.',
  'Mất mùa, HTX không đủ sản lượng; hai bên thống nhất dừng.',
] as const;
const numberSuffix: Record<AgreementKind, string> = { mou: 'BBGN', sales_contract: 'HĐLK', cooperation_programme: 'CTPH' };

function day(year: number, month: number, dayOfMonth: number): string {
  return new Date(Date.UTC(year, month - 1, dayOfMonth)).toISOString().slice(0, 10);
}

function plusDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The first `n` of `items` in an order drawn from `random`, each once. */
function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = random.int(0, index);
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

/** `n` of `items` drawn at random, each once, without shuffling the whole list (100,000 members). */
function sample<T>(random: Random, items: readonly T[], n: number): T[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(n, items.length)) chosen.add(random.int(0, items.length - 1));
  return [...chosen].map((index) => items[index] as T);
}

export function seedPromotion(
  ctx: Context,
  random: Random,
  options: { scale: 'province' | 'national'; provinceCode: string; members: readonly DemoMember[]; now: string },
): PromotionSummary {
  const { members, now } = options;
  const db = ctx.db;
  const today = ctx.clock().toISOString().slice(0, 10);
  const thisYear = Number(today.slice(0, 4));
  const lastYear = thisYear - 1;
  const national = options.scale === 'national';
  const summary: PromotionSummary = { partners: 0, events: 0, participants: 0, agreements: 0, commitments: 0, deliveries: 0 };
  const provinces = ctx.places.provinces;
  const home = ctx.places.province(options.provinceCode);
  // Other provinces' cities first: where the big supply–demand conferences are held.
  const cities = provinces.filter((province) => province.code !== options.provinceCode && province.fullName.startsWith('Thành phố'));

  // --- Partners: enterprises mostly, and markets, channels, logistics, alliances, agencies.
  // At national scale, in proportion to the register (100,000 organizations: 1,176 enterprises,
  // 300 events a year, 4,000 agreements signed outside events); a province's are fixed.
  const perThousand = (n: number, floor: number) => (national ? Math.max(floor, Math.round((members.length * n) / 1000)) : floor);
  const enterpriseCount = perThousand(11.76, 70);
  const otherCount = perThousand(5, 30);
  const enterprises: number[] = [];
  const others: number[] = [];
  const addPartner = (kind: PartnerKind, name: string, provinceCode: string, businessLine: PartnerBusinessLine | null): number => {
    const shortName = '';
    const taxCode = kind === 'enterprise' ? `0${String(310_000_000 + summary.partners * 7919).slice(0, 9)}` : null;
    const contactName = random.pick(['Nguyễn Thị Mai', 'Trần Văn Hải', 'Lê Minh Tuấn', 'Phạm Thu Hà', 'Võ Quốc Bảo']);
    const contactRole = random.pick(['Giám đốc', 'Trưởng phòng kinh doanh', 'Phó giám đốc']);
    const phone = `09${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
    const buys = kind === 'enterprise' ? random.pick(['Gạo, lúa', 'Trái cây tươi', 'Thủy sản', 'Rau củ an toàn', 'Dược liệu khô', 'Sản phẩm OCOP']) : '';
    const id = db
      .insert(partners)
      .values({
        kind,
        businessLine,
        name,
        shortName,
        taxCode,
        provinceCode,
        contactName,
        contactRole,
        phone,
        buys,
        qualityRequirements: kind === 'enterprise' && random.chance(0.5) ? random.pick(['VietGAP', 'GlobalGAP', 'OCOP 3 sao trở lên', 'Truy xuất nguồn gốc']) : '',
        nameFolded: foldText(name),
        nameKey: partnerNameKey(name),
        // As a person's save writes it: the province, contact and what it buys are searched too.
        searchText: partnerSearchText({ name, shortName, provinceName: ctx.places.province(provinceCode)?.fullName ?? '', taxCode, contactName, buys, address: '' }),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: partners.id })
      .get().id;
    summary.partners++;
    return id;
  };
  const partnerProvince = () => (random.chance(0.5) && home ? home.code : random.pick(provinces).code);
  for (let index = 0; index < enterpriseCount; index++) {
    const name = `Công ty ${random.pick(['TNHH', 'Cổ phần'])} ${random.pick(enterpriseWords)} ${random.pick(enterpriseNames)} ${index + 1}`;
    enterprises.push(addPartner('enterprise', name, partnerProvince(), random.pick(businessLines)));
  }
  for (let index = 0; index < otherCount; index++) {
    const [kind, label] = otherPartners[index % otherPartners.length] ?? ['wholesale_market', 'Chợ đầu mối'];
    const province = random.pick(provinces);
    others.push(addPartner(kind, `${label} ${province.name} ${index + 1}`, province.code, null));
  }

  const cooperatives = members.filter((member) => member.kind !== 'tht');
  const groups = members.filter((member) => member.kind === 'tht');
  const sellers = members.filter((member) => member.product !== null);

  // --- Events
  type Comer = { organizationId?: number; partnerId?: number; role?: ParticipantRole };
  const addEvent = (kind: EventKind, title: string, startsOn: string, provinceCode: string | null, comers: readonly Comer[], extra: { days?: number; budget?: number } = {}): number => {
    const venue = provinceCode === null ? '' : random.pick(['Trung tâm Hội nghị tỉnh', 'Khách sạn Mường Thanh', 'Nhà văn hóa tỉnh', 'Trung tâm Xúc tiến thương mại']);
    const organizer = `Liên minh Hợp tác xã ${home?.name ?? ''}`.trim();
    const id = db
      .insert(events)
      .values({
        kind,
        title,
        titleFolded: foldText(title),
        startsOn,
        startsAt: random.pick(['08:00', '08:00', '13:30', null]),
        endsOn: plusDays(startsOn, extra.days ?? 0),
        venue,
        provinceCode,
        organizer,
        coOrganizers: kind === 'thematic_conference' ? 'Sở Nông nghiệp và Môi trường' : '',
        budget: extra.budget ?? random.int(2, 30) * 10_000_000,
        searchText: foldText([title, venue, organizer].join(' ')),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: events.id })
      .get().id;
    summary.events++;
    const seen = new Set<string>();
    const past = startsOn <= today;
    for (const comer of comers) {
      const key = comer.organizationId ? `o${comer.organizationId}` : `p${comer.partnerId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      db.insert(eventParticipants)
        .values({
          eventId: id,
          organizationId: comer.organizationId ?? null,
          partnerId: comer.partnerId ?? null,
          role: comer.role ?? 'attendee',
          status: past ? 'attended' : 'registered',
          representative: random.chance(0.4) ? random.pick(['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Văn Cường', 'Phạm Thị Dung']) : '',
        })
        .run();
      summary.participants++;
    }
    return id;
  };
  /** Invited but did not come: on the list, not counted as having taken part. */
  const absent = (eventId: number, ids: readonly number[]) => {
    for (const organizationId of ids) {
      const done = db
        .insert(eventParticipants)
        .values({ eventId, organizationId, role: 'attendee', status: 'absent' })
        .onConflictDoNothing()
        .run();
      summary.participants += done.changes;
    }
  };

  const held: { id: number; kind: EventKind; startsOn: string }[] = [];
  const remember = (id: number, kind: EventKind, startsOn: string) => held.push({ id, kind, startsOn });
  const ids = (list: readonly DemoMember[]) => list.map((member) => member.id);

  // Last year's showcase. Supply–demand: 4 conferences in 4 cities, 80 HTX and 30 enterprises.
  const sdcCities = (cities.length >= 4 ? cities : [home, ...cities].filter((place) => place !== undefined)).slice(0, 4);
  const sdcCooperatives = shuffled(random, ids(cooperatives)).slice(0, 80);
  const sdcEnterprises = shuffled(random, enterprises).slice(0, 30);
  sdcCities.forEach((city, index) => {
    const comers: Comer[] = [
      ...sdcCooperatives.filter((_, at) => at % 4 === index).map((organizationId) => ({ organizationId })),
      ...sdcEnterprises.filter((_, at) => at % 4 === index).map((partnerId) => ({ partnerId })),
      // Some come to more than one: still one HTX, one enterprise, in the year's count.
      ...sdcCooperatives.slice(0, 5).map((organizationId) => ({ organizationId })),
    ];
    const host = others[index];
    if (host !== undefined) comers.push({ partnerId: host, role: 'host' });
    const startsOn = day(lastYear, 3 + index * 2 + (index > 2 ? 1 : 0), 12 + index);
    const id = addEvent('supply_demand_conference', `Hội nghị kết nối cung – cầu nông sản tại ${city.fullName} năm ${lastYear}`, startsOn, city.code, comers, {
      days: 1,
      budget: random.int(15, 40) * 10_000_000,
    });
    remember(id, 'supply_demand_conference', startsOn);
  });
  // Thematic: 10 conferences between 52 enterprises and 320 HTX and THT.
  const thematicEnterprises = shuffled(random, enterprises).slice(0, 52);
  const thematicMembers = shuffled(random, [...ids(cooperatives), ...ids(groups)]).slice(0, 320);
  const thematicPlaces = [home, ...shuffled(random, provinces)].filter((place) => place !== undefined).slice(0, 3);
  for (let index = 0; index < 10; index++) {
    const place = thematicPlaces[index % thematicPlaces.length];
    const comers: Comer[] = [
      ...thematicMembers.filter((_, at) => at % 10 === index).map((organizationId) => ({ organizationId })),
      ...thematicEnterprises.filter((_, at) => at % 10 === index).map((partnerId) => ({ partnerId })),
      ...thematicEnterprises.slice(0, 3).map((partnerId) => ({ partnerId, role: 'speaker' as const })),
    ];
    const agency = others.find((_, at) => at % otherPartners.length === 5);
    if (agency !== undefined) comers.push({ partnerId: agency, role: 'guest' });
    const startsOn = day(lastYear, 1 + index, 8 + index);
    const id = addEvent('thematic_conference', `Hội nghị chuyên đề ${themes[index] ?? ''} năm ${lastYear}`, startsOn, place?.code ?? null, comers);
    remember(id, 'thematic_conference', startsOn);
    if (index < 3) absent(id, sample(random, ids(cooperatives), 4));
  }

  // Background: the other kinds every year, and every kind in the other years.
  const otherKinds: readonly EventKind[] = ['seminar', 'fair', 'forum', 'training', 'study_tour', 'online_meeting'];
  const perYear = perThousand(3, 8);
  const memberIds = ids(members);
  const partnerIds = [...enterprises, ...others];
  for (const year of [lastYear - 2, lastYear - 1, lastYear, thisYear]) {
    const kinds: readonly EventKind[] = year === lastYear ? otherKinds : ['supply_demand_conference', 'thematic_conference', ...otherKinds];
    const count = year === thisYear ? Math.max(4, Math.round(perYear / 2)) : perYear;
    for (let index = 0; index < count; index++) {
      const kind = kinds[index % kinds.length] ?? 'seminar';
      // This year's events run up to two months ahead: some are coming up.
      // This year's stay in this year, so that last year's showcase is all there is of its kinds.
      const drawn = year === thisYear ? plusDays(today, random.int(-200, 60)) : day(year, random.int(1, 12), random.int(1, 28));
      const startsOn = drawn < day(thisYear, 1, 1) && year === thisYear ? day(thisYear, 1, 5 + index) : drawn;
      const place = kind === 'online_meeting' ? null : random.chance(0.7) && home ? home.code : random.pick(provinces).code;
      const comers: Comer[] = [
        ...sample(random, memberIds, random.int(8, national ? 60 : 30)).map((organizationId) => ({ organizationId })),
        ...sample(random, partnerIds, random.int(2, 10)).map((partnerId) => ({ partnerId, role: kind === 'fair' ? ('exhibitor' as const) : undefined })),
      ];
      const title = `${eventTitle(kind)} ${random.pick(themes)} ${year}${index > kinds.length ? ` (đợt ${Math.floor(index / kinds.length) + 1})` : ''}`;
      const id = addEvent(kind, title, startsOn, place, comers, { days: kind === 'fair' ? 3 : kind === 'study_tour' ? 2 : 0 });
      remember(id, kind, startsOn);
    }
  }

  // --- Agreements: signed at supply–demand conferences and fairs, and on their own.
  const agreementKinds: readonly AgreementKind[] = ['sales_contract', 'sales_contract', 'mou', 'cooperation_programme'];
  let serial = 0;
  const addAgreement = (signedOn: string, eventId: number | null, seller: DemoMember, buyer: number) => {
    const kind = random.pick(agreementKinds);
    serial++;
    const product = seller.product ?? ['Nông sản các loại', 'kg', 20_000];
    const title = `${agreementTitles[kind]} ${product[0].toLowerCase()}`;
    const validUntil = plusDays(signedOn, random.pick([180, 270, 365, 365, 540]));
    const agreementId = db
      .insert(agreements)
      .values({
        kind,
        number: `${serial}/${signedOn.slice(0, 4)}/${numberSuffix[kind]}`,
        title,
        titleFolded: foldText(title),
        signedOn,
        eventId,
        validFrom: signedOn,
        validUntil,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: agreements.id })
      .get().id;
    summary.agreements++;
    const party = (values: Omit<typeof agreementParties.$inferInsert, 'agreementId'>) =>
      db.insert(agreementParties).values({ agreementId, ...values }).returning({ id: agreementParties.id }).get().id;
    const sellerParty = party({ kind: 'organization', organizationId: seller.id, role: 'seller', position: 0 });
    const buyerParty = party({ kind: 'partner', partnerId: buyer, role: 'buyer', position: 1 });
    if (random.chance(0.3)) party({ kind: 'alliance', role: 'witness', position: 2 });

    const [name, unit, price] = product;
    const lines = random.chance(0.3) ? 2 : 1;
    let unfinished = false;
    for (let line = 0; line < lines; line++) {
      // Quantities in the product's own unit; a second line is a smaller, later lot.
      const quantity = (unit === 'kg' ? random.int(5, 200) * 1000 : random.int(5, 500) * 10) / (line + 1);
      // Most commitments carry their value; a few do not, and the agreement is then averaged.
      const value = random.chance(0.9) ? Math.round(quantity * price) : null;
      const dueOn = random.chance(0.8) ? plusDays(signedOn, random.int(60, 360)) : null;
      const commitmentId = db
        .insert(agreementCommitments)
        .values({
          agreementId,
          product: line === 0 ? name : `${name} (đợt 2)`,
          productFolded: foldText(line === 0 ? name : `${name} (đợt 2)`),
          quantity,
          unit,
          value,
          startsOn: signedOn,
          dueOn: dueOn !== null && dueOn > validUntil ? validUntil : dueOn,
          supplierPartyId: sellerParty,
          receiverPartyId: buyerParty,
        })
        .returning({ id: agreementCommitments.id })
        .get().id;
      summary.commitments++;
      // Deliveries up to today: most deliver it all, some part, a few nothing yet.
      const share = random.pick([1, 1, 1, 0.8, 0.6, 0.4, 0]);
      const lots = random.int(1, 4);
      if (share < 1) unfinished = true;
      for (let lot = 1; lot <= lots && share > 0; lot++) {
        const deliveredOn = plusDays(signedOn, Math.round((lot / (lots + 1)) * 300));
        if (deliveredOn > today) {
          unfinished = true;
          break;
        }
        const lotQuantity = Math.round(((quantity * share) / lots) * 100) / 100;
        db.insert(agreementDeliveries)
          .values({ commitmentId, deliveredOn, quantity: lotQuantity, value: value === null ? null : Math.round(lotQuantity * price), createdAt: now })
          .run();
        summary.deliveries++;
      }
    }
    // Most that ran out unfinished long ago were let go by the office, with a reason; the recent
    // ones are still chased in Cần chú ý.
    const closedOn = plusDays(validUntil, random.int(15, 60));
    if (unfinished && plusDays(validUntil, 90) < today && closedOn <= today && random.chance(0.85)) {
      db.update(agreements)
        .set({
          closedOn,
          closingReason: random.pick(closingReasons),
        })
        .where(eq(agreements.id, agreementId))
        .run();
    }
    if (random.chance(0.5)) {
      const notedOn = plusDays(signedOn, random.int(20, 200));
      if (notedOn <= today) {
        db.insert(agreementNotes)
          .values({ agreementId, notedOn, text: random.pick(['Đã gọi điện trao đổi tiến độ giao hàng.', 'Doanh nghiệp đề nghị lùi lịch giao đợt tiếp theo.', 'Kiểm tra chất lượng lô hàng đạt yêu cầu.']), createdAt: now })
          .run();
      }
    }
  };

  if (sellers.length > 0 && enterprises.length > 0) {
    for (const { id, kind, startsOn } of held) {
      if (startsOn > today) continue;
      const signing = kind === 'supply_demand_conference' ? random.int(2, 4) : kind === 'fair' || kind === 'thematic_conference' ? random.int(0, 2) : 0;
      for (let index = 0; index < signing; index++) addAgreement(startsOn, id, random.pick(sellers), random.pick(enterprises));
    }
    // And some signed on their own, spread over the years up to today.
    const standalone = perThousand(40, 25);
    for (let index = 0; index < standalone; index++) {
      const signedOn = plusDays(today, -random.int(10, 3 * 365));
      addAgreement(signedOn, null, random.pick(sellers), random.pick(enterprises));
    }
  }
  return summary;
}

function eventTitle(kind: EventKind): string {
  const titles: Record<EventKind, string> = {
    supply_demand_conference: 'Hội nghị kết nối cung – cầu',
    thematic_conference: 'Hội nghị chuyên đề',
    seminar: 'Tọa đàm',
    fair: 'Hội chợ',
    forum: 'Diễn đàn',
    training: 'Lớp tập huấn',
    study_tour: 'Khảo sát học tập',
    online_meeting: 'Họp trực tuyến',
  };
  return titles[kind] ?? kind;
}
