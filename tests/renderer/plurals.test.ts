import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/renderer/src/i18n/en';
import { vi } from '../../src/renderer/src/i18n/vi';

/** Every key of a nested resource object, dotted. */
function keysOf(resource: object, prefix = ''): string[] {
  return Object.entries(resource).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('Vietnamese plurals', () => {
  it('has no singular form: Vietnamese has one plural form, so i18next would never choose it', () => {
    expect(keysOf(vi).filter((key) => key.endsWith('_one'))).toEqual([]);
  });
});

describe('English plurals', () => {
  it('gives every counted text a singular beside its plural, so no screen says "1 plans"', () => {
    const keys = new Set(keysOf(en));
    const withoutOne = [...keys].filter((key) => key.endsWith('_other') && !keys.has(key.replace(/_other$/, '_one')));
    expect(withoutOne).toEqual([]);
  });

  it('says the plans screens’ counts in the form their number takes', () => {
    const t = i18next.getFixedT('en');
    expect(t('plans.total', { count: 1 })).toBe('1 plan');
    expect(t('plans.total', { count: 1200 })).toBe('1,200 plans');
    expect(t('plans.targetCount', { count: 1 })).toBe('1 target');
    expect(t('plans.targetCount', { count: 15 })).toBe('15 targets');
    expect(t('plans.trash.total', { count: 1 })).toBe('1 plan in the trash');
    expect(t('plans.attention.summary', { count: 1 })).toBe('1 target at risk');
    expect(t('plans.attention.summary', { count: 3 })).toBe('3 targets at risk');
    expect(t('plans.drill.more', { count: 1 })).toBe('And 1 more.');
    expect(i18next.getFixedT('vi')('plans.total', { count: 1200 })).toBe('1.200 kế hoạch');
  });
});
