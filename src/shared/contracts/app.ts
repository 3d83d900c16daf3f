/** The application itself, the alliance's own record, and the administrative units. */
import { z } from 'zod';
import type { Alliance, AppInfo, Commune, OldAddressMatch, ProvinceChoice } from '../domain';
import { channel, code, none, optionalEmail, optionalPhone, optionalText, requiredText } from './define';

/** An address written before 1 July 2025, read for the register's form. */
export interface OldAddressSuggestion {
  /** Communes of the province the address names, else of the alliance's: never of another. */
  match: OldAddressMatch;
  /**
   * Why there are choices when they are not the parts of one old commune divided between several,
   * in the import's words: the district written held no commune of that name, or several old
   * communes bore it. With no match, where the address went when that is another province. Null otherwise.
   */
  reason: string | null;
}

export const allianceInput = z.object({
  name: requiredText('Tên Liên minh', 200),
  provinceCode: code('tỉnh, thành phố', 2),
  address: optionalText('Địa chỉ', 300),
  chairName: optionalText('Họ tên Chủ tịch', 120),
  phone: optionalPhone('Điện thoại'),
  email: optionalEmail('Thư điện tử'),
});
export type AllianceInput = z.input<typeof allianceInput>;

export const appContract = {
  'app:info': channel<AppInfo>()(none),
  'alliance:get': channel<Alliance | null>()(none),
  'alliance:save': channel<Alliance>()(allianceInput),
  /** The 34 provinces, each with the old provinces merged into it (typed in a picker, they lead to it). */
  'places:provinces': channel<ProvinceChoice[]>()(none),
  'places:communes': channel<Commune[]>()(z.object({ provinceCode: code('tỉnh, thành phố', 2) })),
  /** The current commune of an address written before 1 July 2025, read in the alliance's province or the one it names. */
  'places:suggestFromOldAddress': channel<OldAddressSuggestion>()(z.object({ oldAddress: optionalText('Địa chỉ cũ', 500) })),
};
