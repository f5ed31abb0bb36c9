/**
 * The one place the caseload touches device storage. Everything above it works against the `KV`
 * interface, so unit tests run on an in-memory map and the app on IndexedDB (idb-keyval).
 */
import { createStore, del, delMany, entries, get, keys, promisifyRequest, set } from 'idb-keyval';

export interface KV {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  keys(): Promise<string[]>;
  /** every key and value */
  entries(): Promise<[string, unknown][]>;
  /** all or nothing: one IndexedDB transaction (the puts, then the deletions) */
  setMany(items: [string, unknown][], dels?: string[]): Promise<void>;
  delMany(keys: string[]): Promise<void>;
}

/** IndexedDB database "tj-caseload", object store "vault". */
export function idbKV(dbName = 'tj-caseload', storeName = 'vault'): KV {
  let store: ReturnType<typeof createStore> | null = null;
  const s = () => (store ??= createStore(dbName, storeName));
  return {
    get: (k) => get(k, s()),
    set: (k, v) => set(k, v, s()),
    del: (k) => del(k, s()),
    keys: async () => (await keys(s())).map(String),
    entries: async () => (await entries(s())).map(([k, v]) => [String(k), v] as [string, unknown]),
    setMany: (items, dels = []) =>
      s()('readwrite', (store) => {
        for (const [k, v] of items) store.put(v, k);
        for (const k of dels) store.delete(k);
        return promisifyRequest(store.transaction);
      }),
    delMany: (ks) => delMany(ks, s()),
  };
}

/** For tests and for a browser without IndexedDB: values are structured-cloned like IndexedDB does. */
export function memoryKV(initial: Record<string, unknown> = {}): KV & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>(Object.entries(initial).map(([k, v]) => [k, structuredClone(v)]));
  return {
    map,
    get: async (k) => structuredClone(map.get(k)),
    set: async (k, v) => void map.set(k, structuredClone(v)),
    del: async (k) => void map.delete(k),
    keys: async () => [...map.keys()],
    entries: async () => [...map.entries()].map(([k, v]) => [k, structuredClone(v)] as [string, unknown]),
    setMany: async (items, dels = []) => {
      const copies = items.map(([k, v]) => [k, structuredClone(v)] as const);
      for (const [k, v] of copies) map.set(k, v);
      for (const k of dels) map.delete(k);
    },
    delMany: async (ks) => void ks.forEach((k) => map.delete(k)),
  };
}
