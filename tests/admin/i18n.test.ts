import { Gender, RegistrationType, RelationToHead, ResidentTag, Role, ServiceWindowKind } from '@community-grid/shared';
import { app as en } from '../../admin/src/i18n/app.en';
import { app as zh } from '../../admin/src/i18n/app.zh';
import { RESOURCES } from '../../admin/src/dataProvider/resources';

/** The dashboard's resource labels, by resource and field. */
type ResourceLabels = Record<string, { fields?: Record<string, string> } | undefined>;

const keys = (messages: Record<string, unknown>, prefix = ''): string[] =>
  Object.entries(messages).flatMap(([key, value]) =>
    value && typeof value === 'object' ? keys(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`],
  );

describe('the dashboard speaks Chinese and English completely', () => {
  it('has every message in both languages', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });

  it('translates every value of every enum', () => {
    const enums = { Gender, RegistrationType, RelationToHead, ResidentTag, ServiceWindowKind, Role };
    for (const [name, values] of Object.entries(enums)) {
      for (const value of Object.values(values)) {
        expect(en.cg.enums[name as keyof typeof en.cg.enums]).toHaveProperty(value);
        expect(zh.cg.enums[name as keyof typeof zh.cg.enums]).toHaveProperty(value);
      }
    }
  });

  it('labels every field the dashboard reads, for every resource', () => {
    for (const [resource, { fields, detail, writable }] of Object.entries(RESOURCES)) {
      // Nested selections ({ … }, possibly nested again) are shown through their own fields.
      let flat = `${fields} ${detail ?? ''}`;
      while (/\{[^{}]*\}/.test(flat)) flat = flat.replace(/\{[^{}]*\}/g, '');
      const names = [...flat.split(/\s+/).filter(Boolean), ...writable];
      for (const field of names) {
        if (['grid', 'office', 'community', 'household'].includes(field)) continue; // nested object, shown through its own fields
        expect([resource, field, (en.resources as ResourceLabels)[resource]?.fields?.[field]]).not.toContain(undefined);
        expect([resource, field, (zh.resources as ResourceLabels)[resource]?.fields?.[field]]).not.toContain(undefined);
      }
    }
  });
});
