import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { loadAdminUnits, type Commune, type OldAddressMatch, type OldNamesake, type WrittenAddress } from '../../src/core/adminUnits';
import { namesakesWords } from '../../src/core/excel/import/places';
import { unitNameInSentence } from '../../src/shared/format';
import { foldText } from '../../src/shared/text';
import { AN_GIANG } from './support';

// The committed resource, not the source data: this is what the app ships.
const unitsFile = join(import.meta.dirname, '../../resources/admin-units/admin-units.json');
const units = loadAdminUnits(unitsFile);

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
    // The highlands' names as often written with c for k, or in one word.
    for (const text of ['Đắc Lắc', 'Đắk Lắc', 'Đăk Lăk', 'Daklak', 'tỉnh Đắc Lắk']) expect(units.findProvince(text)?.code, text).toBe('66');
    expect(units.findProvince('Sài Gòn')?.code).toBe('79');
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
    expect(units.suggestFromOldAddress('xã Cao Dương, huyện Lương Sơn, tỉnh Hòa Bình').match).toEqual({ kind: 'mapped', commune: units.commune('05047') });
    const split = units.suggestFromOldAddress('số 5 Giảng Võ; phường Cống Vị - quận Ba Đình - Hà Nội').match;
    expect(split.kind === 'ambiguous' && fullNames(split.candidates)).toEqual(['Phường Giảng Võ', 'Phường Ngọc Hà']);
  });

  it('looks in the old provinces merged into the home province when the address names none', () => {
    // Old An Giang (89) and old Kiên Giang went into today's An Giang (91).
    expect(units.suggestFromOldAddress('ấp 3, xã Vĩnh Tế, huyện Châu Đốc', '91').match).toEqual({ kind: 'mapped', commune: units.commune('30325') });
    expect(units.suggestFromOldAddress('ấp 3, xã Vĩnh Tế', '01').match).toEqual({ kind: 'unknown' });
  });

  it('says the province it read the address in, and keeps an old commune the source maps beyond it for the caller', () => {
    // Old xã Tân Phú of huyện Châu Thành, An Giang, went to Xã Tân Phú Trung of Đồng Tháp (82).
    expect(units.suggestFromOldAddress('xã Tân Phú, huyện Châu Thành', '91')).toMatchObject({
      provinceCode: '91',
      match: { kind: 'mapped', commune: { fullName: 'Xã Tân Phú Trung', provinceCode: '82' } },
    });
    expect(units.suggestFromOldAddress('xã Tân Phú Trung, huyện Châu Thành, tỉnh Đồng Tháp', '91').provinceCode).toBe('82');
    expect(units.suggestFromOldAddress('ấp 3, xã Vĩnh Tế').provinceCode).toBeUndefined();
  });
});

