/**
 * Reading the screener's input as text, chunk by chunk, through the screening layer's decoder
 * (UTF-8, a BOM dropped, UTF-16 with a BOM, or GB18030/GBK when the first chunk is not UTF-8).
 */
import type { Readable } from 'node:stream';
import { NotTextError, StreamDecoder, type Encoding } from '../screening/decode';

export { NotTextError };

/** The input cannot be read at all (exit code 1); the message is for the user. */
export class ReadFailure extends Error {}

export interface DecodedInput {
  encoding: Encoding;
  /** the text so far, up to the first non-blank character (the format is sniffed from it) */
  head: string;
  /** the rest of the text, after head */
  rest: AsyncGenerator<string>;
  /** the same input as bytes from its first byte (head's included), in place of `rest`: read one or the other */
  bytes: AsyncGenerator<Uint8Array>;
}

/** Decodes a byte stream; reads until the first non-blank character so the format can be sniffed. */
export async function decodeInput(stream: Readable): Promise<DecodedInput> {
  const it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const decoder = new StreamDecoder();
  let head = '';
  let done = false;
  const headBytes: Uint8Array[] = [];
  const decode = (chunk: Buffer | string): string => (typeof chunk === 'string' ? chunk : decoder.push(chunk));
  const raw = (chunk: Buffer | string): Uint8Array => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  while (head.trim() === '') {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    headBytes.push(raw(next.value));
    head += decode(next.value);
  }
  async function* bytes(): AsyncGenerator<Uint8Array> {
    yield* headBytes;
    if (done) return;
    for (;;) {
      const next = await it.next();
      if (next.done) break;
      yield raw(next.value);
    }
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
    const tail = decoder.end();
    if (tail) yield tail;
  }
  return { encoding: decoder.encoding ?? 'utf-8', head: head.charCodeAt(0) === 0xfeff ? head.slice(1) : head, rest: rest(), bytes: bytes() };
}
