import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/screening/decode';

describe('reading a file\'s bytes', () => {
  it('reads UTF-8 with a byte-order mark and says so', () => {
    const d = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('户籍\n天津')]));
    expect(d).toEqual({ ok: true, text: '户籍\n天津', encoding: 'utf-8', bom: true });
  });

  it('falls back to GBK for bytes that are not UTF-8', () => {
    // 户籍,低保 in GBK
    const gbk = new Uint8Array([0xbb, 0xa7, 0xbc, 0xae, 0x2c, 0xb5, 0xcd, 0xb1, 0xa3]);
    expect(decodeBytes(gbk)).toEqual({ ok: true, text: '户籍,低保', encoding: 'gbk', bom: false });
  });

  it('gives up on bytes that are neither UTF-8 nor GBK', () => {
    expect(decodeBytes(new Uint8Array([0x81, 0x20, 0xff, 0xff]))).toEqual({ ok: false, reason: 'undecodable' });
  });
});