describe('old addresses with their districts', () => {
  it('tells apart communes of one name in the merged province by the district', () => {
    // Old An Giang and Kiên Giang are today's An Giang (91); each had a Xã Vĩnh Hòa.
    expect(units.suggestFromOldAddress('xã Vĩnh Hòa', '91').match.kind).toBe('ambiguous');
    const tanChau = units.suggestFromOldAddress('xã Vĩnh Hòa, thị xã Tân Châu, tỉnh An Giang', '91').match;
    expect(tanChau.kind === 'mapped' && tanChau.commune.fullName).toBe('Xã Vĩnh Xương');
    const uMinh = units.suggestFromOldAddress('xã Vĩnh Hòa', '91', 'U Minh Thượng').match;
    expect(uMinh.kind === 'mapped' && uMinh.commune.fullName).toBe('Xã Vĩnh Hòa');
    expect(units.mapOldAddress('Kiên Giang', 'Vĩnh Hòa', 'huyện U Minh Thượng')).toMatchObject({ kind: 'mapped', commune: { fullName: 'Xã Vĩnh Hòa' } });
  });

  it('reads the district in the old province the address names, when another old province of the merged one had a district of its name', () => {
    // Old Sóc Trăng and Hậu Giang are today's Cần Thơ (92); each had a huyện Châu Thành with a Xã Phú Tân.
    expect(units.readAddress({ address: 'xã Phú Tân, huyện Châu Thành' }, '92').match.kind).toBe('ambiguous');
    for (const address of ['Ấp 1, xã Phú Tân, huyện Châu Thành, tỉnh Sóc Trăng', 'Phú Tân - Châu Thành - Sóc Trăng']) {
      expect(units.readAddress({ address }, '01').match, address).toMatchObject({ kind: 'mapped', commune: { code: '31582', fullName: 'Xã Thuận Hòa' } });
    }
    // Hậu Giang's went to two communes: asked between those two only.
    const hauGiang = units.readAddress({ address: 'xã Phú Tân, huyện Châu Thành, tỉnh Hậu Giang' }, '01').match;
    expect(hauGiang.kind === 'ambiguous' && hauGiang.candidates.map((commune) => commune.code).sort()).toEqual(['31378', '31582']);
    // Old Bến Tre and Trà Vinh are today's Vĩnh Long (86); each had a thị trấn Châu Thành in its huyện Châu Thành.
    for (const address of ['thị trấn Châu Thành, huyện Châu Thành, tỉnh Bến Tre', 'Châu Thành - Châu Thành - Bến Tre']) {
      expect(units.readAddress({ address }, '01').match, address).toMatchObject({ kind: 'mapped', commune: { code: '28810', fullName: 'Xã Phú Túc' } });
    }
  });

  it('never places an old commune in another old province than the district written beside it', () => {
    // Today's Vĩnh Long took in old Trà Vinh, whose thị xã Duyên Hải had the one old Phường 2 the
    // lists know; thành phố Vĩnh Long's numbered wards had been renamed before 1 July 2025.
    for (const address of ['Phường 2, Thành phố Vĩnh Long, Tỉnh Vĩnh Long', 'Phường 2, TP Vĩnh Long', 'Phường 2, thành phố Bến Tre, tỉnh Bến Tre']) {
      expect(units.readAddress({ address }, '91'), address).toMatchObject({ provinceCode: '86', match: { kind: 'unknown' } });
    }
    expect(units.readAddress({ address: 'Phường 2, thị xã Duyên Hải, tỉnh Trà Vinh' }, '91').match).toMatchObject({ kind: 'mapped', commune: { code: '29516' } });
    // Old Hà Giang's Xã Sủng Là is not in Tuyên Quang's huyện Hàm Yên, though both are today's Tuyên Quang.
    expect(units.readAddress({ address: 'Xã Sủng Là, huyện Hàm Yên, tỉnh Tuyên Quang' }, '91').match.kind).toBe('unknown');
    expect(units.readAddress({ address: 'Xã Sủng Là, huyện Đồng Văn, tỉnh Hà Giang' }, '91').match.kind).toBe('mapped');
  });

  it('reads "TP" before the name of a tỉnh as its city of that name too', () => {
    // Thành phố Sóc Trăng's Phường 3, not thị xã Ngã Năm's: the province is a tỉnh, so "TP" names the city.
    expect(units.readAddress({ address: 'Phường 3, TP Sóc Trăng' }, '91')).toMatchObject({ provinceCode: '92', match: { kind: 'mapped', commune: { code: '31510' } } });
    expect(units.readAddress({ address: 'Phường 3, tỉnh Sóc Trăng' }, '91').match.kind).toBe('ambiguous');
  });

  it('never reads the district as the commune, and reads the type of the old commune', () => {
    // "huyện Châu Thành" is not Xã Châu Thành; thị trấn Vĩnh Bình went to Xã Vĩnh An, though a
    // Xã Vĩnh Bình of today exists.
    const town = units.suggestFromOldAddress('thị trấn Vĩnh Bình, huyện Châu Thành, tỉnh An Giang', '91').match;
    expect(town.kind === 'mapped' && town.commune.fullName).toBe('Xã Vĩnh An');
    // No commune written: one of those the district's went to — both old districts of that name
    // in today's An Giang (old An Giang's and old Kiên Giang's; old Xã Tân Phú went to Đồng Tháp),
    // for the person to choose among.
    const district = units.readAddress({ address: 'ấp 1, huyện Châu Thành' }, '91');
    expect(district.old).toBe(true);
    expect(placeOf(district.match)).toEqual([
      'Xã An Châu',
      'Xã Bình An',
      'Xã Bình Hòa',
      'Xã Cần Đăng',
      'Xã Châu Thành',
      'Xã Tân Phú Trung',
      'Xã Thạnh Lộc',
      'Xã Vĩnh An',
      'Xã Vĩnh Hanh',
    ]);
    expect(placeOf(units.readAddress({ address: 'huyện Phú Tân, An Giang' }, '91').match)).toEqual([
      'Xã Bình Thạnh Đông',
      'Xã Chợ Vàm',
      'Xã Hòa Lạc',
      'Xã Phú An',
      'Xã Phú Lâm',
      'Xã Phú Tân',
    ]);
    expect(units.readAddress({ address: 'ấp 1, xã Châu Thành' }, '91')).toMatchObject({ old: false, match: { kind: 'mapped', commune: { fullName: 'Xã Châu Thành' } } });
  });

  it('asks, never guesses, where the old commune written was of another district than the one beside it', () => {
    // Old xã Phú Thạnh was of huyện Phú Tân (now Xã Chợ Vàm), not of Chợ Mới: either may be the mistake.
    expect(placeOf(units.readAddress({ address: 'xã Phú Thạnh, huyện Chợ Mới' }, '91').match)).toEqual([
      'Xã Chợ Mới',
      'Xã Chợ Vàm',
      'Xã Cù Lao Giêng',
      'Xã Hội An',
      'Xã Long Điền',
      'Xã Long Kiến',
      'Xã Nhơn Mỹ',
    ]);
    expect(placeOf(units.readAddress({ address: 'xã Phú Thạnh, huyện Phú Tân' }, '91').match)).toBe('Xã Chợ Vàm');
  });

  it('still asks where an old commune went to several', () => {
    const phuHoi = units.suggestFromOldAddress('xã Phú Hội, huyện An Phú, tỉnh An Giang', '91').match;
    expect(phuHoi.kind === 'ambiguous' && fullNames(phuHoi.candidates)).toEqual(['Xã An Phú', 'Xã Nhơn Hội']);
  });
});

