/**
 * The roster page as a state machine: pick → reading → mapping → screening (cancellable) →
 * results. The screening workers (a RosterPool) are an invoked actor that lives while a file is
 * open: created when a file or pasted text is read, ended when the page starts again. Their
 * messages arrive as WORKER events; answers the page asked for (a row's detail, the export, rows
 * for the caseload) are emitted for the page to use.
 *
 * No React here: the page renders the snapshot and sends events.
 */
import { assign, emit, enqueueActions, fromCallback, sendTo, setup } from 'xstate';
import { isSelfDescribing, loadMapping, mappingProblems, proposeMapping, saveMapping, type ColumnMapping, type KeyValue } from './mapping';
import { emptyCounts, type Counts, type Encoding, type FromWorker, type Lang, type ToWorker } from './protocol';
import { RowStore, type RowFilter } from './store';

/** What the machine needs of the worker pool (RosterPool, or a fake in tests). */
export interface PoolLike {
  onmessage: (msg: FromWorker) => void;
  send(msg: ToWorker, transfer?: Transferable[]): void;
  terminate(): void;
}

export interface RosterInput {
  asOf: string;
  /** makes the pool; a worker that cannot start reports { type: 'failed' } through onmessage */
  createPool: () => PoolLike;
  /** where column mappings are remembered per header row (localStorage on the page) */
  storage?: KeyValue | undefined;
  lang?: Lang;
}

export interface LoadedFile {
  name: string;
  headers: string[];
  sample: string[];
  encoding: Encoding;
  bom: boolean;
}

/** A message for screen readers: an i18n key of the roster namespace and its values. */
export interface Announcement {
  key: 'announce.loaded' | 'announce.progress' | 'announce.cancelled' | 'announce.done';
  values: Record<string, number>;
}

export type LoadError = { reason: 'undecodable' | 'empty' } | { reason: 'failed'; message: string };

export interface RosterContext {
  asOf: string;
  /** counts the files read: worker messages of an earlier file are ignored */
  job: number;
  pickError: 'asOfInvalid' | 'pasteEmpty' | null;
  loadError: LoadError | null;
  loaded: LoadedFile | null;
  mapping: ColumnMapping;
  /** the mapping was remembered from an earlier file with the same header row */
  fromStorage: boolean;
  showMappingErrors: boolean;
  progress: { fraction: number; rows: number };
  /** the last quarter of progress announced */
  announcedQuarter: number;
  announce: Announcement | null;
  cancelling: boolean;
  /** the screened rows as they arrive (a fresh store for each screening) */
  store: RowStore;
  /** notes: skipped rows (title lines, summary rows) and quote problems, as sentences */
  done: { counts: Counts; ms: number; cancelled: boolean; notes: string[] } | null;
  filter: RowFilter;
  page: number;
  createPool: () => PoolLike;
  storage: KeyValue | undefined;
  /** the language of the workers' sentences (skipped rows, warnings) */
  lang: Lang;
}

export type RosterEvent =
  | { type: 'SET_AS_OF'; asOf: string }
  | { type: 'SET_LANG'; lang: Lang }
  /**
   * A picked file (the workers read it on their own threads: the page never holds or copies its
   * bytes), a file's bytes (transferred to the workers), or pasted text
   */
  | ({ type: 'LOAD'; name: string } & ({ file: Blob } | { bytes: ArrayBuffer }))
  | { type: 'PASTE'; text: string }
  | { type: 'SET_MAPPING'; mapping: ColumnMapping }
  | { type: 'START' }
  | { type: 'CANCEL' }
  | { type: 'REMAP' }
  | { type: 'RESTART' }
  | { type: 'FILTER'; filter: RowFilter }
  | { type: 'PAGE'; page: number }
  | { type: 'DETAIL'; row: number }
  | { type: 'EXPORT'; lang: Lang; rows?: number[] }
  | { type: 'CASE_ROWS'; req: number; rows: number[] }
  | { type: 'WORKER'; msg: FromWorker };

/** Answers the page asked for, emitted as they arrive. */
export type RosterEmitted =
  | Extract<FromWorker, { type: 'detail' }>
  | Extract<FromWorker, { type: 'exported' }>
  | Extract<FromWorker, { type: 'caseRows' }>
  /** the workers failed: pending requests will get no answer */
  | Extract<FromWorker, { type: 'failed' }>;

type PoolCommand = { type: 'SEND'; msg: ToWorker; transfer?: Transferable[] };

const poolActor = fromCallback<PoolCommand, { createPool: () => PoolLike }>(({ sendBack, receive, input }) => {
  const pool = input.createPool();
  pool.onmessage = (msg) => sendBack({ type: 'WORKER', msg } satisfies RosterEvent);
  receive((cmd) => pool.send(cmd.msg, cmd.transfer ?? []));
  return () => pool.terminate();
});

