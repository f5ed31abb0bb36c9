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
}

/** Decodes a byte stream; reads until the first non-blank character so the format can be sniffed. */
export async function decodeInput(stream: Readable): Promise<DecodedInput> {
  const it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const decoder = new StreamDecoder();
  let head = '';
  let done = false;
  const decode = (chunk: Buffer | string): string => (typeof chunk === 'string' ? chunk : decoder.push(chunk));
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
    const tail = decoder.end();
    if (tail) yield tail;
  }
  return { encoding: decoder.encoding ?? 'utf-8', head: head.charCodeAt(0) === 0xfeff ? head.slice(1) : head, rest: rest() };
}
