/**
 * Turning bytes into text, whole or chunk by chunk: UTF-8 (with or without a byte-order mark); a
 * UTF-16 byte-order mark ("Unicode text" from Excel) is honoured; bytes that are not UTF-8 are read
 * as GB18030 (a superset of GBK, as Excel on a Chinese Windows saves "CSV"). Pure: only TextDecoder.
 */

export type Encoding = 'utf-8' | 'gbk' | 'utf-16le' | 'utf-16be';

export class NotTextError extends Error {}

/** The encoding of a text from its first bytes (a NUL byte outside UTF-16 means it is not text). */
export function chooseEncoding(first: Uint8Array): Encoding {
  if (first[0] === 0xff && first[1] === 0xfe) return 'utf-16le';
  if (first[0] === 0xfe && first[1] === 0xff) return 'utf-16be';
  if (first.includes(0)) throw new NotTextError('NUL byte');
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(first, { stream: true });
    return 'utf-8';
  } catch {
    return 'gbk';
  }
}

/** A decoder of a byte stream: the encoding is chosen from the first chunk; a UTF-8 BOM is dropped. */
export class StreamDecoder {
  encoding: Encoding | null = null;
  bom = false;
  private decoder: TextDecoder | null = null;

  push(chunk: Uint8Array): string {
    if (!this.decoder) {
      this.encoding = chooseEncoding(chunk);
      this.bom = this.encoding !== 'utf-8' ? this.encoding !== 'gbk' : chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
      this.decoder = new TextDecoder(this.encoding === 'gbk' ? 'gb18030' : this.encoding, { fatal: true });
    }
    if (this.encoding !== 'utf-16le' && this.encoding !== 'utf-16be' && chunk.includes(0)) throw new NotTextError('NUL byte');
    try {
      return this.decoder.decode(chunk, { stream: true });
    } catch {
      throw new NotTextError('undecodable');
    }
  }

  end(): string {
    try {
      return this.decoder ? this.decoder.decode() : '';
    } catch {
      throw new NotTextError('undecodable');
    }
  }
}

export type Decoded = { ok: true; text: string; encoding: Encoding; bom: boolean } | { ok: false; reason: 'undecodable' };

/** A whole file's bytes as text. */
export function decodeBytes(input: ArrayBuffer | Uint8Array): Decoded {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const d = new StreamDecoder();
  try {
    const text = d.push(bytes) + d.end();
    return { ok: true, text, encoding: d.encoding ?? 'utf-8', bom: d.bom };
  } catch {
    return { ok: false, reason: 'undecodable' };
  }
}

/** The text without a leading byte-order mark. */
export const stripBom = (s: string): string => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);

/**
 * The delimiter of a CSV text, from its first lines: the character among comma, tab and semicolon
 * that most lines have (title lines have none): a comma, else a tab (copied from a spreadsheet),
 * else a semicolon.
 */
export function detectDelimiter(text: string): ',' | '\t' | ';' {
  const head = text.slice(0, 64 * 1024).split('\n', 12);
  for (const d of [',', '\t', ';'] as const) if (head.some((l) => l.includes(d))) return d;
  return ',';
}
