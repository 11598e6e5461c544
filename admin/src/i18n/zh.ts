import chineseModule from '@haxqer/ra-language-chinese';
import englishMessages from 'ra-language-english';
import { app } from './app.zh';

// The package is CommonJS with an `exports.default`; bundlers differ on which one a default import gets.
const chineseMessages: object = (chineseModule as { default?: object }).default ?? chineseModule;

/** Deep merge: the Chinese package covers react-admin 4's keys; English fills the few added since. */
function merge<T extends object>(base: T, over: object): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = value && typeof value === 'object' && current && typeof current === 'object' ? merge(current, value) : value;
  }
  return out as T;
}

const ra = merge(englishMessages, chineseMessages);
// react-admin 5 titles records by their representation, not by id.
ra.ra.page.show = '%{name}：%{recordRepresentation}';
ra.ra.page.edit = '编辑%{name}：%{recordRepresentation}';

export const zh = { ...ra, ...app };
