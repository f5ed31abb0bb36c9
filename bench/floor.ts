/**
 * Reading and writing the roster as text with no screening at all, for `npm run bench:cli` (c): the
 * input decoded (StreamDecoder), cut into cells by the one CSV reader (CsvReader), as the command
 * line reads any file it does not read from bytes (src/screening/bytes.ts), and every row's line
 * written back with `extra` more bytes of result cells copied after it (the screener's own output
 * bytes per row beyond its input, measured in the same run). The screener reads a UTF-8 file's
 * repeated rows from their bytes, which costs less than this text way.
 *
 * Usage (bundled by bench/run.ts): node floor.mjs <file.csv> <extra bytes per row>
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { StreamDecoder } from '../src/screening/decode';
import { CsvReader } from '../src/screening/read';

const fd = openSync(process.argv[2]!, 'r');
const extra = Number(process.argv[3] ?? 0);
// bytes of Chinese text, as result cells are, then the line break
const tail = Buffer.alloc(extra + 2, '中');
tail[extra] = 13;
tail[extra + 1] = 10;
let out = Buffer.allocUnsafe(1 << 20);
let at = 0;
const flush = () => {
  writeSync(1, out.subarray(0, at));
  out = Buffer.allocUnsafe(1 << 20);
  at = 0;
};
const reader = new CsvReader(',', (cells, line) => {
  const text = line ?? cells.join(',');
  if (at + text.length * 3 + tail.length > out.length) flush();
  at += out.write(text, at);
  at += tail.copy(out, at);
});
const decoder = new StreamDecoder();
const chunk = Buffer.allocUnsafe(256 * 1024);
for (;;) {
  const n = readSync(fd, chunk, 0, chunk.length, null);
  if (n === 0) break;
  reader.push(decoder.push(chunk.subarray(0, n)));
}
closeSync(fd);
reader.push(decoder.end());
reader.end();
flush();
