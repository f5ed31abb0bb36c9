/**
 * Reading the screener's input as text, chunk by chunk: UTF-8 (a BOM is dropped), or GB18030/GBK
 * when the first chunk is not valid UTF-8 (what Excel on a Chinese Windows saves as "CSV").
 */
import type { Readable } from 'node:stream';

export type Encoding = 'utf-8' | 'gb18030';

export class NotTextError extends Error {}

/** The input cannot be read at all (exit code 1); the message is for the user. */
export class ReadFailure extends Error {}

export interface DecodedInput {
  encoding: Encoding;
  /** the text so far, up to the first non-blank character (the format is sniffed from it) */
  head: string;
  /** the rest of the text, after head */
  rest: AsyncGenerator<string>;
}

function chooseEncoding(first: Uint8Array): Encoding {
  if (first.includes(0)) throw new NotTextError('NUL byte');
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(first, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Decodes a byte stream; reads until the first non-blank character so the format can be sniffed. */
export async function decodeInput(stream: Readable): Promise<DecodedInput> {
  const it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  let decoder: TextDecoder | null = null;
  let encoding: Encoding = 'utf-8';
  let head = '';
  let done = false;
  const decode = (chunk: Buffer | string): string => {
    if (typeof chunk === 'string') return chunk;
    if (!decoder) {
      encoding = chooseEncoding(chunk);
      decoder = new TextDecoder(encoding); // ignoreBOM false: a UTF-8 BOM is dropped
    }
    if (chunk.includes(0)) throw new NotTextError('NUL byte');
    return decoder.decode(chunk, { stream: true });
  };
  while (head.trim() === '') {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    head += decode(next.value);
  }
  async function* rest(): AsyncGenerator<string> {
    if (!done) {
      for (;;) {
        const next = await it.next();
        if (next.done) break;
        const s = decode(next.value);
        if (s) yield s;
      }
    }
    const tail = decoder ? (decoder as TextDecoder).decode() : '';
    if (tail) yield tail;
  }
  return { encoding, head: head.charCodeAt(0) === 0xfeff ? head.slice(1) : head, rest: rest() };
}
