// Test support: the API's compute worker (compute-worker.ts) made slow or failing on demand, so
// tests can hold computations in flight for a known time. The delay is a busy loop in the worker
// thread — CPU work, as writing a big digest is — never a timer. workerData (besides the rubric):
//   spinMs   every task first burns this much CPU
//   hangOn   the task about this subject (a digest's "date:face", a card's article id, a story id)
//   hangMs   burns this much more CPU (past the pool's time limit, say)
//   throwOn  the task about this subject throws an error with a private-looking message

import { parentPort, workerData } from 'node:worker_threads';
import type { Rubric } from '../rank/rubric.js';
import { answerTasks, computeBody, type ComputeTask } from './compute-tasks.js';

interface SlowWorkerData {
  readonly rubric: Rubric;
  readonly spinMs?: number;
  readonly hangOn?: string;
  readonly hangMs?: number;
  readonly throwOn?: string;
}

const { rubric, spinMs = 0, hangOn, hangMs = 0, throwOn } = workerData as SlowWorkerData;

function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // burning CPU on purpose
  }
}

export const subjectOf = (task: ComputeTask): string =>
  task.kind === 'digest' ? `${task.date}:${task.face}` : task.kind === 'card' ? task.article.id : task.story.id;

answerTasks(parentPort!, (task) => {
  spin(spinMs);
  const subject = subjectOf(task);
  if (subject === hangOn) spin(hangMs);
  if (subject === throwOn) throw new Error('secret worker detail at /srv/private/tidings/compute.ts:42');
  return computeBody(task, rubric);
});