export const validAsOf = (asOf: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(asOf);

type Msg<T extends FromWorker['type']> = Extract<FromWorker, { type: T }>;
const isMsg =
  <T extends FromWorker['type']>(type: T) =>
  ({ context, event }: { context: RosterContext; event: RosterEvent }): boolean =>
    event.type === 'WORKER' && event.msg.type === type && (event.msg.job === context.job || type === 'failed');
const msgOf = <T extends FromWorker['type']>(event: RosterEvent) => (event as unknown as { msg: Msg<T> }).msg;

export const rosterMachine = setup({
  types: {
    context: {} as RosterContext,
    events: {} as RosterEvent,
    input: {} as RosterInput,
    emitted: {} as RosterEmitted,
  },
  actors: { pool: poolActor },
  guards: {
    asOfInvalid: ({ context }) => !validAsOf(context.asOf),
    pasteEmpty: ({ event }) => event.type === 'PASTE' && event.text.trim() === '',
    loaded: isMsg('loaded'),
    loadFailed: isMsg('loadFailed'),
    failed: isMsg('failed'),
    rows: isMsg('rows'),
    progress: isMsg('progress'),
    done: isMsg('done'),
    answer: ({ context, event }) =>
      event.type === 'WORKER' && (event.msg.type === 'detail' || event.msg.type === 'exported' || event.msg.type === 'caseRows') && event.msg.job === context.job,
    selfDescribing: ({ context }) => !!context.loaded && isSelfDescribing(context.loaded.headers, context.mapping),
    mappingComplete: ({ context }) => mappingProblems(context.mapping).length === 0,
  },
  actions: {
    sendLoad: sendTo('pool', ({ context, event }): PoolCommand => {
      if (event.type === 'LOAD' && 'file' in event) return { type: 'SEND', msg: { type: 'load', job: context.job, file: event.file } };
      if (event.type === 'LOAD') return { type: 'SEND', msg: { type: 'load', job: context.job, bytes: event.bytes }, transfer: [event.bytes] };
      return { type: 'SEND', msg: { type: 'load', job: context.job, text: event.type === 'PASTE' ? event.text : '' } };
    }),
    beginScreening: assign(({ context }) => {
      saveMapping(context.storage, context.loaded?.headers ?? [], context.mapping);
      return {
        store: new RowStore(),
        done: null,
        progress: { fraction: 0, rows: 0 },
        announcedQuarter: -1,
        announce: null,
        cancelling: false,
        filter: 'all' as RowFilter,
        page: 0,
      };
    }),
    sendScreen: sendTo('pool', ({ context }): PoolCommand => ({ type: 'SEND', msg: { type: 'screen', job: context.job, mapping: context.mapping, asOf: context.asOf, lang: context.lang } })),
    emitAnswer: emit(({ event }) => msgOf<'detail' | 'exported' | 'caseRows'>(event)),
  },
}).createMachine({
  id: 'roster',
  context: ({ input }) => ({
    asOf: input.asOf,
    job: 0,
    pickError: null,
    loadError: null,
    loaded: null,
    mapping: [],
    fromStorage: false,
    showMappingErrors: false,
    progress: { fraction: 0, rows: 0 },
    announcedQuarter: -1,
    announce: null,
    cancelling: false,
    store: new RowStore(),
    done: null,
    filter: 'all',
    page: 0,
    createPool: input.createPool,
    storage: input.storage,
    lang: input.lang ?? 'zh-CN',
  }),
  on: { SET_LANG: { actions: assign({ lang: ({ event }) => event.lang }) } },
  initial: 'pick',
  states: {
    pick: {
      on: {
        SET_AS_OF: { actions: assign({ asOf: ({ event }) => event.asOf }) },
        LOAD: [{ guard: 'asOfInvalid', actions: assign({ pickError: 'asOfInvalid' }) }, { target: 'open' }],
        PASTE: [
          { guard: 'asOfInvalid', actions: assign({ pickError: 'asOfInvalid' }) },
          { guard: 'pasteEmpty', actions: assign({ pickError: 'pasteEmpty' }) },
          { target: 'open' },
        ],
      },
    },
    /** a file is open: the workers hold it */
    open: {
      entry: assign(({ context, event }) => ({
        job: context.job + 1,
        pickError: null,
        loadError: null,
        loaded: event.type === 'LOAD' ? ({ name: event.name } as LoadedFile) : ({ name: 'roster' } as LoadedFile),
        done: null,
        store: new RowStore(),
      })),
      invoke: { id: 'pool', src: 'pool', input: ({ context }) => ({ createPool: context.createPool }) },
      initial: 'reading',
      on: {
        RESTART: { target: 'pick', actions: assign({ loaded: null, done: null, store: () => new RowStore() }) },
        WORKER: [
          {
            guard: 'failed',
            target: 'pick',
            actions: [
              assign({ loadError: ({ event }) => ({ reason: 'failed' as const, message: msgOf<'failed'>(event).message }), cancelling: false }),
              emit(({ event }) => msgOf<'failed'>(event)),
            ],
          },
          { guard: 'answer', actions: 'emitAnswer' },
        ],
      },
      states: {
        reading: {
          entry: 'sendLoad',
          on: {
            WORKER: [
              {
                guard: 'loaded',
                target: 'checkMapping',
                actions: assign(({ context, event }) => {
                  const m = msgOf<'loaded'>(event);
                  const stored = loadMapping(context.storage, m.headers);
                  return {
                    loaded: { name: context.loaded?.name ?? 'roster', headers: m.headers, sample: m.sample, encoding: m.encoding, bom: m.bom },
                    mapping: stored ?? proposeMapping(m.headers),
                    fromStorage: !!stored,
                    showMappingErrors: false,
                    announce: { key: 'announce.loaded' as const, values: { columns: m.headers.length } },
                  };
                }),
              },
              { guard: 'loadFailed', target: '#roster.pick', actions: assign({ loadError: ({ event }) => ({ reason: msgOf<'loadFailed'>(event).reason }), loaded: null }) },
            ],
          },
        },
        /** a file whose header names every column as the facts schema does is screened at once */
        checkMapping: {
          always: [{ guard: 'selfDescribing', target: 'screening' }, { target: 'mapping' }],
        },
        mapping: {
          on: {
            SET_MAPPING: { actions: assign({ mapping: ({ event }) => event.mapping }) },
            START: [{ guard: 'mappingComplete', target: 'screening' }, { actions: assign({ showMappingErrors: true }) }],
          },
        },
        screening: {
          entry: ['beginScreening', 'sendScreen'],
          on: {
            CANCEL: {
              guard: ({ context }) => !context.cancelling,
              actions: [assign({ cancelling: true }), sendTo('pool', ({ context }): PoolCommand => ({ type: 'SEND', msg: { type: 'cancel', job: context.job } }))],
            },
            WORKER: [
              { guard: 'rows', actions: ({ context, event }) => context.store.add(msgOf<'rows'>(event).batch) },
              {
                guard: 'progress',
                actions: enqueueActions(({ context, event, enqueue }) => {
                  const { fraction, rows } = msgOf<'progress'>(event);
                  const quarter = Math.floor(fraction * 4);
                  const announce = quarter > context.announcedQuarter && quarter > 0 && quarter < 4 ? { key: 'announce.progress' as const, values: { percent: quarter * 25 } } : null;
                  enqueue.assign({
                    progress: { fraction, rows },
                    ...(quarter > context.announcedQuarter && quarter < 4 ? { announcedQuarter: quarter } : {}),
                    ...(announce ? { announce } : {}),
                  });
                }),
              },
              {
                guard: 'done',
                target: 'results',
                actions: assign(({ event }) => {
                  const { counts, ms, cancelled, notes } = msgOf<'done'>(event);
                  const announce: Announcement = cancelled
                      ? { key: 'announce.cancelled' as const, values: { rows: counts.rows } }
                      : { key: 'announce.done' as const, values: { rows: counts.rows, likely: counts.likely, eligible: counts.eligible, depends: counts.depends, excluded: counts.excluded, notEligible: counts.notEligible, error: counts.error } };
                  return { done: { counts, ms, cancelled, notes }, cancelling: false, announce };
                }),
              },
            ],
          },
        },
        results: {
          on: {
            // the list stays on the page: a failed request (a row's detail, the export) is reported where it was asked
            WORKER: { guard: 'failed', actions: emit(({ event }) => msgOf<'failed'>(event)) },
            FILTER: { actions: assign({ filter: ({ event }) => event.filter, page: 0 }) },
            PAGE: { actions: assign({ page: ({ event }) => event.page }) },
            DETAIL: { actions: sendTo('pool', ({ context, event }): PoolCommand => ({ type: 'SEND', msg: { type: 'detail', job: context.job, row: event.row } })) },
            EXPORT: {
              actions: sendTo('pool', ({ context, event }): PoolCommand => ({ type: 'SEND', msg: { type: 'export', job: context.job, lang: event.lang, ...(event.rows ? { rows: event.rows } : {}) } })),
            },
            CASE_ROWS: { actions: sendTo('pool', ({ context, event }): PoolCommand => ({ type: 'SEND', msg: { type: 'caseRows', job: context.job, req: event.req, rows: event.rows } })) },
            REMAP: { target: 'mapping', actions: assign({ showMappingErrors: false }) },
          },
        },
      },
    },
  },
});

export const countsOf = (c: RosterContext): Counts => c.done?.counts ?? emptyCounts();