describe('provinces named as before 1 July 2025', () => {
  it('lead to the province of today, saying which one was named', () => {
    expect(units.findProvinceAnyTime('Bạc Liêu')).toMatchObject({ province: { fullName: 'Tỉnh Cà Mau' }, formerName: 'Tỉnh Bạc Liêu' });
    expect(units.findProvinceAnyTime('tinh kien giang')).toMatchObject({ province: { code: '91' }, formerName: 'Tỉnh Kiên Giang' });
    expect(units.findProvinceAnyTime('Hòa Bình')).toMatchObject({ province: { fullName: 'Tỉnh Phú Thọ' } });
    expect(units.findProvinceAnyTime('Đắc Nông')).toMatchObject({ province: { fullName: 'Tỉnh Lâm Đồng' }, formerName: 'Tỉnh Đắk Nông' });
    expect(units.findProvinceAnyTime('Kontum')).toMatchObject({ province: { fullName: 'Tỉnh Quảng Ngãi' }, formerName: 'Tỉnh Kon Tum' });
    expect(units.findProvinceAnyTime('An Giang')).toMatchObject({ province: { code: '91' }, formerName: null });
    expect(units.findProvinceAnyTime('Không Có')).toBeUndefined();
  });
});

describe('provinces by their initials, in a cell that holds only a province', () => {
  const read = (text: string) => {
    const found = units.findProvinceAnyTime(text);
    return found ? [found.province.fullName, found.formerName, found.shortForm] : null;
  };

  it('are read when no province of another name has the same initials, saying they were initials', () => {
    expect(read('AG')).toEqual(['Tỉnh An Giang', null, true]);
    expect(read('ag')).toEqual(['Tỉnh An Giang', null, true]);
    expect(read('KG')).toEqual(['Tỉnh An Giang', 'Tỉnh Kiên Giang', true]);
    for (const text of ['ĐT', 'DT', 'Đt']) expect(read(text), text).toEqual(['Tỉnh Đồng Tháp', null, true]);
    for (const text of ['BR-VT', 'BRVT', 'BR - VT']) expect(read(text), text).toEqual(['Thành phố Hồ Chí Minh', 'Tỉnh Bà Rịa - Vũng Tàu', true]);
    expect(read('CT')).toEqual(['Thành phố Cần Thơ', null, true]);
    expect(read('TH')).toEqual(['Tỉnh Thanh Hóa', null, true]);
    // Names in common use that are not initials of the official one.
    expect(read('TTH')).toEqual(['Thành phố Huế', null, false]);
    // A name is read as a name first.
    expect(read('An Giang')).toEqual(['Tỉnh An Giang', null, false]);
    expect(read('TT-Huế')).toEqual(['Thành phố Huế', null, false]);
  });

  it('are not read when they are several provinces\' (HN: Hà Nội and Hà Nam), or one letter', () => {
    for (const text of ['HN', 'ĐN', 'BD', 'BT', 'QN', 'TN', 'HG', 'LC', 'H', 'Tỉnh XY']) expect(read(text), text).toBeNull();
    // Which ones, for the message that asks for the name.
    expect(units.provincesOfInitials('ĐN')).toEqual([
      { fullName: 'Thành phố Đà Nẵng', former: false },
      { fullName: 'Tỉnh Đồng Nai', former: false },
      { fullName: 'Tỉnh Đắk Nông', former: true },
    ]);
    expect(units.provincesOfInitials('AG')).toEqual([{ fullName: 'Tỉnh An Giang', former: false }]);
    expect(units.provincesOfInitials('XY')).toEqual([]);
  });

  it('are not read at the end of an address, where they may name a district (CM: huyện Chợ Mới)', () => {
    const reading = units.readAddress({ address: 'Ấp 3, xã Long Điền A, CM' }, '91');
    expect([reading.provinceCode, reading.match.kind === 'mapped' && reading.match.commune.fullName]).toEqual(['91', 'Xã Long Điền']);
  });
});

/** What a reading found, as a person reads it: one commune, the choices, or nothing. */
function placeOf(match: OldAddressMatch): string | string[] | null {
  if (match.kind === 'mapped') return match.commune.fullName;
  return match.kind === 'ambiguous' ? fullNames(match.candidates) : null;
}

const read = (address: string, more: Omit<WrittenAddress, 'address'> = {}) => units.readAddress({ address, ...more }, AN_GIANG);

