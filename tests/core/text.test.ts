import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameSearchWords, nameWords, organizationNameKey, partnerNameKey } from '../../src/shared/names';
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
    // Ð (U+00D0) and ð, typed for Đ and đ by old keyboards and font conversions.
    expect(foldText('\u00d0ồng Tâm')).toBe('dong tam');
    expect(foldText('Vĩnh \u00d0ông ð')).toBe('vinh dong d');
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
    // The short forms of the kind as lists also write them.
    expect(organizationNameKey('Quỹ TDND Tân Châu')).toBe('tan chau');
    expect(organizationNameKey('Tổ HT rau sạch Tân Châu')).toBe(organizationNameKey('Tổ hợp tác rau sạch Tân Châu'));
    expect(organizationNameKey('THT SX-TM rau sạch')).toBe('san xuat thuong mai rau sach');
    expect(organizationNameKey('HTX DV NN Phú Thạnh')).not.toBe(organizationNameKey('HTX NN Phú Thạnh'));
    // What cooperatives' names most often shorten besides.
    expect(organizationNameKey('HTX RAT Phú Thạnh')).toBe(organizationNameKey('Hợp tác xã Rau an toàn Phú Thạnh'));
    expect(organizationNameKey('HTX NTTS Mỹ Hòa Hưng')).toBe(organizationNameKey('HTX Nuôi trồng thủy sản Mỹ Hòa Hưng'));
    expect(organizationNameKey('HTX DVTH Tân Hòa')).toBe(organizationNameKey('HTX Dịch vụ tổng hợp Tân Hòa'));
    expect(organizationNameKey('HTX VSMT Long Xuyên')).toBe(organizationNameKey('HTX Vệ sinh môi trường Long Xuyên'));
    expect(organizationNameKey('HTX DV MT Long Xuyên')).toBe(organizationNameKey('HTX Dịch vụ môi trường Long Xuyên'));
    expect(organizationNameKey('HTX DVMT Long Xuyên')).toBe(organizationNameKey('HTX Dịch vụ môi trường Long Xuyên'));
    expect(organizationNameKey('HTX MT Long Xuyên')).toBe('moi truong long xuyen');
    expect(organizationNameKey('HTX NN ƯDCNC Phú Tân')).toBe(organizationNameKey('HTX Nông nghiệp ứng dụng công nghệ cao Phú Tân'));
    expect(organizationNameKey('HTX NN CNC Phú Tân')).toBe(organizationNameKey('HTX Nông nghiệp công nghệ cao Phú Tân'));
    // As lists from the province's offices write them: thủy sản, đường thốt nốt, phân phối.
    expect(organizationNameKey('HTX TS Châu Phong')).toBe(organizationNameKey('HTX Thủy sản Châu Phong'));
    expect(organizationNameKey('HTX ĐTN Phước Lộc Đông Hưng')).toBe(organizationNameKey('HTX Đường thốt nốt Phước Lộc Đông Hưng'));
    expect(partnerNameKey('Cty TNHH PP Minh Phát 1')).toBe(partnerNameKey('Công ty TNHH Phân phối Minh Phát 1'));
    // Only a whole word is a short form: «Ts» inside «NTTS», and the words that hold these letters, stay as they are.
    expect(organizationNameKey('HTX NTTS Mỹ Hòa Hưng')).toBe('nuoi trong thuy san my hoa hung');
    expect(organizationNameKey('HTX Tân Sơn Phú Phong')).toBe('tan son phu phong');
  });

  it('gives one key to the trades a name opens with, in whichever order an office wrote them', () => {
    const tanPhu = organizationNameKey('Hợp tác xã Nông nghiệp - Dịch vụ Tân Phú');
    expect(tanPhu).toBe('dich vu nong nghiep tan phu');
    for (const name of ['HTX NN-DV Tân Phú', 'HTX DV NN Tân Phú', 'HTX DVNN Tân Phú', 'HTX Nông nghiệp và Dịch vụ Tân Phú']) expect(organizationNameKey(name)).toBe(tanPhu);
    expect(organizationNameKey('HTX TM-DV tổng hợp Long Hòa')).toBe(organizationNameKey('Hợp tác xã Dịch vụ Thương mại Tổng hợp Long Hòa'));
    expect(organizationNameKey('HTX NTTS và DV Mỹ Hòa')).toBe(organizationNameKey('HTX Dịch vụ Nuôi trồng thủy sản Mỹ Hòa'));
    expect(partnerNameKey('Công ty TNHH TM-DV Sao Mai')).toBe(partnerNameKey('Công ty TNHH Dịch vụ và Thương mại Sao Mai'));
    // What follows the trades keeps its order: two places, two products, two organizations.
    expect(organizationNameKey('HTX NN Phú Thành')).not.toBe(organizationNameKey('HTX NN Thành Phú'));
    expect(organizationNameKey('HTX Dịch vụ Vĩnh Bình và Nông nghiệp')).toBe('dich vu vinh binh va nong nghiep');
    // One trade is not another: agriculture alone is not agriculture and services.
    expect(organizationNameKey('HTX DV NN Phú Thạnh')).not.toBe(organizationNameKey('HTX NN Phú Thạnh'));
  });

  it('finds a name by its short forms and by what they stand for, each word once and its own first', () => {
    expect(nameSearchWords('HTX DV NN Phú Thạnh')).toEqual(['htx', 'dv', 'nn', 'phu', 'thanh', 'hop', 'tac', 'xa', 'dich', 'vu', 'nong', 'nghiep', 'dvnn']);
    // Written out in full, it is found by the short forms too, the longer one (LH HTX) before the shorter.
    expect(nameSearchWords('Liên hiệp hợp tác xã Thoại Sơn')).toEqual(['lien', 'hiep', 'hop', 'tac', 'xa', 'thoai', 'son', 'lh', 'htx', 'lhhtx']);
    expect(nameSearchWords('Quỹ tín dụng nhân dân Tân Châu')).toEqual(expect.arrayContaining(['qtdnd', 'qtd', 'nd', 'tan', 'chau']));
    expect(nameSearchWords('Tổ hợp tác rau sạch')).toEqual(['to', 'hop', 'tac', 'rau', 'sach', 'tht', 'ht']);
  });

  describe('the short way for plain text gives what the full rules give', () => {
    // The rules as written before the short way: every text through normalization and the regular expressions.
    const cleanedFully = (value: string) =>
      // eslint-disable-next-line no-control-regex -- the same characters as text.ts's notText
      value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '').normalize('NFC').replace(/\s+/g, ' ').trim();
    const foldedFully = (value: string) => value.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[đĐÐð]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
    const codes = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, at) => String.fromCharCode(from + at));
    const plainLetters = [...codes(0x21, 0x7e), ...codes(0xc0, 0x24f), ...codes(0x1e00, 0x1eff)];

    it('for every letter, and every letter after every other', () => {
      for (const letter of plainLetters) {
        expect(cleanText(letter)).toBe(cleanedFully(letter));
        expect(foldText(letter)).toBe(foldedFully(letter));
      }
      // No two of them compose in NFC, so text made of them is in NFC as it is.
      const composing = plainLetters.flatMap((first) => plainLetters.filter((second) => (first + second).normalize('NFC') !== first + second).map((second) => first + second));
      expect(composing).toEqual([]);
    });

    it('for any text, plain or not', () => {
      const letter = fc.oneof(
        fc.constantFrom(...plainLetters),
        fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\u0301', '\u0323', '\u0302', '\u200b', '\u202e', '\u0000', '\ud800', 'đ', 'Đ', 'İ', 'Σ', 'ς', '\u2126', '\u037e'),
      );
      fc.assert(
        fc.property(fc.array(letter, { maxLength: 40 }), (letters) => {
          const text = letters.join('');
          expect(cleanText(text)).toBe(cleanedFully(text));
          expect(foldText(text)).toBe(foldedFully(text));
        }),
        { seed: 20261204, numRuns: 5000 },
      );
      expect(foldText('Hợp tác xã Thủy sản Vĩnh Hòa số 12')).toBe('hop tac xa thuy san vinh hoa so 12');
      expect(cleanText('Hợp tác xã Thủy sản Vĩnh Hòa số 12')).toBe('Hợp tác xã Thủy sản Vĩnh Hòa số 12');
    });

    it('cuts a name into the words the Unicode classes cut it into', () => {
      // The rule as written before the cut by character codes.
      const wordsFully = (value: string) => foldText(value).replace(/[^\p{L}\p{N}]+/gu, ' ').split(' ').filter(Boolean);
      const letter = fc.oneof(
        fc.constantFrom(...plainLetters),
        fc.constantFrom(' ', '\t', '\u00a0', '\u0301', '\u200b', '_', '-', '.', '(', 'đ', 'Σ', 'ß', 'İ', '\u00b2', '\u0660', '\u4e2d', '\ud83d\ude00', '\u2126'),
      );
      fc.assert(
        fc.property(fc.array(letter, { maxLength: 40 }), (letters) => {
          const text = letters.join('');
          expect(nameWords(text)).toEqual(wordsFully(text));
        }),
        { seed: 20261204, numRuns: 5000 },
      );
      expect(nameWords('HTX SX-TM (Vĩnh Bình) số 12')).toEqual(['htx', 'sx', 'tm', 'vinh', 'binh', 'so', '12']);
    });
  });
});

