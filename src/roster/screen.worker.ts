/// <reference lib="webworker" />
/** The roster screening worker: forwards messages to RosterCore (src/roster/core.ts). */
import { RosterCore } from './core';
import type { FromWorker, ToWorker } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const core = new RosterCore({ post: (msg: FromWorker, transfer?: Transferable[]) => scope.postMessage(msg, transfer ?? []) });
scope.onmessage = (e: MessageEvent<ToWorker>) => {
  void core.handle(e.data);
};
