// The worker thread behind `tidings serve`'s API (compute-pool.ts starts it): computes answers
// (compute-tasks.ts) with the rubric it was given, one task at a time.

import { parentPort, workerData } from 'node:worker_threads';
import type { Rubric } from '../rank/rubric.js';
import { answerTasks, computeBody } from './compute-tasks.js';

const { rubric } = workerData as { rubric: Rubric };
answerTasks(parentPort!, (task) => computeBody(task, rubric));
