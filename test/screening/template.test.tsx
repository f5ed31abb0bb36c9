// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COLUMN_NAMES, columnSpec, FIELD_NAMES } from '../../src/facts/fields';
import { NONE_WORDS, UNKNOWN_WORDS } from '../../src/facts/parse';
import { initI18n } from '../../src/i18n';
import ColumnsScreen from '../../src/screens/ColumnsScreen';
import { headerField, headerNames } from '../../src/screening/headers';
import { fieldName } from '../../src/screening/messages';
import { screenCsvText } from '../../src/screening/screen';
import { columnGuide, exampleHeaders, PLACE_EXAMPLES, TEMPLATE_PEOPLE, templateFile } from '../../src/screening/template';

const AS_OF = '2025-08-01';
const LANGS = ['zh-CN', 'en'] as const;

beforeAll(() => {
  initI18n('zh-CN');
});
afterEach(cleanup);

describe('the list template', () => {
  for (const lang of LANGS) {
    it(`in ${lang}: starts with a BOM, names every fact field in the language, and its example rows screen with 0 errors (a grade-1 低保 person gets both subsidies; a grade-3 intellectual 低保边缘 person the living subsidy only)`, () => {
      const file = templateFile(lang);
      expect(file.charCodeAt(0)).toBe(0xfeff);
      const r = screenCsvText(file, AS_OF, lang);
      expect(r.header!.headers).toEqual(FIELD_NAMES.map((f) => fieldName(f, lang)));
      expect(r.header!.mapping).toEqual(FIELD_NAMES);
      expect(r.notes).toEqual([]);
      expect(r.counts.error).toBe(0);
      expect(r.outcomes).toHaveLength(TEMPLATE_PEOPLE.length);
      r.outcomes.forEach((o, i) => {
        expect(o.errors).toEqual([]);
        // every cell reads back as the fact it was written from
        for (const f of FIELD_NAMES) expect(o.facts![f], f).toEqual(TEMPLATE_PEOPLE[i]![f] ?? (['date', 'text', 'optionalChoice'].includes(columnSpec(f).kind) ? undefined : 'unknown'));
      });
      expect(r.outcomes.map((o) => (o.result?.covered ? [o.result.living.status, o.result.care.status] : o.result))).toEqual([
        ['paid', 'paid'],
        ['paid', 'notEligible'],
      ]);
    });
  }

  it('writes Chinese words in the Chinese template and the values’ own names in the English one', () => {
    expect(templateFile('zh-CN')).toContain('天津,有,肢体,一级,低保');
    expect(templateFile('en')).toContain('tianjin,valid,physical,1,dibao');
  });
});

describe('the hint on headers of the roster page', () => {
  it('names as examples only Chinese headers the header matcher takes exactly, each for a different column, 姓名 and 残疾人证号 among them', () => {
    const examples = exampleHeaders();
    const columns = examples.map((h) => headerField(h));
    expect(columns).not.toContain(null);
    expect(new Set(columns).size).toBe(examples.length);
    expect(examples).toEqual(expect.arrayContaining(['姓名', '残疾人证号']));
    for (const h of examples) expect(h).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('the accepted columns and values page', () => {
  it('lists every column of the registry with only header names the matcher gives that column', () => {
    expect(columnGuide().map((g) => g.column)).toEqual(COLUMN_NAMES);
    for (const g of columnGuide()) for (const h of g.headers) expect(headerField(h), h).toBe(g.column);
  });

  for (const lang of LANGS) {
    it(`in ${lang}: shows every header name, every value and every word the registry accepts, the words for blank and 不清楚, and the Tianjin districts`, async () => {
      await i18next.changeLanguage(lang);
      const { container } = render(<ColumnsScreen />);
      const text = container.textContent!;
      for (const c of COLUMN_NAMES) {
        expect(container.querySelector(`#column-${c}-name`)?.textContent, c).toBe(fieldName(c, lang));
        const section = container.querySelector(`#column-${c}`)!.textContent!;
        for (const h of headerNames(c)) expect(section, `${c} header ${h}`).toContain(h);
        const s = columnSpec(c);
        for (const v of s.values ?? []) {
          if (lang === 'en') expect(section, `${c} value ${v}`).toContain(v);
          for (const w of s.words?.[v] ?? []) expect(section, `${c} word ${w}`).toContain(w);
        }
      }
      for (const w of [...UNKNOWN_WORDS, ...NONE_WORDS, ...PLACE_EXAMPLES]) expect(text).toContain(w);
      expect(container.querySelector('a[download]')?.getAttribute('download')).toMatch(/\.csv$/);
    });
  }

  it('marks the Chinese words of the English page lang="zh-CN"', async () => {
    await i18next.changeLanguage('en');
    const { container } = render(<ColumnsScreen />);
    const zh = [...container.querySelectorAll('#column-hukou [lang="zh-CN"]')].map((e) => e.textContent);
    for (const w of columnSpec('hukou').words!.tianjin!) expect(zh.join('、')).toContain(w);
  });
});
