import { describe, expect, it } from 'vitest';
import { guessField, isSummaryRow, looksLikeHeader, MAX_HEADER, normalise, proposeMapping } from '../../src/screening/headers';

describe('the one header matcher', () => {
  it('knows the header variants of a street office roster', () => {
    expect(proposeMapping(['序号', '姓名', '性别', '身份证号', '户籍', '残疾类别', '残疾等级', '是否低保', '纳入低保日期', '办证日期', '联系电话', '住址', '备注'])).toEqual([
      null, 'ref', null, 'idNumber', 'hukou', 'category', 'grade', 'isDibao', 'dibaoSince', 'certifiedOn', null, null, 'notes',
    ]);
    expect(guessField('低保类别')?.field).toBe('household');
    expect(guessField('低保时间')?.field).toBe('dibaoSince');
    expect(guessField('发证日期')?.field).toBe('certifiedOn');
    expect(guessField('是否低保边缘')?.field).toBe('isDibaoEdge');
    expect(guessField('残疾人证号')?.field).toBe('certificateNumber');
    expect(guessField('证号')?.field).toBe('certificateNumber');
  });

  it('drops bracketed hints but keeps an opening bracket that never closes', () => {
    expect(normalise(' 残疾等级（一至四级） ')).toBe('残疾等级');
    expect(normalise('户籍(天津')).toBe('户籍(天津');
    expect(normalise('a(b)c(d')).toBe('ac(d');
  });

  it('reads at most MAX_HEADER characters of a header cell, so a cell of many unmatched brackets costs no more than a short one', () => {
    const cell = '('.repeat(100_000) + '户籍';
    expect(normalise(cell)).toBe('('.repeat(MAX_HEADER));
    expect(guessField(cell)).toBeNull();
  });

  it('tells a title line and a summary row from a header and a person', () => {
    expect(looksLikeHeader(['2025年某街道残疾人名单', '', ''])).toBe(false);
    expect(looksLikeHeader(['序号', '姓名', '户籍'])).toBe(true);
    expect(isSummaryRow(['合计', '26人', ''])).toBe(true);
    expect(isSummaryRow(['', '小计', ''])).toBe(true);
    expect(isSummaryRow(['1', '合计', ''])).toBe(false);
  });
});
