/**
 * Domain vocabulary shared by backend and screens. The four kinds of collective organization are
 * fixed by the Cooperative Law 2023; what the law leaves to change (minimum members, size classes)
 * lives in data, not here.
 */

export const organizationKinds = ['htx', 'lhhtx', 'tht', 'qtdnd'] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

export const organizationStatuses = ['active', 'suspended', 'dissolving', 'dissolved', 'bankrupt'] as const;
export type OrganizationStatus = (typeof organizationStatuses)[number];

export interface Alliance {
  name: string;
  provinceCode: string;
  address: string;
  chairName: string;
  phone: string;
  email: string;
}

export interface Province {
  code: string;
  type: string;
  name: string;
  fullName: string;
}

export interface Commune {
  code: string;
  type: string;
  name: string;
  fullName: string;
  provinceCode: string;
}

export interface Organization {
  id: number;
  kind: OrganizationKind;
  name: string;
  shortName: string;
  registrationNo: string | null;
  provinceCode: string;
  communeCode: string;
  communeName: string;
  street: string;
  status: OrganizationStatus;
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  rows: T[];
  total: number;
}

export interface AppInfo {
  version: string;
  databaseFile: string;
  schemaVersion: number;
}