describe('readAddress: old addresses written without type words', () => {
  it('reads a part naming an old district after the old commune as that district, not as the commune of today of its name', () => {
    // Chợ Mới, Châu Phú, Long Xuyên: old districts of An Giang, and communes of today.
    expect(placeOf(read('ấp Long Hòa, Long Điền A, Chợ Mới, An Giang').match)).toBe('Xã Long Điền');
    expect(placeOf(read('Long Điền A - Chợ Mới - An Giang').match)).toBe('Xã Long Điền');
    expect(placeOf(read('ấp Long Hòa, xã Long Điền A, Chợ Mới, An Giang').match)).toBe('Xã Long Điền');
    expect(placeOf(read('ấp Hòa Long, Hòa Bình, Chợ Mới, An Giang').match)).toBe('Xã Hội An');
    expect(placeOf(read('xã Khánh Hòa, Châu Phú, tỉnh An Giang').match)).toBe('Xã Mỹ Đức');
    expect(placeOf(read('Mỹ Khánh, Long Xuyên, An Giang').match)).toBe('Phường Bình Đức');
    expect(read('Mỹ Khánh, Long Xuyên, An Giang')).toMatchObject({ provinceCode: AN_GIANG, old: true });
  });

  it('asks where such an old commune was split, as it does when the district has its type word', () => {
    expect(placeOf(read('xã Phú Hội, An Phú, AG').match)).toEqual(['Xã An Phú', 'Xã Nhơn Hội']);
    expect(placeOf(read('xã Phú Hội, huyện An Phú, AG').match)).toEqual(['Xã An Phú', 'Xã Nhơn Hội']);
  });

  it('reads a commune of today named like an old district as that commune when written so, and asks when not', () => {
    expect(read('xã Chợ Mới, tỉnh An Giang')).toMatchObject({ old: false, match: { commune: { fullName: 'Xã Chợ Mới' } } });
    expect(placeOf(read('Ấp 2, Xã Chợ Mới, An Giang').match)).toBe('Xã Chợ Mới');
    // Today's Xã Chợ Mới, or anywhere in old huyện Chợ Mới, as a list of before 1 July 2025 means it.
    const choices = ['Xã Chợ Mới', 'Xã Cù Lao Giêng', 'Xã Hội An', 'Xã Long Điền', 'Xã Long Kiến', 'Xã Nhơn Mỹ'];
    expect(placeOf(read('Chợ Mới, An Giang').match)).toEqual(choices);
    expect(placeOf(read('ấp Long Hòa, Chợ Mới').match)).toEqual(choices);
    // A commune column names a commune.
    expect(placeOf(read('ấp Long Hòa', { commune: 'Chợ Mới' }).match)).toBe('Xã Chợ Mới');
    expect(placeOf(read('Số 12 đường Trần Hưng Đạo, phường Long Xuyên, An Giang').match)).toBe('Phường Long Xuyên');
    // The new commune, with the old district around it kept from habit.
    expect(placeOf(read('ấp Long Hòa, xã Long Điền, Chợ Mới').match)).toBe('Xã Long Điền');
  });

  it('asks when a part names another commune of today than the commune before it', () => {
    expect(placeOf(read('xã Vĩnh Hòa, Long Điền').match)).toEqual(['Xã Long Điền', 'Xã Vĩnh Hòa']);
  });

  it('maps every old commune of An Giang and Kiên Giang written without type words as with them', () => {
    const data = JSON.parse(readFileSync(unitsFile, 'utf8')) as { oldCommunes: [string, string, string, string, string[], string][]; districts: [string, string, string, string][]; oldProvinces: [string, string, string, string[]][] };
    const districtOf = new Map(data.districts.map(([code, type, name]) => [code, { type, name }]));
    const provinceName = new Map(data.oldProvinces.map(([code, , name]) => [code, name]));
    const wrong: string[] = [];
    const olds = data.oldCommunes.filter(([, , , province]) => province === '89' || province === '91');
    for (const [, type, name, province, , districtCode] of olds) {
      const district = districtOf.get(districtCode);
      if (!district) throw new Error(`no district ${districtCode}`);
      const typed = units.mapOldAddress(provinceName.get(province) ?? '', `${type} ${name}`, `${district.type} ${district.name}`);
      // Xã and thị trấn Vĩnh Thuận of huyện Vĩnh Thuận: without its type word the name is either.
      const twins = olds.filter((other) => other[5] === districtCode && other[2] === name).length > 1;
      for (const address of [`${name}, ${district.name}, ${provinceName.get(province) ?? ''}`, `ấp 1, ${name}, ${district.name}`, `${type} ${name} - ${district.name}`]) {
        const { match } = read(address);
        const asked = twins && match.kind === 'ambiguous' && typed.kind === 'mapped' && match.candidates.includes(typed.commune);
        const fits = asked || JSON.stringify(placeOf(match)) === JSON.stringify(placeOf(typed));
        if (!fits) wrong.push(`${address} → ${JSON.stringify(placeOf(match))}, not ${JSON.stringify(placeOf(typed))}`);
      }
      const columns = read('ấp 1', { commune: name, district: district.name }).match;
      if (!twins && JSON.stringify(placeOf(columns)) !== JSON.stringify(placeOf(typed))) wrong.push(`${name} + ${district.name} → ${JSON.stringify(placeOf(columns))}`);
    }
    expect(olds.length).toBeGreaterThan(200);
    expect(wrong).toEqual([]);
  });

  it('reads every commune of today of An Giang written as today, whatever old district bears its name', () => {
    const data = JSON.parse(readFileSync(unitsFile, 'utf8')) as { districts: [string, string, string, string][] };
    const oldDistrictNames = new Set(data.districts.filter(([, , , province]) => province === '89' || province === '91').map(([, , name]) => name));
    const asked: string[] = [];
    const wrong = units.communesOf(AN_GIANG).flatMap((commune) =>
      [`${commune.fullName}, tỉnh An Giang`, `Ấp 2, ${commune.fullName}`, `${commune.name}, An Giang`].flatMap((address) => {
        const found = placeOf(read(address).match);
        if (found === commune.fullName) return [];
        // Without its type word, a name an old district bore is asked about, the commune among the choices.
        const untyped = address === `${commune.name}, An Giang`;
        if (untyped && oldDistrictNames.has(commune.name) && Array.isArray(found) && found.includes(commune.fullName)) {
          asked.push(commune.name);
          return [];
        }
        return [`${address} → ${JSON.stringify(found)}`];
      }),
    );
    expect(wrong).toEqual([]);
    expect(asked).toContain('Chợ Mới');
    expect(asked).toContain('Phú Quốc');
  });
});

