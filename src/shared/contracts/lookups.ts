/** The editable lists the register's forms choose from, and the limits the law sets (see Cài đặt). */
import type { OrganizationKind, SectorGroup } from '../domain';
import { channel, none } from './define';

export interface Lookups {
  /** Lĩnh vực hoạt động, in their sort order. */
  sectors: { code: string; name: string; group: SectorGroup }[];
  /** Quy mô: siêu nhỏ, nhỏ, vừa, lớn. */
  sizeClasses: { code: string; name: string }[];
  certificationKinds: { code: string; name: string; hasStars: boolean }[];
  /** Số thành viên tối thiểu per kind; 0 where the setting names none. A warning, never a block. */
  minimumMembers: Record<OrganizationKind, number>;
}

export const lookupContract = {
  'lookups:get': channel<Lookups>()(none),
};
