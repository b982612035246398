// The CPU-heavy half of the API's answers: ranking stories and writing and verifying digests and
// cards with the offline engine. Pure functions of what the store gave (read on the server's
// thread), so they run in a worker thread (compute-worker.ts) and the server's event loop stays
// free for static files and cached answers while they do. Each task gives the answer's JSON body.

import os from 'node:os';
import type { MessagePort } from 'node:worker_threads';
import type { ArticleWithSightings, Face } from '../article.js';
import { verifiedCard, verifiedDigest } from '../write/writer.js';
import { rankStory } from '../rank/rank.js';
import type { Rubric } from '../rank/rubric.js';
import type { Story } from '../stories/story.js';
import type { StoryInput } from '../write/story-analysis.js';

export type ComputeTask =
  /** A day's digest from the articles of each of its stories (as known by the day's end). */
  | {
      readonly kind: 'digest';
      readonly date: string;
      readonly face: Face;
      readonly stories: ReadonlyArray<{ readonly storyId: string; readonly articles: ArticleWithSightings[] }>;
    }
  /** An article's card, with the articles of its story (null when it is in none). */
  | {
      readonly kind: 'card';
      readonly article: ArticleWithSightings;
      readonly story: { readonly id: string; readonly articles: ArticleWithSightings[] } | null;
      readonly face: Face | null;
    }
  /** A story with its ranking. */
  | { readonly kind: 'story'; readonly story: Story; readonly articles: ArticleWithSightings[] };

const input = (storyId: string, articles: ArticleWithSightings[], rubric: Rubric): StoryInput => ({
  storyId,
  articles,
  ranking: rankStory(articles, rubric),
});

/** The answer's value, as `digestFor`, `cardFor` and `rankedStoryById` would give it. */
export function computeAnswer(task: ComputeTask, rubric: Rubric): unknown {
  switch (task.kind) {
    case 'digest':
      return verifiedDigest(
        task.stories.map((s) => input(s.storyId, s.articles, rubric)),
        task.date,
        task.face,
      );
    case 'card':
      return verifiedCard(
        task.article,
        task.story ? input(task.story.id, task.story.articles, rubric) : input(task.article.id, [task.article], rubric),
        task.face,
      );
    case 'story':
      return { ...task.story, ranking: rankStory(task.articles, rubric) };
  }
}

/** The answer's JSON body, `{"data": …}`, in its own buffer (so it can be transferred, not copied). */
export function computeBody(task: ComputeTask, rubric: Rubric): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ data: computeAnswer(task, rubric) }));
}

/** The worker thread's nice value (Linux): below the server's thread, above idle work. */
const WORKER_NICE = 10;

export interface TaskRequest {
  readonly id: number;
  readonly task: ComputeTask;
}

export type TaskReply =
  | { readonly id: number; readonly ok: true; readonly body: Uint8Array }
  | { readonly id: number; readonly ok: false; readonly error: string }
  /** Sent once, when the worker has loaded its modules and takes tasks. */
  | { readonly ready: true };

/**
 * A worker's loop: says it is ready, then one reply per task message; a task that throws is
 * reported, not fatal. The worker's thread first lowers its own priority: when the cores are busy,
 * the server's thread (static files, cached answers) gets the CPU first. On Linux a thread has its
 * own nice value (setpriority on "this process" names the calling thread); elsewhere it would
 * lower the whole process, so it is left alone there.
 */
export function answerTasks(port: MessagePort, run: (task: ComputeTask) => Uint8Array): void {
  if (process.platform === 'linux') {
    try {
      os.setPriority(Math.max(os.getPriority(), WORKER_NICE));
    } catch {
      // not permitted: the worker runs at the server's priority
    }
  }
  port.on('message', ({ id, task }: TaskRequest) => {
    let reply: TaskReply;
    try {
      reply = { id, ok: true, body: run(task) };
    } catch (error) {
      reply = { id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(reply, reply.ok ? [reply.body.buffer as ArrayBuffer] : []);
  });
  port.postMessage({ ready: true } satisfies TaskReply);
}