describe('readAddress: a last part named like a province', () => {
  it('is a commune of the home province where the district written beside it holds one of that name', () => {
    // Old Xã Long An of thị xã Tân Châu, not the old province Long An (now Tây Ninh).
    expect(read('ấp Long Thạnh, Long An', { district: 'Tân Châu' })).toMatchObject({ provinceCode: AN_GIANG, match: { commune: { fullName: 'Xã Tân An' } } });
    expect(read('ấp Long Thạnh', { commune: 'Long An', district: 'Tân Châu' })).toMatchObject({ provinceCode: AN_GIANG, match: { commune: { fullName: 'Xã Tân An' } } });
    expect(read('ấp Phú Hữu, Phú Thọ', { district: 'Phú Tân' })).toMatchObject({ provinceCode: AN_GIANG, match: { commune: { fullName: 'Xã Phú An' } } });
    expect(read('ấp Phú Hữu', { commune: 'Phú Thọ', district: 'Phú Tân' })).toMatchObject({ provinceCode: AN_GIANG, match: { commune: { fullName: 'Xã Phú An' } } });
    expect(read('ấp Hòa Long', { commune: 'Hòa Bình', district: 'Chợ Mới' })).toMatchObject({ provinceCode: AN_GIANG, match: { commune: { fullName: 'Xã Hội An' } } });
    // Nothing else says where: the commune of the home province it can only be.
    expect(read('ấp Long Thạnh, Long An')).toMatchObject({ provinceCode: AN_GIANG, match: { commune: { fullName: 'Xã Tân An' } } });
  });

  it('is the province when written as one, or when the rest of the address is of that province', () => {
    expect(read('ấp Long Thạnh, tỉnh Long An').provinceCode).toBe('80');
    expect(read('xã Phước Vĩnh Tây, Long An')).toMatchObject({ provinceCode: '80', match: { commune: { fullName: 'Xã Phước Vĩnh Tây' } } });
    expect(read('xã Cao Dương, huyện Lương Sơn, Hòa Bình')).toMatchObject({ provinceCode: '25', match: { commune: { code: '05047' } } });
  });

  it('keeps reading addresses of other provinces in their province', () => {
    expect(read('xã Long Điền, Cà Mau')).toMatchObject({ provinceCode: '96', match: { commune: { fullName: 'Xã Long Điền' } } });
    expect(read('xã Vĩnh Hòa, tỉnh Đồng Tháp')).toMatchObject({ provinceCode: '82', match: { kind: 'unknown' } });
    expect(read('Phường Sài Gòn, TP. Hồ Chí Minh')).toMatchObject({ provinceCode: '79', match: { commune: { fullName: 'Phường Sài Gòn' } } });
    expect(read('phường 5, TP Cà Mau, tỉnh Cà Mau')).toMatchObject({ provinceCode: '96', match: { commune: { fullName: 'Phường Tân Thành' } } });
    expect(read('Xã Tân Quang, Tuyên Quang')).toMatchObject({ provinceCode: '08', match: { commune: { fullName: 'Xã Tân Quang' } } });
    const wrong = units.provinces
      .filter((province) => province.code !== AN_GIANG)
      .flatMap((province) =>
        units.communesOf(province.code).flatMap((commune) =>
          [`${commune.fullName}, ${province.fullName}`, `${commune.fullName}, ${province.name}`].flatMap((address) => {
            const reading = read(address);
            return reading.provinceCode === province.code && placeOf(reading.match) === commune.fullName ? [] : [`${address} → ${JSON.stringify(placeOf(reading.match))}`];
          }),
        ),
      );
    expect(wrong).toEqual([]);
  });
});

