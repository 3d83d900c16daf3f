import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { loadAdminUnits, type Commune } from '../../src/core/adminUnits';

// The committed resource, not the source data: this is what the app ships.
const units = loadAdminUnits(join(import.meta.dirname, '../../resources/admin-units/admin-units.json'));

const fullNames = (communes: readonly Commune[]): string[] => communes.map((c) => c.fullName);

describe('admin units, 1 July 2025', () => {
  it('holds the 34 provinces and 3,321 communes', () => {
    expect(units.provinces).toHaveLength(34);
    expect(units.provinces.reduce((n, p) => n + units.communesOf(p.code).length, 0)).toBe(3321);
  });

  it('has the published number of communes per province', () => {
    expect(units.communesOf('01')).toHaveLength(126);
    expect(units.communesOf('79')).toHaveLength(168);
    expect(units.communesOf('91')).toHaveLength(102);
    expect(units.communesOf('99')).toEqual([]);
  });

  it('names provinces with their type', () => {
    expect(units.province('91')).toEqual({ code: '91', type: 'Tỉnh', name: 'An Giang', fullName: 'Tỉnh An Giang' });
    expect(units.province('01')).toEqual({ code: '01', type: 'Thành phố', name: 'Hà Nội', fullName: 'Thành phố Hà Nội' });
    expect(units.commune('00004')).toEqual({ code: '00004', type: 'Phường', name: 'Ba Đình', fullName: 'Phường Ba Đình', provinceCode: '01' });
    expect(units.commune('99999')).toBeUndefined();
  });

  it('sorts a province’s communes in Vietnamese order', () => {
    expect(fullNames(units.communesOf('91').slice(0, 8))).toEqual([
      'Xã An Biên',
      'Xã An Châu',
      'Xã An Cư',
      'Xã An Minh',
      'Xã An Phú',
      'Xã Ba Chúc',
      'Xã Bình An',
      'Phường Bình Đức',
    ]);
  });
});

describe('findProvince', () => {
  it('accepts names as typed, with or without type word and diacritics', () => {
    for (const text of ['an giang', 'An Giang', 'Tỉnh An Giang', 'T. An Giang', 'tinh an giang']) {
      expect(units.findProvince(text)?.code, text).toBe('91');
    }
    for (const text of ['TP Hà Nội', 'Hà Nội', 'Thành phố Hà Nội', 'ha noi', 'tp. ha noi']) {
      expect(units.findProvince(text)?.code, text).toBe('01');
    }
    expect(units.findProvince('dong thap')?.fullName).toBe('Tỉnh Đồng Tháp');
    expect(units.findProvince('TP.HCM')?.code).toBe('79');
    expect(units.findProvince('Thừa Thiên Huế')?.fullName).toBe('Thành phố Huế');
  });

  it('finds no province that no longer exists', () => {
    expect(units.findProvince('Hòa Bình')).toBeUndefined();
    expect(units.findProvince('')).toBeUndefined();
  });
});

describe('findCommune', () => {
  it('accepts names with or without type word and diacritics', () => {
    for (const text of ['xa vinh an', 'Vĩnh An', 'Xã Vĩnh An', 'X. Vĩnh An']) {
      expect(units.findCommune('91', text)?.code, text).toBe('30604');
    }
    expect(units.findCommune('01', 'P. Ba Đình')?.code).toBe('00004');
    expect(units.findCommune('01', 'van mieu quoc tu giam')?.fullName).toBe('Phường Văn Miếu - Quốc Tử Giám');
    expect(units.findCommune('66', 'Cư Mgar')?.fullName).toBe("Xã Cư M'gar");
  });

  it('keeps a first word that only looks like a type word', () => {
    expect(units.findCommune('01', 'Phương Liệt')?.fullName).toBe('Phường Phương Liệt');
    expect(units.findCommune('01', 'phuong liet')?.fullName).toBe('Phường Phương Liệt');
  });

  it('uses diacritics to tell apart names that fold alike, and gives up without them', () => {
    expect(units.findCommune('19', 'Văn Lăng')?.code).toBe('05665');
    expect(units.findCommune('19', 'Văn Lang')?.code).toBe('02143');
    expect(units.findCommune('19', 'van lang')).toBeUndefined();
  });

  it('looks only within the province', () => {
    expect(units.findCommune('01', 'Vĩnh An')).toBeUndefined();
    expect(units.findCommune('99', 'Vĩnh An')).toBeUndefined();
  });
});

