/**
 * One screening thread of the command-line screener (src/cli/screening.ts, screenCsvThreads):
 * screens the part of the file it is given and posts the part's output back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CsvPart } from './screening';
import { screenCsvPart } from './screening';
import { messages } from './messages';

const part = workerData as CsvPart;
parentPort!.postMessage(screenCsvPart(part, messages(part.lang)));
