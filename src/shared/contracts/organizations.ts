/** The member register: organizations of the four kinds. */
import { z } from 'zod';
import { organizationKinds } from '../domain';
import type { Organization, Page } from '../domain';
import { channel, code, optionalText, pageInput, requiredText } from './define';
import { cleanText } from '../text';

/** Mã số HTX is the tax code: 10 digits, or 10 digits, a dash and 3 digits for a branch. */
export const registrationNoPattern = /^\d{10}(-\d{3})?$/;

export const organizationInput = z.object({
  kind: z.enum(organizationKinds, { error: 'Chưa chọn loại hình tổ chức.' }),
  name: requiredText('Tên tổ chức', 300),
  shortName: optionalText('Tên viết tắt', 100),
  registrationNo: z
    .string()
    .optional()
    .transform((value) => cleanText(value ?? '').replace(/\s/g, ''))
    .pipe(
      z.union([
        z.literal(''),
        z.string().regex(registrationNoPattern, {
          error: 'Mã số HTX (mã số thuế) gồm 10 chữ số, hoặc 10 chữ số, gạch ngang và 3 chữ số (ví dụ 1600123456).',
        }),
      ]),
    ),
  communeCode: code('xã, phường', 5),
  street: optionalText('Số nhà, đường, ấp/thôn', 300),
});
export type OrganizationInput = z.input<typeof organizationInput>;

export const organizationListInput = z.object({
  query: z.string().max(200).optional(),
  kind: z.enum(organizationKinds).optional(),
  ...pageInput,
});
export type OrganizationListInput = z.input<typeof organizationListInput>;

export const organizationContract = {
  'organizations:list': channel<Page<Organization>>()(organizationListInput),
  'organizations:get': channel<Organization>()(z.object({ id: z.number().int().positive() })),
  'organizations:create': channel<Organization>()(organizationInput),
};
