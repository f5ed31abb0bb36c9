import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, readJsonRecord, tooDeep } from '../../src/screening/json';
import { errorText } from '../../src/screening/messages';

describe('reading JSON records', () => {
  it('refuses a record nested 4,500 levels deep with a message, without a stack overflow, and reads the next one', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 4500; i++) deep = [deep];
    const records = JSON.parse(JSON.stringify([{ hukou: 'tianjin' }]).slice(0, -1) + ',' + '['.repeat(4500) + ']'.repeat(4500) + ']') as unknown[];
    expect(records).toHaveLength(2);
    const bad = readJsonRecord({ ref: 'x', notes: records[1] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(errorText(bad.issues, 'zh-CN')).toContain(`超过 ${MAX_JSON_DEPTH} 层`);
    expect(readJsonRecord(records[0]).ok).toBe(true);
    expect(tooDeep(deep)).toBe(true);
    expect(tooDeep({ a: [1, 2] })).toBe(false);
  });
});
