/**
 * Where a row's organization is today, from what the list says: a current commune, or an address
 * from before 1 July 2025 ("ấp Vĩnh Hòa, xã Vĩnh Bình, huyện Châu Thành, tỉnh An Giang") mapped to
 * the commune it went into. Only an unambiguous mapping is taken; otherwise the person is asked.
 */
import type { Commune } from '../../../shared/domain';
import { foldText } from '../../../shared/text';
import type { AdminUnits } from '../../adminUnits';

export type PlaceReading =
  | { kind: 'mapped'; commune: Commune; street: string; oldAddress: string }
  | { kind: 'ambiguous'; candidates: Commune[]; street: string; oldAddress: string }
  | { kind: 'unknown'; street: string; oldAddress: string };

/** The parts of a one-line address, as `suggestFromOldAddress` splits it. */
function partsOf(text: string): string[] {
  return text
    .split(/[,;]| - /)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Districts ended on 1 July 2025: an address naming one was written before. */
const districtWord = /^(huyen|quan|thi xa|tx|h\.|q\.)\s/;
const cityWord = /^(thanh pho|tp)[\s.]/;
/** What a street part starts with: a house number, a hamlet, a road. */
const streetWord = /^(\d|so\s|ap\s|thon\s|xom\s|khom\s|to\s|ban\s|duong\s|khu pho\s|kp\s|khu\s|lo\s|quoc lo|ql\s|tinh lo)/;

function looksOld(places: AdminUnits, parts: readonly string[]): boolean {
  return parts.some((part) => {
    const folded = foldText(part);
    // "Thành phố Long Xuyên" was a district-level city; "Thành phố Cần Thơ" is a province.
    return districtWord.test(folded) || (cityWord.test(folded) && !places.findProvince(part));
  });
}

function merge(first: readonly Commune[], second: readonly Commune[]): Commune[] {
  const byCode = new Map([...first, ...second].map((commune) => [commune.code, commune]));
  return [...byCode.values()];
}

/**
 * Reads the commune column (a current commune's name, or an old one's) and the address. An
 * address without a district is tried as a current address first; if its old reading points
 * elsewhere, both are offered.
 */
export function readPlace(places: AdminUnits, homeProvinceCode: string, communeText: string, addressText: string): PlaceReading {
  const reading = readAnyPlace(places, homeProvinceCode, communeText, addressText);
  // The register is one province's: an old address that went to a commune of another province
  // is not this office's to take, and is reported as a place not found rather than refused at
  // the commit.
  const candidates = (reading.kind === 'mapped' ? [reading.commune] : reading.kind === 'ambiguous' ? reading.candidates : []).filter(
    (commune) => commune.provinceCode === homeProvinceCode,
  );
  const { street, oldAddress } = reading;
  if (reading.kind === 'unknown' || candidates.length === 0) return { kind: 'unknown', street, oldAddress };
  const [only] = candidates;
  if (candidates.length === 1 && only) return { kind: 'mapped', commune: only, street, oldAddress };
  return { kind: 'ambiguous', candidates, street, oldAddress };
}

function readAnyPlace(places: AdminUnits, homeProvinceCode: string, communeText: string, addressText: string): PlaceReading {
  const parts = partsOf(addressText);
  const street = parts.filter((part) => streetWord.test(foldText(part))).join(', ');
  if (communeText !== '') {
    const current = places.findCommune(homeProvinceCode, communeText);
    if (current) return { kind: 'mapped', commune: current, street, oldAddress: looksOld(places, parts) ? addressText : '' };
    const old = places.suggestFromOldAddress([communeText, ...parts].join(', '), homeProvinceCode);
    const oldAddress = [addressText, communeText].filter(Boolean).join(' — ');
    if (old.kind === 'mapped') return { kind: 'mapped', commune: old.commune, street, oldAddress };
    if (old.kind === 'ambiguous') return { kind: 'ambiguous', candidates: old.candidates, street, oldAddress };
    return { kind: 'unknown', street, oldAddress };
  }
  if (parts.length === 0) return { kind: 'unknown', street: '', oldAddress: '' };

  const old = places.suggestFromOldAddress(addressText, homeProvinceCode);
  if (looksOld(places, parts)) {
    if (old.kind === 'mapped') return { kind: 'mapped', commune: old.commune, street, oldAddress: addressText };
    if (old.kind === 'ambiguous') return { kind: 'ambiguous', candidates: old.candidates, street, oldAddress: addressText };
  }
  const current = parts
    .filter((part) => !streetWord.test(foldText(part)))
    .map((part) => places.findCommune(homeProvinceCode, part))
    .find((commune) => commune !== undefined);
  if (current) {
    const oldTargets = old.kind === 'mapped' ? [old.commune] : old.kind === 'ambiguous' ? old.candidates : [];
    if (oldTargets.every((commune) => commune.code === current.code)) return { kind: 'mapped', commune: current, street, oldAddress: '' };
    return { kind: 'ambiguous', candidates: merge([current], oldTargets), street, oldAddress: addressText };
  }
  if (old.kind === 'mapped') return { kind: 'mapped', commune: old.commune, street, oldAddress: addressText };
  if (old.kind === 'ambiguous') return { kind: 'ambiguous', candidates: old.candidates, street, oldAddress: addressText };
  return { kind: 'unknown', street, oldAddress: addressText };
}