describe('readAddress: places named with " - "', () => {
  const named = units.provinces.flatMap((province) => units.communesOf(province.code).filter((commune) => commune.name.includes(' - ')));

  it('reads each as one place, whatever is written around it', () => {
    expect(named.map((commune) => commune.fullName)).toContain('Phường Văn Miếu - Quốc Tử Giám');
    const wrong = named.flatMap((commune) => {
      const province = units.province(commune.provinceCode);
      const inAnGiang = [`Số 5 đường Trần Phú - ${commune.fullName} - ${province?.fullName ?? ''}`, `Thôn 2; ${commune.name.toLowerCase()}, ${province?.name ?? ''}`];
      const readings = [...inAnGiang.map((address) => [address, read(address)] as const), [commune.name, units.readAddress({ address: commune.name }, commune.provinceCode)] as const];
      return readings.flatMap(([address, reading]) =>
        reading.provinceCode === commune.provinceCode && placeOf(reading.match) === commune.fullName ? [] : [`${address} → ${JSON.stringify(placeOf(reading.match))}`],
      );
    });
    expect(wrong).toEqual([]);
  });

  it('still splits an address at " - " between places', () => {
    expect(units.splitAddress('Thôn 2 - xã Vĩnh Hòa - Tân Châu - An Giang')).toEqual(['Thôn 2', 'xã Vĩnh Hòa', 'Tân Châu', 'An Giang']);
    expect(units.splitAddress('12 Trần Phú, P. Xuân Hương - Đà Lạt - Lâm Đồng')).toEqual(['12 Trần Phú', 'P. Xuân Hương - Đà Lạt', 'Lâm Đồng']);
    // "Lâm Viên" alone is no place named with " - ": only the whole name holds its parts together.
    expect(units.splitAddress('Lâm Viên - Lâm Đồng')).toEqual(['Lâm Viên', 'Lâm Đồng']);
  });
});

describe('readAddress: the address and the commune column', () => {
  it('take the column’s commune when the address names it, by its old name or its new one', () => {
    expect(placeOf(read('ấp 3, xã Vĩnh Hòa, huyện Tân Châu', { commune: 'Vĩnh Xương' }).match)).toBe('Xã Vĩnh Xương');
    expect(placeOf(read('ấp 3, xã Vĩnh Hòa, huyện Tân Châu', { commune: 'Vĩnh Hòa' }).match)).toBe('Xã Vĩnh Xương');
    expect(placeOf(read('xã Vĩnh Hòa', { commune: 'Vĩnh Xương' }).match)).toBe('Xã Vĩnh Xương');
    expect(placeOf(read('ấp Hòa Long, xã Hòa Bình', { commune: 'Hòa Bình', district: 'Chợ Mới' }).match)).toBe('Xã Hội An');
    // The column tells which of the communes a split old one went to.
    expect(placeOf(read('ấp Phú Hiệp, xã Phú Hội, huyện An Phú', { commune: 'Nhơn Hội' }).match)).toBe('Xã Nhơn Hội');
  });

  it('ask when they name different communes, offering both', () => {
    expect(placeOf(read('xã Vĩnh Hòa', { commune: 'Long Điền' }).match)).toEqual(['Xã Long Điền', 'Xã Vĩnh Hòa']);
  });
});

describe('a unit’s name inside a sentence', () => {
  it('writes the type word in lower case, except before a number and in Thành phố Hồ Chí Minh', () => {
    const written = ['Xã Vĩnh Hậu', 'Tỉnh An Giang', 'Phường Long Xuyên', 'Đặc khu Phú Quốc', 'Thành phố Cần Thơ', 'Thị trấn Vĩnh Bình', 'Huyện Châu Thành', 'Thị xã Tân Châu', 'Quận Ba Đình'];
    expect(written.map(unitNameInSentence)).toEqual([
      'xã Vĩnh Hậu',
      'tỉnh An Giang',
      'phường Long Xuyên',
      'đặc khu Phú Quốc',
      'thành phố Cần Thơ',
      'thị trấn Vĩnh Bình',
      'huyện Châu Thành',
      'thị xã Tân Châu',
      'quận Ba Đình',
    ]);
    const kept = ['Thành phố Hồ Chí Minh', 'Phường 2 Bảo Lộc', 'Quận 1', 'Phường 12'];
    expect(kept.map(unitNameInSentence)).toEqual(kept);
    // Not a unit's full name: as it is.
    expect(['Xã', 'tỉnh', '', 'Xuân Thới Sơn'].map(unitNameInSentence)).toEqual(['Xã', 'tỉnh', '', 'Xuân Thới Sơn']);
  });

  it('knows the type word of every province and commune of the catalogue', () => {
    const all = [...units.provinces, ...units.provinces.flatMap((province) => units.communesOf(province.code))];
    const kept = all.filter((unit) => unitNameInSentence(unit.fullName) === unit.fullName).map((unit) => unit.fullName);
    expect(kept.sort()).toEqual(['Phường 1 Bảo Lộc', 'Phường 2 Bảo Lộc', 'Phường 3 Bảo Lộc', 'Thành phố Hồ Chí Minh']);
    expect(all.filter((unit) => !kept.includes(unit.fullName) && unitNameInSentence(unit.fullName) !== `${unit.type.toLocaleLowerCase('vi')} ${unit.name}`)).toEqual([]);
  });

  it('names the old communes and districts of a number with their type word capitalised', () => {
    const named = units.suggestFromOldAddress('Phường 1', '79').namesakes?.map(({ commune, district }) => `${commune} của ${district}`);
    expect(named).toEqual(expect.arrayContaining(['Phường 1 của Quận 3', 'Phường 1 của quận Gò Vấp', 'Phường 1 của thành phố Vũng Tàu']));
  });
});

