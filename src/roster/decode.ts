/**
 * Turning a CSV file's bytes into text. UTF-8 (with or without a byte-order mark) first; a file that
 * is not valid UTF-8 is read as GBK, the encoding older Chinese spreadsheet programs save in; a
 * UTF-16 byte-order mark ("Unicode text" from Excel) is honoured. Pure: only TextDecoder.
 */
import type { Encoding } from './protocol';

export type Decoded = { ok: true; text: string; encoding: Encoding; bom: boolean } | { ok: false; reason: 'undecodable' };

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function decodeBytes(input: ArrayBuffer | Uint8Array): Decoded {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const t = tryDecode('utf-16le', bytes);
    return t === null ? { ok: false, reason: 'undecodable' } : { ok: true, text: t, encoding: 'utf-16le', bom: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const t = tryDecode('utf-16be', bytes);
    return t === null ? { ok: false, reason: 'undecodable' } : { ok: true, text: t, encoding: 'utf-16be', bom: true };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  // TextDecoder drops a leading BOM by itself
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8', bom };
  const gbk = tryDecode('gbk', bytes);
  if (gbk !== null) return { ok: true, text: gbk, encoding: 'gbk', bom: false };
  return { ok: false, reason: 'undecodable' };
}
