/** A stand-in for the preload's `window.api`: one handler per channel a test needs. */
import { vi } from 'vitest';
import type { Api, Channel, EventLookups, ImportPreviewRow, InputOf, Lookups, OrganizationDetail, OrganizationListRow, OutputOf, PartnerSummary } from '../../src/shared/contract';
import type { Alliance, Commune, ProvinceChoice } from '../../src/shared/domain';
import type { AppError, Result } from '../../src/shared/errors';

export type FakeHandlers = { [C in Channel]?: (input: InputOf<C>) => Result<OutputOf<C>> };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppError): Result<never> => ({ ok: false, error });

/** Installs the fake and returns its spy, to check what the screens asked for. */
export function installFakeApi(handlers: FakeHandlers) {
  const invoke = vi.fn((channel: Channel, input: unknown): Promise<Result<unknown>> => {
    const handler = (handlers[channel] ?? everywhere[channel]) as ((input: unknown) => Result<unknown>) | undefined;
    return Promise.resolve(
      handler ? handler(input) : fail({ kind: 'internal', message: `Kênh ${channel} chưa có trong bài kiểm tra.` }),
    );
  });
  window.api = { invoke, reportUnsaved: () => undefined } as Api;
  return invoke;
}

/** A sector and a size class to choose among, and the law's minimum members. */
export const lookups: Lookups = {
  sectors: [{ code: 'trong_trot', name: 'Trồng trọt', group: 'agriculture' }],
  sizeClasses: [{ code: 'nho', name: 'Nhỏ' }],
  certificationKinds: [],
  minimumMembers: { htx: 5, lhhtx: 3, tht: 0, qtdnd: 0 },
};

/** The kinds of event and participant roles as a new database has them (drizzle/…_event_lookups_seeded.sql). */
export const eventLookups: EventLookups = {
  kinds: [
    ['supply_demand_conference', 'Hội nghị kết nối cung – cầu'],
    ['thematic_conference', 'Hội nghị chuyên đề'],
    ['seminar', 'Tọa đàm'],
    ['fair', 'Hội chợ – triển lãm'],
    ['forum', 'Diễn đàn'],
    ['training', 'Lớp tập huấn'],
    ['study_tour', 'Khảo sát học tập'],
    ['online_meeting', 'Họp trực tuyến'],
  ].map(([code = '', name = '']) => ({ code, name, retired: false, used: 0, online: code === 'online_meeting' })),
  roles: [
    ['attendee', 'Tham dự'],
    ['host', 'Chủ trì'],
    ['guest', 'Khách mời'],
    ['exhibitor', 'Trưng bày'],
    ['speaker', 'Báo cáo viên'],
    ['co_organizer', 'Đơn vị phối hợp'],
  ].map(([code = '', name = '']) => ({ code, name, retired: false, used: 0 })),
};

/** What every screen may ask for, answered unless a test says otherwise. */
// An organization's events are asked for by every confirmation of its end (LifecycleForm): none unless a test says.
const everywhere: FakeHandlers = { 'events:lookups': () => ok(eventLookups), 'events:ofCounterpart': () => ok([]) };

export const provinces: ProvinceChoice[] = [
  { code: '01', type: 'Thành phố', name: 'Hà Nội', fullName: 'Thành phố Hà Nội', formerNames: [] },
  { code: '80', type: 'Tỉnh', name: 'Tây Ninh', fullName: 'Tỉnh Tây Ninh', formerNames: ['Tỉnh Long An'] },
  { code: '82', type: 'Tỉnh', name: 'Đồng Tháp', fullName: 'Tỉnh Đồng Tháp', formerNames: ['Tỉnh Tiền Giang'] },
  { code: '91', type: 'Tỉnh', name: 'An Giang', fullName: 'Tỉnh An Giang', formerNames: ['Tỉnh Kiên Giang'] },
];

export const communes: Commune[] = [
  { code: '28123', type: 'Xã', name: 'Mỹ Hiệp', fullName: 'Xã Mỹ Hiệp', provinceCode: '82' },
  { code: '28456', type: 'Phường', name: 'Cao Lãnh', fullName: 'Phường Cao Lãnh', provinceCode: '82' },
  { code: '28789', type: 'Xã', name: 'Tân Hồng', fullName: 'Xã Tân Hồng', provinceCode: '82' },
];

export const alliance: Alliance = {
  name: 'Liên minh Hợp tác xã tỉnh Đồng Tháp',
  provinceCode: '82',
  address: '12 Nguyễn Huệ, phường Cao Lãnh',
  chairName: 'Trần Thị Bình',
  phone: '0277 3851 234',
  email: 'lienminh@dongthap.gov.vn',
};

export function organization(overrides: Partial<OrganizationListRow> & Pick<OrganizationListRow, 'id' | 'name'>): OrganizationListRow {
  return {
    kind: 'htx',
    shortName: '',
    registrationNo: null,
    provinceCode: '82',
    communeCode: '28123',
    communeName: 'Xã Mỹ Hiệp',
    street: '',
    sectorCode: null,
    foundedOn: null,
    isMember: true,
    status: 'active',
    endedOn: null,
    otherProvinceName: null,
    createdAt: '2025-07-01T08:00:00.000Z',
    updatedAt: '2025-07-01T08:00:00.000Z',
    phone: '',
    email: '',
    representative: '',
    latestFigures: null,
    ...overrides,
  };
}

/** An enterprise in Hà Nội with nothing else filled in, for the partner lists and forms. */
export function partner(overrides: Partial<PartnerSummary> & Pick<PartnerSummary, 'id' | 'name'>): PartnerSummary {
  return {
    kind: 'enterprise',
    businessLine: null,
    shortName: '',
    taxCode: null,
    provinceCode: '01',
    provinceName: 'Thành phố Hà Nội',
    contactName: '',
    phone: '',
    buys: '',
    ...overrides,
  };
}

/** A row of an import's preview, valid, new and with nothing said of it, for the preview's screens. */
export function previewRow(overrides: Partial<ImportPreviewRow> & Pick<ImportPreviewRow, 'row'>): ImportPreviewRow {
  return {
    status: 'valid',
    values: [],
    problems: [],
    match: null,
    commune: null,
    communeChoices: [],
    needsPlace: false,
    placeProvinceCode: null,
    placeReason: null,
    placeKey: null,
    placeRemembered: false,
    notes: [],
    defaultAction: 'create',
    changes: null,
    ...overrides,
  };
}

/** A cooperative's profile with nothing filled in beyond its name, for the tabs of its page. */
export function organizationDetail(overrides: Partial<OrganizationDetail> = {}): OrganizationDetail {
  return {
    ...organization({ id: 7, name: 'HTX Nông nghiệp Mỹ Hiệp' }),
    oldAddress: '',
    phone: '',
    email: '',
    website: '',
    representative: '',
    charterCapital: null,
    sizeClass: null,
    memberSince: null,
    memberUntil: null,
    highTech: false,
    valueChain: false,
    contacts: [],
    unions: [],
    members: [],
    warnings: [],
    hasHistory: false,
    ...overrides,
  };
}
