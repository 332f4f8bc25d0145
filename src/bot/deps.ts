/**
 * What the bot is given to work with. Features receive these through `createBot(deps)` and never reach
 * for globals, files or environment variables themselves.
 */
import type { Config } from "../config.js";
import type { IngestSummary } from "../index/ingest.js";
import type { ConversationMemory } from "../qa/conversationMemory.js";
import type { QaEngine } from "../qa/engine.js";
import type { QuizStore } from "../quiz/scores.js";
import type { Logger } from "./logger.js";
import type { QuizRuns } from "./quizRuns.js";
import type { BotStore } from "./store.js";

/** Outcome of asking for the newest index. */
export interface ReloadResult {
  /** True when a newer generation was loaded and is now served. */
  swapped: boolean;
  /** The generation served after the call. */
  generation: string;
}

/** Outcome of adding an uploaded document. */
export interface UploadResult {
  /** File name it was saved under, relative to the corpus folder. */
  savedAs: string;
  summary: IngestSummary;
  /** The ingest summary as human lines (describeIngest). */
  lines: string[];
  /** Set when the ingest could not use the file (it is removed from the corpus again). */
  rejected: { code: string; reason: string } | null;
}

/** Changes to the corpus and index the bot may ask for (admins only); implemented at the edge (main). */
export interface DocumentIngest {
  /** Serves the generation named by CURRENT if it differs from the one in service. */
  reload(): Promise<ReloadResult>;
  /** Saves a document into the corpus folder under a safe name, re-indexes, and serves the new index. */
  addDocument(upload: { fileName: string; bytes: Uint8Array }): Promise<UploadResult>;
}

/** Everything a feature may use. */
export interface BotDeps {
  config: Config;
  engine: QaEngine;
  store: BotStore;
  ingest: DocumentIngest;
  logger: Logger;
  /** Quiz mode: scores in SQLite, and the quizzes running now (main closes both at shutdown). */
  quiz: { store: QuizStore; runs: QuizRuns };
  /** The last questions of each chat (and user, in groups), for follow-ups; memory only. */
  conversations: ConversationMemory;
}
