import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(__dirname, '../../src/i18n/locales');

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

const namespaces = [...new Set([...readdirSync(join(dir, 'zh-CN')), ...readdirSync(join(dir, 'en'))])].filter((f) => f.endsWith('.ts'));

describe('both languages have every text key', () => {
  it('finds the namespace files', () => {
    expect(namespaces.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of namespaces) {
    it(`${file}: zh-CN and en have the same keys, and no text is empty`, async () => {
      const zh = (await import(/* @vite-ignore */ join(dir, 'zh-CN', file))).default;
      const en = (await import(/* @vite-ignore */ join(dir, 'en', file))).default;
      const zk = keys(zh).sort();
      const ek = keys(en).sort();
      expect(ek.filter((k) => !zk.includes(k)), `${file}: only in en`).toEqual([]);
      expect(zk.filter((k) => !ek.includes(k)), `${file}: only in zh-CN`).toEqual([]);
    });
  }
});
