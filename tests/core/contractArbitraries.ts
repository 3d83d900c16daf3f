/**
 * Inputs for any channel of the contract, made from its zod schema: near-valid ones (the shape
 * the schema asks for, with ids that exist in the fuzz test's database, real codes and dates, so
 * that many reach the service) and bad ones (one value of a near-valid input replaced by something
 * hostile: a NUL, a bidi override, a lone surrogate, a number past any range, a huge list, an
 * object with `__proto__`), plus plain garbage.
 */
import fc from 'fast-check';
import type { z } from 'zod';

/** What a schema node looks like to this walker (zod 4 keeps it under `_zod.def`). */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  format?: string;
  pattern?: RegExp;
  checks?: { _zod: { def: { check: string; format?: string; pattern?: RegExp; value?: number; inclusive?: boolean; minimum?: number; maximum?: number } } }[];
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Values the generated inputs draw on, from the database the test seeded. */
export interface Pools {
  /** Staged file ids and job ids that exist. */
  uuids: string[];
  /** Values for a field of this name (`communeCode`, `startsOn`, `parties`…), if it has its own. */
  forKey(key: string): unknown[] | undefined;
}

/** Pieces of hostile text: control and direction characters, lone surrogates, query syntax, markup. */
const hostileFragments = [
  '\u0000',
  '\u001b[31m',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\u200b',
  '\ud800',
  '\udfff',
  '\u0085',
  '\r\n',
  '\t',
  '"',
  "'",
  '""',
  '*',
  'OR',
  'NEAR(',
  '^',
  ':',
  '%',
  '_',
  '\\',
  '&#x110000;',
  '<script>',
  '=1+1',
  'constructor',
  '__proto__',
  '../../etc/passwd',
  'Vĩnh Bình',
  'đ',
  'e\u0301',
  '😀',
  ' ',
];

const hostileString = fc.oneof(
  fc.array(fc.constantFrom(...hostileFragments), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constant('ạ'.repeat(100_000)),
  fc.constant(''),
);

/** Longer than SQLite takes values in one statement (32,766), and than every cap of the contract. */
const LONG_LIST = 33_000;
/** One list, made once. */
const hugeList = Array.from({ length: LONG_LIST }, (_, index) => index + 1);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, undefined, true, false, 0, -1, 1.5, -0, NaN, Infinity, -Infinity, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER, 1e308, -1e308),
  fc.constant(hugeList),
  fc.array(fc.oneof(fc.integer(), hostileString), { maxLength: 3 }),
  fc.constantFrom(
    JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
    JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown,
    {},
    [[[]]],
  ),
);

const plainWords = ['HTX Nông nghiệp Vĩnh Bình', 'Công ty CP Thực phẩm Hà Nội', 'Lúa Đài Thơm 8', 'tấn', 'vinh', 'a', 'Hội nghị kết nối cung – cầu'];

/** Characters that are not text, NUL above all: each within words, where a service meets it. */
const controls = ['\u0000', '\u0000', '\u001b', '\u202e', '\ud800', '\ufeff', '"'];

/** Text that passes a schema's type and length: words, words with a control character inside, odd text. */
function textOf(maxLength: number): fc.Arbitrary<string> {
  const word = fc.constantFrom(...plainWords);
  return fc.oneof(
    { arbitrary: word, weight: 3 },
    { arbitrary: fc.tuple(word, fc.constantFrom(...controls), word).map(([before, control, after]) => `${before.slice(0, 4)}${control}${after.slice(0, 4)}`), weight: 3 },
    { arbitrary: hostileString.filter((text) => text.length <= maxLength), weight: 1 },
    { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: Math.min(maxLength, 40) }), weight: 1 },
  );
}

function checksOf(def: Def): NonNullable<Def['checks']>[number]['_zod']['def'][] {
  return (def.checks ?? []).map((check) => check._zod.def);
}

function stringOf(def: Def, key: string | undefined, pools: Pools): fc.Arbitrary<string> {
  const checks = checksOf(def);
  if (def.format === 'uuid') return fc.oneof(fc.constantFrom(...pools.uuids), fc.uuid());
  if (def.format === 'email') return fc.constantFrom('lienminh@angiang.gov.vn', 'htx.vinhbinh@gmail.com');
  if (def.format === 'base64') return fc.base64String({ maxLength: 64 });
  const pattern = checks.find((check) => check.format === 'regex')?.pattern;
  const known = key === undefined ? undefined : pools.forKey(key)?.map(String);
  if (known) return pattern ? fc.oneof(fc.constantFrom(...known), fc.stringMatching(pattern)) : fc.constantFrom(...known);
  if (pattern) return fc.stringMatching(pattern);
  return textOf(checks.find((check) => check.check === 'max_length')?.maximum ?? 300);
}

function numberOf(def: Def, key: string | undefined, pools: Pools): fc.Arbitrary<number> {
  const checks = checksOf(def);
  const integer = checks.some((check) => check.format === 'safeint');
  const min = checks.find((check) => check.check === 'greater_than')?.value ?? (integer ? Number.MIN_SAFE_INTEGER : -1e12);
  const max = checks.find((check) => check.check === 'less_than')?.value ?? (integer ? Number.MAX_SAFE_INTEGER : 1e12);
  const known = key === undefined ? undefined : pools.forKey(key)?.map(Number);
  if (!integer) return fc.oneof(fc.double({ min, max, noNaN: true }), fc.constantFrom(...(known ?? [1, 2.5])));
  // Ids are small: they meet the rows the test made.
  const small = fc.integer({ min: Math.max(min, 1), max: Math.max(Math.min(max, 8), Math.max(min, 1)) });
  return fc.oneof(small, fc.integer({ min, max }), ...(known ? [fc.constantFrom(...known)] : []));
}

