/**
 * The command-line screener and the roster page's worker read a file through the one screening
 * layer: the same file gives the same columns, results, counts and messages in both.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/cli/input';
import { messages } from '../../src/cli/messages';
import { screenCsvPart } from '../../src/cli/screening';
import { RosterCore } from '../../src/roster/core';
import { proposeMapping } from '../../src/roster/mapping';
import { batchRows, type FromWorker } from '../../src/roster/protocol';
import { detectDelimiter } from '../../src/screening/decode';
import { csvLine } from '../../src/screening/write';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const AS_OF = '2025-08-01';

async function viaCli(bytes: Buffer, lang: 'zh-CN' | 'en') {
  const d = await decodeInput(Readable.from([bytes]));
  let text = d.head;
  for await (const s of d.rest) text += s;
  const part = screenCsvPart({ text, firstRow: 1, header: null, delimiter: detectDelimiter(text), asOf: AS_OF, lang }, messages(lang));
  return {
    csv: '\uFEFF' + csvLine(part.outputColumns!) + '\r\n' + new TextDecoder().decode(part.csv).replace(/\r\n$/, ''),
    counts: part.counts,
    notes: [...part.notes, ...part.quotes],
    mapping: part.header!.mapping,
  };
}

async function viaRoster(bytes: Buffer, lang: 'zh-CN' | 'en') {
  const posted: FromWorker[] = [];
  const core = new RosterCore({ post: (m) => posted.push(m), yieldTurn: () => Promise.resolve(), chunkSize: 200 });
  await core.handle({ type: 'load', job: 1, bytes: new Uint8Array(bytes).buffer });
  const loaded = posted.find((m) => m.type === 'loaded');
  if (loaded?.type !== 'loaded') throw new Error('not loaded');
  const mapping = proposeMapping(loaded.headers);
  await core.handle({ type: 'screen', job: 1, mapping, asOf: AS_OF, lang });
  const done = posted.find((m) => m.type === 'done');
  if (done?.type !== 'done') throw new Error('not done');
  const rows = posted.flatMap((m) => (m.type === 'rows' ? batchRows(m.batch) : []));
  return { csv: core.csvText(lang).csv, counts: done.counts, notes: done.notes, mapping, rows };
}

const FILES = ['roster/street-office-gbk.csv', 'roster/street-office-utf8.csv', 'roster/mixed-bom.csv', 'roster/gbk.csv', 'mixed.csv', 'good.csv', 'deadlines.csv'];

describe('the command line and the roster page give the same screening', () => {
  for (const file of FILES) {
    for (const lang of ['zh-CN', 'en'] as const) {
      it(`${file} (${lang}): same columns, result cells, counts and messages`, async () => {
        const bytes = readFileSync(join(FIXTURES, file));
        const cli = await viaCli(bytes, lang);
        const roster = await viaRoster(bytes, lang);
        expect(roster.mapping).toEqual(cli.mapping);
        expect(roster.csv).toBe(cli.csv);
        expect(roster.counts).toEqual(cli.counts);
        expect(roster.notes).toEqual(cli.notes);
        // and the page's list names the same rows
        expect(roster.rows.map((r) => r.row).length).toBe(cli.counts.rows);
      });
    }
  }

  it('reads the street office roster as kept: title line, 合计 row and a stray quote skipped or reported, never lost', async () => {
    const roster = await viaRoster(readFileSync(join(FIXTURES, 'roster/street-office-gbk.csv')), 'zh-CN');
    expect(roster.counts).toMatchObject({ rows: 10, title: 1, summary: 1, blank: 1, error: 2 });
    expect(roster.notes).toEqual([
      expect.stringMatching(/^第 1 行：表头上方的标题行/),
      expect.stringMatching(/^第 14 行：合计行/),
      expect.stringMatching(/^第 12 行：引号不成对/),
    ]);
    // the 10 people are all there, by row number, the one with the stray quote included
    expect(roster.rows.map((r) => r.row)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 12, 13]);
    expect(roster.rows.find((r) => r.row === 12)!.ref).toBe('"郑九');
    // 是否低保 / 户籍 place names / 贰级 / 肆级 read as they are meant
    expect(roster.rows.find((r) => r.row === 4)!.kind).not.toBe('error');
    expect(roster.rows.find((r) => r.row === 5)!.kind).toBe('notEligible');
    expect(roster.rows.find((r) => r.row === 7)!.kind).not.toBe('error');
  });
});
