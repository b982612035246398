// The worker thread behind extract-isolated.ts: says it has loaded, then reads the pages it is sent,
// one at a time, and answers each with extractPage's result (or the message of an error it threw).

import { parentPort } from 'node:worker_threads';
import { extractPage, type PageRequest } from './extract.js';
import { WORKER_READY, type WorkerReply } from './extract-isolated.js';

const port = parentPort!;
port.on('message', (request: PageRequest) => {
  let reply: WorkerReply;
  try {
    reply = { ok: true, result: extractPage(request) };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage(WORKER_READY);