describe('mapOldAddress', () => {
  it('maps an old commune that went whole into one new commune', () => {
    expect(units.mapOldAddress('Hà Nội', 'Phường Trúc Bạch')).toEqual({ kind: 'mapped', commune: units.commune('00004') });
    expect(units.mapOldAddress('Hòa Bình', 'xã Cao Dương')).toEqual({ kind: 'mapped', commune: units.commune('05047') });
    expect(units.mapOldAddress('tỉnh Hoà Bình', 'Thị trấn Lương Sơn')).toEqual({ kind: 'mapped', commune: units.commune('04924') });
    expect(units.mapOldAddress('Hải Phòng', 'Huyện Bạch Long Vĩ')).toEqual({ kind: 'mapped', commune: units.commune('11948') });
  });

  it('asks when an old commune was split', () => {
    const match = units.mapOldAddress('Thành phố Hà Nội', 'Cống Vị');
    expect(match.kind).toBe('ambiguous');
    expect(match.kind === 'ambiguous' && fullNames(match.candidates)).toEqual(['Phường Giảng Võ', 'Phường Ngọc Hà']);
  });

  it('asks when the old name is not unique within the old province', () => {
    // Sóc Sơn's and Quốc Oai's Xã Đông Xuân; the old district is not in the data.
    const match = units.mapOldAddress('ha noi', 'xa dong xuan');
    expect(match.kind === 'ambiguous' && match.candidates.map((c) => c.code)).toEqual(['00376', '04930']);
  });

  it('does not know what is not there', () => {
    expect(units.mapOldAddress('Hà Nội', 'Xã Không Có')).toEqual({ kind: 'unknown' });
    expect(units.mapOldAddress('Không Có', 'xã Cao Dương')).toEqual({ kind: 'unknown' });
    expect(units.mapOldAddress('An Giang', 'Phường Trúc Bạch')).toEqual({ kind: 'unknown' });
  });
});

describe('suggestFromOldAddress', () => {
  it('reads an old address written in one line, skipping the district', () => {
    expect(units.suggestFromOldAddress('xã Cao Dương, huyện Lương Sơn, tỉnh Hòa Bình')).toEqual({ kind: 'mapped', commune: units.commune('05047') });
    const split = units.suggestFromOldAddress('số 5 Giảng Võ; phường Cống Vị - quận Ba Đình - Hà Nội');
    expect(split.kind === 'ambiguous' && fullNames(split.candidates)).toEqual(['Phường Giảng Võ', 'Phường Ngọc Hà']);
  });

  it('looks in the old provinces merged into the home province when the address names none', () => {
    // Old An Giang (89) and old Kiên Giang went into today's An Giang (91).
    expect(units.suggestFromOldAddress('ấp 3, xã Vĩnh Tế, huyện Châu Đốc', '91')).toEqual({ kind: 'mapped', commune: units.commune('30325') });
    expect(units.suggestFromOldAddress('ấp 3, xã Vĩnh Tế', '01')).toEqual({ kind: 'unknown' });
  });
});

describe('old addresses with their districts', () => {
  it('tells apart communes of one name in the merged province by the district', () => {
    // Old An Giang and Kiên Giang are today's An Giang (91); each had a Xã Vĩnh Hòa.
    expect(units.suggestFromOldAddress('xã Vĩnh Hòa', '91').kind).toBe('ambiguous');
    const tanChau = units.suggestFromOldAddress('xã Vĩnh Hòa, thị xã Tân Châu, tỉnh An Giang', '91');
    expect(tanChau.kind === 'mapped' && tanChau.commune.fullName).toBe('Xã Vĩnh Xương');
    const uMinh = units.suggestFromOldAddress('xã Vĩnh Hòa', '91', 'U Minh Thượng');
    expect(uMinh.kind === 'mapped' && uMinh.commune.fullName).toBe('Xã Vĩnh Hòa');
    expect(units.mapOldAddress('Kiên Giang', 'Vĩnh Hòa', 'huyện U Minh Thượng')).toMatchObject({ kind: 'mapped', commune: { fullName: 'Xã Vĩnh Hòa' } });
  });

  it('never reads the district as the commune, and reads the type of the old commune', () => {
    // "huyện Châu Thành" is not Xã Châu Thành; thị trấn Vĩnh Bình went to Xã Vĩnh An, though a
    // Xã Vĩnh Bình of today exists.
    const town = units.suggestFromOldAddress('thị trấn Vĩnh Bình, huyện Châu Thành, tỉnh An Giang', '91');
    expect(town.kind === 'mapped' && town.commune.fullName).toBe('Xã Vĩnh An');
    expect(units.namesOldDistrict('huyện Châu Thành', '91')).toBe(true);
    expect(units.namesOldDistrict('Châu Thành', '91')).toBe(true);
    expect(units.namesOldDistrict('huyện Lương Sơn', '91')).toBe(false);
  });

  it('still asks where an old commune went to several', () => {
    const phuHoi = units.suggestFromOldAddress('xã Phú Hội, huyện An Phú, tỉnh An Giang', '91');
    expect(phuHoi.kind === 'ambiguous' && fullNames(phuHoi.candidates)).toEqual(['Xã An Phú', 'Xã Nhơn Hội']);
  });
});

describe('provinces named as before 1 July 2025', () => {
  it('lead to the province of today, saying which one was named', () => {
    expect(units.findProvinceAnyTime('Bạc Liêu')).toMatchObject({ province: { fullName: 'Tỉnh Cà Mau' }, formerName: 'Tỉnh Bạc Liêu' });
    expect(units.findProvinceAnyTime('tinh kien giang')).toMatchObject({ province: { code: '91' }, formerName: 'Tỉnh Kiên Giang' });
    expect(units.findProvinceAnyTime('Hòa Bình')).toMatchObject({ province: { fullName: 'Tỉnh Phú Thọ' } });
    expect(units.findProvinceAnyTime('An Giang')).toMatchObject({ province: { code: '91' }, formerName: null });
    expect(units.findProvinceAnyTime('Không Có')).toBeUndefined();
  });
});
