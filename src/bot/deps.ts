/**
 * What the bot is given to work with. Features receive these through `createBot(deps)` and never reach
 * for globals, files or environment variables themselves: the engine's narrow surface (QaService), the
 * SQLite stores opened by main, and the corpus changes implemented at the edge (src/app/documentIngest.ts).
 */
import type { Config } from "../config.js";
import type { ConversationMemory } from "../qa/conversationMemory.js";
import type { QaService } from "../qa/engine.js";
import type { QuizStore } from "../storage/quizStore.js";
import type { Bookkeeping } from "./bookkeeping.js";
import type { Logger } from "./logger.js";
import type { QuizRuns } from "./quizRuns.js";
import type { BotStore } from "../storage/botStore.js";

/** Outcome of asking for the newest index. */
export interface ReloadResult {
  /** True when a newer generation was loaded and is now served. */
  swapped: boolean;
  /** The generation served after the call. */
  generation: string;
  /** The summary of the ingest run first (/reload picks up files put into the corpus folder), as lines. */
  lines?: string[];
}

/** Outcome of adding an uploaded document. */
export interface UploadResult {
  /** File name it was saved under, relative to the corpus folder. */
  savedAs: string;
  /** True when no ingest ran: a redelivered upload the bot died on, which is not retried (see `rejected`). */
  isNotRetried: boolean;
  /** The ingest summary as human lines (describeIngest). */
  lines: string[];
  /** True when the upload replaced a file of the same name (its previous version is kept in corpus/.history). */
  replaced: boolean;
  /** Set when the ingest could not use the file (it is removed from the corpus again). */
  rejected: { code: string; reason: string } | null;
}

/** Where an upload came from, for the journal: a redelivered update is recognised and not retried. */
export interface UploadOrigin {
  updateId: number;
  chatId: number;
}

/** An upload a restart found unfinished, after it was put aside. */
export interface InterruptedUpload {
  savedAs: string;
  chatId: number | null;
  /** Where the file was moved, relative to the corpus folder; null when it never reached the corpus. */
  quarantinedAs: string | null;
}

/** Changes to the corpus and index the bot may ask for (admins only); implemented at the edge (src/app/). */
export interface DocumentIngest {
  /** Ingests the corpus folder's changes (in a child process) and serves the newest generation. */
  reload(): Promise<ReloadResult>;
  /** Saves a document into the corpus folder under a safe name, re-indexes, and serves the new index. */
  addDocument(upload: { fileName: string; bytes: Uint8Array; origin?: UploadOrigin }): Promise<UploadResult>;
  /**
   * When this update's upload was already attempted (the bot died on it and Telegram redelivered the
   * update), why it is not retried; null otherwise.
   */
  earlierAttempt?(updateId: number): { savedAs: string; reason: string } | null;
}

/** Everything a feature may use. */
export interface BotDeps {
  config: Config;
  engine: QaService;
  store: BotStore;
  ingest: DocumentIngest;
  logger: Logger;
  /** Quiz mode: scores in SQLite, and the quizzes running now (main closes both at shutdown). */
  quiz: { store: QuizStore; runs: QuizRuns };
  /** Runs statistics/feedback/quiz writes so that their failure never costs an answer. */
  bookkeeping: Bookkeeping;
  /** The last questions of each chat (and user, in groups), for follow-ups; memory only. */
  conversations: ConversationMemory;
}

/**
 * What createBot is given: everything but bookkeeping, which it makes (it needs the bot's API), and the
 * conversation memory, which it makes from the config, unless given.
 */
export type BotDepsInput = Omit<BotDeps, "bookkeeping" | "conversations"> & { bookkeeping?: Bookkeeping; conversations?: ConversationMemory };