describe('the old communes a reason names', () => {
  const commune = (code: string): Commune => {
    const found = units.commune(code);
    if (!found) throw new Error(`no commune ${code}`);
    return found;
  };
  // Made up, of communes of two provinces: the catalogue's only old commune that went into another
  // province (xã Tân Phú of huyện Châu Thành, An Giang, now Đồng Tháp's xã Tân Phú Trung) has no
  // namesake in its old province.
  const namesakes: OldNamesake[] = [
    { commune: 'xã Tân Phú', district: 'huyện Châu Thành', now: [commune('30259')] },
    { commune: 'xã Tân Phú', district: 'thị xã Tân Châu', now: [commune('30385')] },
    { commune: 'xã Tân Phú', district: 'huyện U Minh Thượng', now: [commune('31012')] },
  ];

  it('are only those that went into the province the address is read in, all of them when none is known', () => {
    expect(namesakesWords(namesakes, AN_GIANG)).toBe(
      'Trước 01/07/2025 có 2 nơi mang tên này: xã Tân Phú của thị xã Tân Châu (cũ) nay thuộc xã Vĩnh Xương; xã Tân Phú của huyện U Minh Thượng (cũ) nay thuộc xã Vĩnh Hòa.',
    );
    expect(namesakesWords(namesakes, undefined)).toBe(
      'Trước 01/07/2025 có 3 nơi mang tên này: xã Tân Phú của huyện Châu Thành (cũ) nay thuộc xã Tân Phú Trung; xã Tân Phú của thị xã Tân Châu (cũ) nay thuộc xã Vĩnh Xương; xã Tân Phú của huyện U Minh Thượng (cũ) nay thuộc xã Vĩnh Hòa.',
    );
    // One left in the province: no namesakes to tell apart there.
    expect(namesakesWords(namesakes.slice(0, 2), AN_GIANG)).toBeNull();
  });
});

