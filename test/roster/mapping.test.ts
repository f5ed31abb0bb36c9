import { describe, expect, it } from 'vitest';
import {
  fromStored,
  guessField,
  isSelfDescribing,
  loadMapping,
  mappedRecord,
  mappingKey,
  mappingProblems,
  normalise,
  proposeMapping,
  saveMapping,
  toStored,
  type KeyValue,
} from '../../src/roster/mapping';

const memoryStore = (): KeyValue & { map: Map<string, string> } => {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
};

describe('proposing a header mapping', () => {
  it('maps the common Chinese column names of a staff spreadsheet to fact fields', () => {
    const headers = ['姓名', '户籍', '残疾类别', '残疾等级', '低保/家庭类别', '持证', '新办证日期', '纳入低保日期', '联系电话'];
    expect(proposeMapping(headers)).toEqual(['ref', 'hukou', 'category', 'grade', 'household', 'certificate', 'certifiedOn', 'dibaoSince', null]);
  });

  it('accepts the field names themselves in any letter case, with a byte-order mark on the first', () => {
    expect(proposeMapping(['\uFEFFref', 'HUKOU', 'Grade'])).toEqual(['ref', 'hukou', 'grade']);
  });

  it('ignores bracketed hints and spaces in a header', () => {
    expect(normalise(' 残疾等级（一至四级） ')).toBe('残疾等级');
    expect(guessField('残疾等级（一至四级）')?.field).toBe('grade');
    expect(guessField('是否特困 (是/否)')?.field).toBe('tekun');
  });

  it('gives a date column a date field, never the yes/no field named by the same word', () => {
    expect(guessField('纳入低保时间')?.field).toBe('dibaoSince');
    expect(guessField('低保边缘认定日期')?.field).toBe('dibaoEdgeSince');
    expect(guessField('残疾人证核发日期')?.field).toBe('certifiedOn');
    expect(guessField('出生日期')).toBeNull();
  });

  it('gives each field to one column only, preferring an exact name to a partial one', () => {
    const m = proposeMapping(['低保类别说明', '低保', '姓名', '编号']);
    expect(m).toEqual([null, 'household', 'ref', null]);
  });

  it('leaves the result columns of an earlier screening unmapped', () => {
    expect(proposeMapping(['hukou', 'livingStatus', 'total'])).toEqual(['hukou', null, null]);
  });

  it('leaves a column nobody can place unmapped so it is passed through, and knows an ID number column (read by no rule)', () => {
    expect(proposeMapping(['家庭住址', '身份证号'])).toEqual([null, 'idNumber']);
  });
});

describe('checking a mapping', () => {
  it('needs no mapping step when every column already has its field name', () => {
    const h = ['ref', 'hukou', 'grade'];
    expect(isSelfDescribing(h, proposeMapping(h))).toBe(true);
    const zh = ['姓名', '户籍'];
    expect(isSelfDescribing(zh, proposeMapping(zh))).toBe(false);
  });

  it('reports a field chosen for two columns and a mapping that reads nothing', () => {
    expect(mappingProblems(['grade', null, 'grade'])).toEqual([{ code: 'duplicate', field: 'grade', columns: [0, 2] }]);
    expect(mappingProblems([null, null])).toEqual([{ code: 'nothingMapped', columns: [] }]);
    expect(mappingProblems(['grade', 'hukou'])).toEqual([]);
  });

  it('builds the record the screener reads from the mapped cells only', () => {
    expect(mappedRecord(['张三', '13800000000', '一级'], ['ref', null, 'grade'])).toEqual({ ref: '张三', grade: '一级' });
    expect(mappedRecord(['张三', '', ' '], ['ref', 'hukou', 'grade'])).toEqual({ ref: '张三', grade: ' ' });
  });
});

describe('remembering a mapping', () => {
  it('keys a mapping by the set of headers, whatever their order', () => {
    expect(mappingKey(['户籍', '姓名'])).toBe(mappingKey(['姓名', '户籍']));
    expect(mappingKey(['户籍', '姓名'])).not.toBe(mappingKey(['户籍', '名字']));
  });

  it('restores a saved mapping for the same headers in another order', () => {
    const store = memoryStore();
    saveMapping(store, ['姓名', '等级', '电话'], ['ref', 'grade', null]);
    expect(loadMapping(store, ['电话', '姓名', '等级'])).toEqual([null, 'ref', 'grade']);
  });

  it('refuses a stored mapping that is malformed or names an unknown field', () => {
    const h = ['a', 'b'];
    expect(fromStored(h, toStored(h, ['grade', null]))).toEqual(['grade', null]);
    expect(fromStored(h, { a: 'salary', b: '' })).toBeNull();
    expect(fromStored(h, { a: 'grade' })).toBeNull();
    expect(fromStored(h, { a: 'grade', b: 'grade' })).toBeNull();
    expect(fromStored(h, 'grade')).toBeNull();
    const store = memoryStore();
    store.setItem(mappingKey(h), '{not json');
    expect(loadMapping(store, h)).toBeNull();
  });
});
