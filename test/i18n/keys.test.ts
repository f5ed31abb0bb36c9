import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(__dirname, '../../src/i18n/locales');

/** Every leaf of a namespace as [key, text]. */
function entries(obj: unknown, prefix = ''): [string, unknown][] {
  if (typeof obj !== 'object' || obj === null) return [[prefix, obj]];
  return Object.entries(obj).flatMap(([k, v]) => entries(v, prefix ? `${prefix}.${k}` : k));
}
const keys = (obj: unknown) => entries(obj).map(([k]) => k);
/** Keys whose text is not a string with something other than white space in it. */
const empty = (obj: unknown) => entries(obj).filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);

const namespaces = [...new Set([...readdirSync(join(dir, 'zh-CN')), ...readdirSync(join(dir, 'en'))])].filter((f) => f.endsWith('.ts'));

describe('both languages have every text key', () => {
  it('finds the namespace files', () => {
    expect(namespaces.length).toBeGreaterThanOrEqual(5);
  });

  it('calls a blank text, an empty one or a non-text leaf empty, and a text with words not', () => {
    expect(empty({ a: 'x', b: { c: ' ', d: '', e: 3, f: null } })).toEqual(['b.c', 'b.d', 'b.e', 'b.f']);
  });

  for (const file of namespaces) {
    it(`${file}: zh-CN and en have the same keys, and no text is empty`, async () => {
      const zh = (await import(/* @vite-ignore */ join(dir, 'zh-CN', file))).default;
      const en = (await import(/* @vite-ignore */ join(dir, 'en', file))).default;
      const zk = keys(zh).sort();
      const ek = keys(en).sort();
      expect(ek.filter((k) => !zk.includes(k)), `${file}: only in en`).toEqual([]);
      expect(zk.filter((k) => !ek.includes(k)), `${file}: only in zh-CN`).toEqual([]);
      expect(empty(zh), `${file}: empty in zh-CN`).toEqual([]);
      expect(empty(en), `${file}: empty in en`).toEqual([]);
    });
  }
});

describe('the result page names every criterion the rules can produce', () => {
  it('has a label, in both languages, for the condition each scope criterion and exclusion adds (its last field)', async () => {
    const { rules } = await import('../../rules');
    const { compile } = await import('../../src/engine');
    const c = compile(rules);
    const fields = (['living', 'care'] as const).flatMap((s) => [...c.scope[s].map((x) => x.field), ...c.exclusions[s].map((x) => x.when.at(-1)!)]);
    expect(fields).toContain('institutionCareFunded');
    for (const lang of ['zh-CN', 'en']) {
      const crit = (await import(/* @vite-ignore */ join(dir, lang, 'result.ts'))).default.crit as Record<string, string>;
      for (const f of fields) expect(crit[f], `${lang}: result:crit.${f}`).toBeTruthy();
    }
  });
});