/** A near-valid value for `schema`; `key` is the name of the field it goes in, if any. */
export function arbitraryOf(schema: z.ZodType, pools: Pools, key?: string): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const known = key === undefined ? undefined : pools.forKey(key);
  // Lists and records a schema checks as a whole (the parties of an agreement) come ready-made.
  if (known && (def.type === 'array' || def.type === 'object')) return fc.oneof(fc.constantFrom(...known), structural(def, pools, key));
  return structural(def, pools, key);
}

function structural(def: Def, pools: Pools, key: string | undefined): fc.Arbitrary<unknown> {
  switch (def.type) {
    case 'string':
      return stringOf(def, key, pools);
    case 'number':
      return numberOf(def, key, pools);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'null':
      return fc.constant(null);
    case 'undefined':
      return fc.constant(undefined);
    case 'optional':
    case 'default':
      return fc.option(arbitraryOf(def.innerType as z.ZodType, pools, key), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(arbitraryOf(def.innerType as z.ZodType, pools, key), { nil: null, freq: 3 });
    case 'pipe': {
      // `in.transform().pipe(out)`: what passes `out` (cleaned text, an e-mail, a code) also
      // passes through the cleaning, and is far likelier valid than anything `in` accepts.
      const inner = arbitraryOf(def.in as z.ZodType, pools, key);
      if (defOf(def.out as z.ZodType).type === 'transform') return inner;
      return fc.oneof({ arbitrary: arbitraryOf(def.out as z.ZodType, pools, key), weight: 3 }, { arbitrary: inner, weight: 1 });
    }
    case 'union':
      return fc.oneof(...(def.options ?? []).map((option) => arbitraryOf(option, pools, key)));
    case 'array': {
      const checks = checksOf(def);
      const minLength = checks.find((check) => check.check === 'min_length')?.minimum ?? 0;
      const maxLength = Math.max(minLength, Math.min(checks.find((check) => check.check === 'max_length')?.maximum ?? 4, 4));
      return fc.array(arbitraryOf(def.element as z.ZodType, pools, key), { minLength, maxLength });
    }
    case 'object':
      return fc.record(Object.fromEntries(Object.entries(def.shape ?? {}).map(([name, field]) => [name, arbitraryOf(field, pools, name)])));
    default:
      return fc.anything();
  }
}

/** Every place inside a value, as paths of keys. */
function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const here = [path];
  if (Array.isArray(value)) return here.concat(...value.map((item, index) => pathsOf(item, [...path, index])));
  if (value !== null && typeof value === 'object') return here.concat(...Object.entries(value).map(([name, item]) => pathsOf(item, [...path, name])));
  return here;
}

function replaced(value: unknown, path: (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return (value as unknown[]).map((item, index) => (index === head ? replaced(item, rest, by) : item));
  const record = value as Record<string, unknown>;
  const inner: unknown = record[String(head)];
  return { ...record, [String(head)]: replaced(inner, rest, by) };
}

/**
 * Inputs for a channel: near-valid ones, near-valid ones with one value made hostile, an extra
 * field of hostile name, and garbage.
 */
export function inputsFor(schema: z.ZodType, pools: Pools): fc.Arbitrary<unknown> {
  const valid = arbitraryOf(schema, pools);
  const mutated = fc.tuple(valid, fc.nat(), hostileValue).map(([value, pick, by]) => {
    const paths = pathsOf(value);
    return replaced(value, paths[pick % paths.length] ?? [], by);
  });
  // Own properties named `__proto__` and `constructor`, as JSON.parse makes them from a request body.
  const extra = fc.tuple(valid, hostileValue).map(([value, by]) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const copy: Record<string, unknown> = { ...value };
    for (const name of ['__proto__', 'constructor']) Object.defineProperty(copy, name, { value: by, enumerable: true, configurable: true, writable: true });
    return copy;
  });
  // A list of the input stretched to thousands of copies of its first item: valid items past a cap.
  const stretched = fc.tuple(valid, fc.nat()).map(([value, pick]) => {
    const lists = pathsOf(value).filter((path) => {
      const node = path.reduce<unknown>((at, step) => (at as Record<string | number, unknown>)[step], value);
      return Array.isArray(node) && node.length > 0;
    });
    const path = lists[pick % Math.max(lists.length, 1)];
    if (!path) return value;
    const node = path.reduce<unknown>((at, step) => (at as Record<string | number, unknown>)[step], value) as unknown[];
    return replaced(value, path, Array.from({ length: LONG_LIST }, () => node[0]));
  });
  return fc.oneof(
    { arbitrary: valid, weight: 3 },
    { arbitrary: mutated, weight: 4 },
    { arbitrary: stretched, weight: 2 },
    { arbitrary: extra, weight: 1 },
    { arbitrary: fc.anything(), weight: 1 },
  );
}
