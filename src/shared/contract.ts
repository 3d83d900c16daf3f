/**
 * The one list of backend calls. Each channel has a zod schema for its input and a type for its
 * output; the Electron IPC handler, the web host, the preload allowlist and the renderer's client
 * are all derived from this object, so a call cannot exist in one place and not the others.
 */
import { z } from 'zod';
import { cleanText } from './text';
import { organizationKinds } from './domain';
import type { Alliance, AppInfo, Commune, Organization, Page, Province } from './domain';
import type { Result } from './errors';

// Messages zod writes itself (a wrong type, a number out of range) read in Vietnamese too.
z.config(z.locales.vi());

/** Declares a channel: its input schema, and its output type as a phantom (no runtime value). */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the phantom is the point
function channel<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });
}

/** A required line of text: NFC, white space folded, 1..max characters; messages name the field. */
function requiredText(label: string, max: number) {
  return z
    .string({ error: `${label}: cần nhập chữ.` })
    .transform(cleanText)
    .pipe(
      z
        .string()
        .min(1, { error: `${label} không được để trống.` })
        .max(max, { error: `${label} dài quá ${max} ký tự.` }),
    );
}

/** An optional line of text: missing or blank becomes ''. */
function optionalText(label: string, max: number) {
  return z
    .string({ error: `${label}: cần nhập chữ.` })
    .optional()
    .transform((value) => cleanText(value ?? ''))
    .pipe(z.string().max(max, { error: `${label} dài quá ${max} ký tự.` }));
}

const code = (label: string, digits: number) =>
  z.string({ error: `Chưa chọn ${label}.` }).regex(new RegExp(`^\\d{${digits}}$`), { error: `Chưa chọn ${label}.` });

const none = z.undefined();

export const allianceInput = z.object({
  name: requiredText('Tên Liên minh', 200),
  provinceCode: code('tỉnh, thành phố', 2),
  address: optionalText('Địa chỉ', 300),
  chairName: optionalText('Họ tên Chủ tịch', 120),
  phone: optionalText('Điện thoại', 40),
  email: z
    .string()
    .optional()
    .transform((value) => cleanText(value ?? ''))
    .pipe(z.union([z.literal(''), z.email({ error: 'Thư điện tử không đúng dạng (ví dụ: lienminh@angiang.gov.vn).' })])),
});
export type AllianceInput = z.input<typeof allianceInput>;

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
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
});
export type OrganizationListInput = z.input<typeof organizationListInput>;

export const contract = {
  'app:info': channel<AppInfo>()(none),
  'alliance:get': channel<Alliance | null>()(none),
  'alliance:save': channel<Alliance>()(allianceInput),
  'places:provinces': channel<Province[]>()(none),
  'places:communes': channel<Commune[]>()(z.object({ provinceCode: code('tỉnh, thành phố', 2) })),
  'organizations:list': channel<Page<Organization>>()(organizationListInput),
  'organizations:get': channel<Organization>()(z.object({ id: z.number().int().positive() })),
  'organizations:create': channel<Organization>()(organizationInput),
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = Contract[C]['output'];

export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/**
 * What the preload exposes as `window.api` and the web client implements: one typed call.
 * Failures come back as a Result rather than a rejected promise, because Electron's IPC strips
 * everything but the message from errors thrown across it.
 */
export interface Api {
  invoke<C extends Channel>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>>;
}
