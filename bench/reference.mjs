/**
 * The reference the screener's speed is compared with (npm run bench:cli): read a CSV file with
 * papaparse, as the screener reads it (256 kB chunks), and write every row back joined with twelve
 * added cells. No screening at all: the least any screener that reads and writes the rows must do.
 */
import { Buffer } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import process from 'node:process';
import { Readable } from 'node:stream';
import Papa from 'papaparse';

const path = process.argv[2];
const fd = openSync(path, 'r');
const size = 256 * 1024;
const input = new Readable({
  highWaterMark: size,
  read() {
    const buf = Buffer.allocUnsafe(size);
    const n = readSync(fd, buf, 0, size, null);
    if (n === 0) {
      closeSync(fd);
      this.push(null);
    } else this.push(n === size ? buf : buf.subarray(0, n));
  },
}).setEncoding('utf8');
const added = ['a1', 'b2', 'c3', 'd4', 'e5', 'f6', 'g7', 'h8', 'i9', 'j10', 'k11', 'l12'];
Papa.parse(input, {
  chunk(results) {
    const lines = [];
    for (const row of results.data) lines.push(row.concat(added).join(','));
    process.stdout.write(lines.join('\r\n') + '\r\n');
  },
});
