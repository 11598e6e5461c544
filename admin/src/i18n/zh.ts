import chineseModule from '@haxqer/ra-language-chinese';
import englishMessages from 'ra-language-english';
import { app } from './app.zh';

// The package is CommonJS with an `exports.default`; bundlers differ on which one a default import gets.
const chineseMessages = ((chineseModule as { default?: object }).default ?? chineseModule) as Record<string, any>;

/** Deep merge: the Chinese package covers react-admin 4's keys; English fills the few added since. */
function merge<T extends Record<string, any>>(base: T, over: Record<string, any>): T {
  const out: Record<string, any> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    out[key] = value && typeof value === 'object' && typeof base[key] === 'object' ? merge(base[key], value) : value;
  }
  return out as T;
}

const ra = merge(englishMessages, chineseMessages);
// react-admin 5 titles records by their representation, not by id.
ra.ra.page.show = '%{name}：%{recordRepresentation}';
ra.ra.page.edit = '编辑%{name}：%{recordRepresentation}';

export const zh = { ...ra, ...app };