describe('i and y ending a syllable after a consonant', () => {
  /** The name with each such i written y and each such y written i, marks kept: "Ô Long Vỹ" → "Ô Long Vĩ". */
  const otherLetter: Record<string, string> = { i: 'y', ì: 'ỳ', í: 'ý', ỉ: 'ỷ', ĩ: 'ỹ', ị: 'ỵ', y: 'i', ỳ: 'ì', ý: 'í', ỷ: 'ỉ', ỹ: 'ĩ', ỵ: 'ị' };
  const written = (name: string) => name.replace(/(?<=[bcdđghklmnprstvx]|qu)[iìíỉĩịyỳýỷỹỵ](?![\p{L}\p{N}])/gu, (letter) => otherLetter[letter] ?? letter);
  const data = JSON.parse(readFileSync(unitsFile, 'utf8')) as {
    communes: [string, string, string, string][];
    oldCommunes: [string, string, string, string, string[], string][];
    districts: [string, string, string, string][];
    oldProvinces: [string, string, string, string[]][];
  };

  it('are read alike, in names of today and of before 1 July 2025, either way', () => {
    // The catalogue writes "Ô Long Vỹ"; offices write "Ô Long Vĩ".
    expect(placeOf(read('Ấp Long Hòa, xã Ô Long Vĩ, H. Châu Phú').match)).toBe('Xã Thạnh Mỹ Tây');
    expect(units.mapOldAddress('An Giang', 'xã Ô Long Vĩ', 'huyện Châu Phú')).toEqual({ kind: 'mapped', commune: units.commune('30481') });
    expect(units.findCommune(AN_GIANG, 'Thạnh Mĩ Tây')?.fullName).toBe('Xã Thạnh Mỹ Tây');
    expect(units.findCommune(AN_GIANG, 'thanh mi tay')?.fullName).toBe('Xã Thạnh Mỹ Tây');
    // And the other way: the catalogue writes "Bạch Long Vĩ"; "Phú Quí" is the old spelling of Phú Quý.
    expect(units.findCommune('31', 'Bạch Long Vỹ')?.fullName).toBe('Đặc khu Bạch Long Vĩ');
    expect(units.mapOldAddress('Hải Phòng', 'Huyện Bạch Long Vỹ')).toEqual({ kind: 'mapped', commune: units.commune('11948') });
    expect(units.findCommune('68', 'Phú Quí')?.fullName).toBe('Đặc khu Phú Quý');
    // Never in "uy", "ay", "ây": Xã Tân Thủy is no "Tân Thủi".
    expect(units.findCommune('86', 'Tân Thủy')?.fullName).toBe('Xã Tân Thủy');
    expect(units.findCommune('86', 'Tân Thủi')).toBeUndefined();
  });

  it('tell apart the catalogue’s only two names of one old province they make alike, by what is written', () => {
    // Old Hòa Bình's xã Mi Hòa (huyện Kim Bôi, now Dũng Tiến) and xã Mỹ Hòa (huyện Tân Lạc, now Mường Bi).
    expect(units.mapOldAddress('Hòa Bình', 'xã Mi Hòa')).toEqual({ kind: 'mapped', commune: units.commune('05086') });
    expect(units.mapOldAddress('Hòa Bình', 'Mi Hoa')).toEqual({ kind: 'mapped', commune: units.commune('05086') });
    expect(units.mapOldAddress('Hòa Bình', 'xã Mỹ Hòa')).toEqual({ kind: 'mapped', commune: units.commune('05158') });
    expect(units.mapOldAddress('Hòa Bình', 'My Hoa')).toEqual({ kind: 'mapped', commune: units.commune('05158') });
    expect(units.mapOldAddress('Hòa Bình', 'xã Mĩ Hòa')).toEqual({ kind: 'mapped', commune: units.commune('05158') });
    // With its district, the other letter without marks finds it too.
    expect(units.mapOldAddress('Hòa Bình', 'Mi Hoa', 'Tân Lạc')).toEqual({ kind: 'mapped', commune: units.commune('05158') });
  });

  it('make no two names of the catalogue one, where a name is looked for, but that pair', () => {
    // Names that fold alike only with i for y: within a province today, an old district, an old province.
    const alike = (names: readonly string[]) => {
      const byKey = new Map<string, Set<string>>();
      for (const name of names) {
        const folded = foldText(name);
        const key = folded.replace(/(?<=[bcdghklmnprstvx]|qu)y(?![a-z0-9])/g, 'i');
        byKey.set(key, (byKey.get(key) ?? new Set()).add(folded));
      }
      return [...byKey.values()].filter((folded) => folded.size > 1).map((folded) => [...folded].join(' / '));
    };
    const grouped = <T,>(rows: readonly T[], scope: (row: T) => string, name: (row: T) => string) => {
      const byScope = new Map<string, string[]>();
      for (const row of rows) byScope.set(scope(row), [...(byScope.get(scope(row)) ?? []), name(row)]);
      return [...byScope.values()].flatMap(alike);
    };
    expect(grouped(data.communes, ([, , , province]) => province, ([, , name]) => name)).toEqual([]);
    expect(grouped(data.oldCommunes, ([, , , , , district]) => district, ([, , name]) => name)).toEqual([]);
    expect(grouped(data.districts, ([, , , province]) => province, ([, , name]) => name)).toEqual([]);
    expect(grouped(data.oldCommunes, ([, , , province]) => province, ([, , name]) => name)).toEqual(['mi hoa / my hoa']);
  });

  it('find, for every name of the catalogue written with the other letter, what it finds as written', () => {
    const wrong: string[] = [];
    let tried = 0;
    for (const [code, type, name, province] of data.communes) {
      if (written(name) === name) continue;
      tried++;
      if (units.findCommune(province, `${type} ${written(name)}`)?.code !== code) wrong.push(`${type} ${written(name)} (${province})`);
      // Without marks, as the name without them finds (Xã Văn Lăng and Xã Văn Lang are both "van lang").
      if (units.findCommune(province, written(foldText(name))) !== units.findCommune(province, foldText(name))) wrong.push(`${written(foldText(name))} (${province})`);
    }
    const districtOf = new Map(data.districts.map(([code, type, name]) => [code, { type, name }]));
    const provinceName = new Map(data.oldProvinces.map(([code, , name]) => [code, name]));
    for (const [, type, name, province, , districtCode] of data.oldCommunes) {
      const district = districtOf.get(districtCode) ?? { type: '', name: '' };
      if (written(name) === name && written(district.name) === district.name) continue;
      tried++;
      // The old district written with the other letter too: "Ô Long Vĩ, Châu Phú", "…, huyện Long Mĩ". Without
      // marks, as the name without them finds: xã Nghi Văn and xã Nghi Vạn of huyện Nghi Lộc are both "nghi van".
      for (const [other, own] of [
        [`${type} ${written(name)}`, `${type} ${name}`],
        [written(foldText(name)), foldText(name)],
      ] as const) {
        const expected = units.mapOldAddress(provinceName.get(province) ?? '', own, `${district.type} ${district.name}`);
        const found = units.mapOldAddress(provinceName.get(province) ?? '', other, `${district.type} ${written(district.name)}`);
        if (JSON.stringify(placeOf(found)) !== JSON.stringify(placeOf(expected))) wrong.push(`${other}, ${written(district.name)} → ${JSON.stringify(placeOf(found))}, not ${JSON.stringify(placeOf(expected))}`);
      }
    }
    expect(tried).toBeGreaterThan(400);
    expect(wrong).toEqual([]);
  });
});
