import { describe, expect, it } from 'vitest';
import { readCell, readPlace } from '../../src/facts/parse';
import { screenCsvText } from '../../src/screening/screen';
import { formatIssue } from '../../src/screening/messages';

const value = (c: Parameters<typeof readCell>[0], text: string) => {
  const r = readCell(c, text);
  return r.ok ? r.value : r.issue.code;
};

describe('reading a cell as a roster keeps it', () => {
  it('reads 户籍 place names: any 天津市…区 is Tianjin, another province or city is other, anything else is refused', () => {
    expect(['天津', '天津市', '天津市河西区', '天津市滨海新区塘沽街', '河西区'].map(readPlace)).toEqual(['tianjin', 'tianjin', 'tianjin', 'tianjin', 'tianjin']);
    expect(['河北省石家庄市', '北京市朝阳区', '内蒙古自治区', '石家庄市'].map(readPlace)).toEqual(['other', 'other', 'other', 'other']);
    expect(value('hukou', '火星')).toBe('notAllowed');
  });

  it('reads grades in Chinese numerals, capital numerals and digits', () => {
    expect(['一级', '贰级', '叁', '肆级', '2级', '４', 'Ⅲ级'].map((t) => value('grade', t))).toEqual([1, 2, 3, 4, 2, 4, 3]);
    expect(value('grade', '五级')).toBe('notAllowed');
  });

  it('refuses a word it cannot map with certainty, listing the accepted Chinese words in Chinese and never an English code', () => {
    const r = readCell('household', '困难户');
    if (r.ok) throw new Error('read');
    const zh = formatIssue(r.issue, 'zh-CN');
    expect(zh).toContain('家庭类别（低保/低保边缘）的值 “困难户” 无法确定含义：可填 低保、低保户、低保家庭、低保边缘');
    expect(zh).not.toMatch(/[a-z]{3,}/i);
    expect(formatIssue(r.issue, 'en')).toContain('use one of dibao, dibaoEdge, neither, unknown (in Chinese: 低保');
  });
});

describe('the yes/no form of the household columns', () => {
  const screen = (head: string, cells: string) => screenCsvText(`户籍,残疾等级,残疾类别,${head}\n天津,一级,肢体,${cells}\n`, '2025-08-01').outcomes[0]!;

  it('reads 是否低保 = 是 as a 低保 household', () => {
    expect(screen('是否低保', '是').facts!.household).toBe('dibao');
  });

  it('reads 否 / 是 under 是否低保 / 是否低保边缘 as 低保边缘, and 否 / 否 as neither', () => {
    expect(screen('是否低保,是否低保边缘', '否,是').facts!.household).toBe('dibaoEdge');
    expect(screen('是否低保,是否低保边缘', '否,否').facts!.household).toBe('neither');
  });

  it('leaves the household unknown when 是否低保 = 否 is all that is known (it may be 低保边缘)', () => {
    expect(screen('是否低保', '否').facts!.household).toBe('unknown');
  });

  it('refuses 是 in both columns as a contradiction', () => {
    expect(screen('是否低保,是否低保边缘', '是,是').errors[0]).toMatchObject({ code: 'conflict' });
  });
});
