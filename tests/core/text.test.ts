import { describe, expect, it } from 'vitest';
import { organizationNameKey } from '../../src/shared/names';
import { cleanText, foldText, vietnameseCollator } from '../../src/shared/text';

describe('Vietnamese text', () => {
  it('normalises to NFC and folds white space', () => {
    const decomposed = 'Vi\u0065\u0323\u0302t Nam'; // "Việt" typed with combining marks
    expect(cleanText(`  ${decomposed}\t  Nam `)).toBe('Việt Nam Nam');
    expect(cleanText(decomposed).length).toBe('Việt Nam'.length);
  });

  it('folds case and diacritics, with đ/Đ to d', () => {
    expect(foldText('Đồng Tháp')).toBe('dong thap');
    expect(foldText('HỢP TÁC XÃ Nông nghiệp Vĩnh Bình')).toBe('hop tac xa nong nghiep vinh binh');
    expect(foldText('Đường thốt nốt')).toBe('duong thot not');
  });

  it('sorts in Vietnamese order, where SQLite byte order would put Đ after Z', () => {
    const names = ['Zeta', 'Đông Hòa', 'Ấp Bắc', 'An Phú', 'Dương Tơ'];
    expect([...names].sort(vietnameseCollator.compare)).toEqual(['An Phú', 'Ấp Bắc', 'Dương Tơ', 'Đông Hòa', 'Zeta']);
  });

  it('gives one key to the ways offices write one organization’s name', () => {
    const key = 'nong nghiep vinh binh';
    expect(organizationNameKey('HTX NN Vĩnh Bình')).toBe(key);
    expect(organizationNameKey('Hợp tác xã nông nghiệp Vĩnh Bình')).toBe(key);
    expect(organizationNameKey('HTX Nông nghiệp Vĩnh Bình')).toBe(key);
    expect(organizationNameKey('LH HTX Thoại Sơn')).toBe('thoai son');
    expect(organizationNameKey('QTDND Tân Châu')).toBe('tan chau');
    expect(organizationNameKey('THT SX-TM rau sạch')).toBe('san xuat thuong mai rau sach');
    expect(organizationNameKey('HTX DV NN Phú Thạnh')).not.toBe(organizationNameKey('HTX NN Phú Thạnh'));
  });
});
