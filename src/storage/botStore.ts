/**
 * The bot's own records in SQLite (better-sqlite3): each question with the passages it cited, so the
 * buttons under an answer work after a restart, and 👍/👎 feedback for admins. The schema is versioned
 * (sqlite.ts): older files are migrated, a newer one is refused rather than misread.
 */
import path from "node:path";
import type Database from "better-sqlite3";
import { openDatabase, type Migration } from "./sqlite.js";

/** The bot's database inside DATA_DIR. */
export const BOT_DB_FILE = "bot.sqlite";

/** The path of the bot's database under a data folder. */
export function botDbPath(dataDir: string): string {
  return path.join(dataDir, BOT_DB_FILE);
}

/** Every schema change, oldest first; a new one is appended with the next version. */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
    CREATE TABLE questions (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      asked_at TEXT NOT NULL,
      user_id INTEGER,
      chat_id INTEGER NOT NULL,
      chat_type TEXT NOT NULL,
      question TEXT NOT NULL,
      answer TEXT,
      abstained INTEGER NOT NULL,
      generation TEXT NOT NULL,
      citations TEXT NOT NULL,
      latency_ms REAL
    );
    CREATE INDEX questions_asked_at ON questions (asked_at);
    CREATE TABLE feedback (
      question_id INTEGER NOT NULL REFERENCES questions (id),
      user_id INTEGER NOT NULL,
      vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
      voted_at TEXT NOT NULL,
      PRIMARY KEY (question_id, user_id)
    );
  `,
  },
];

/** A passage a question cited: its id and the highlighted words, to find the highlight again after a re-index. */
export interface StoredCitation {
  passageId: string;
  quote: string | null;
}

/** A question as asked and answered. */
export interface NewQuestion {
  userId: number | null;
  chatId: number;
  chatType: string;
  question: string;
  answer: string | null;
  abstained: boolean;
  generation: string;
  citations: StoredCitation[];
  askedAt?: Date;
}

/** A stored question. */
export interface StoredQuestion extends Omit<NewQuestion, "askedAt"> {
  id: number;
  askedAt: string;
  latencyMs: number | null;
}

/** What /stats reports. */
export interface BotStats {
  questions: number;
  questionsLast24h: number;
  answered: number;
  abstained: number;
  /** Share of questions the bot abstained on, 0…1; null before the first question. */
  abstentionRate: number | null;
  users: number;
  feedbackUp: number;
  feedbackDown: number;
  /** 95th percentile of the time from receiving a question to the reply sent, in ms. */
  latencyP95Ms: number | null;
}

interface QuestionRow {
  id: number;
  asked_at: string;
  user_id: number | null;
  chat_id: number;
  chat_type: string;
  question: string;
  answer: string | null;
  abstained: number;
  generation: string;
  citations: string;
  latency_ms: number | null;
}

function parseCitations(json: string): StoredCitation[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((c: unknown) => {
    if (typeof c !== "object" || c === null) return [];
    const { passageId, quote } = c as { passageId?: unknown; quote?: unknown };
    return typeof passageId === "string" ? [{ passageId, quote: typeof quote === "string" ? quote : null }] : [];
  });
}

/** Repository over the bot's SQLite file. Synchronous, as better-sqlite3 is: calls take microseconds. */
export class BotStore {
  private constructor(private readonly db: Database.Database) {}

  /** Opens (creating if needed) the database at `file`; ":memory:" for tests. */
  static open(file: string): BotStore {
    return new BotStore(openDatabase(file, { label: "bot database", migrations: MIGRATIONS }));
  }

  /** Records a question and returns its id (used in callback data). */
  recordQuestion(q: NewQuestion): number {
    const info = this.db
      .prepare(
        `INSERT INTO questions (asked_at, user_id, chat_id, chat_type, question, answer, abstained, generation, citations)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run((q.askedAt ?? new Date()).toISOString(), q.userId, q.chatId, q.chatType, q.question, q.answer, q.abstained ? 1 : 0, q.generation, JSON.stringify(q.citations));
    return Number(info.lastInsertRowid);
  }

  /** Sets the end-to-end latency of a question once its reply has been sent. */
  setLatency(questionId: number, latencyMs: number): void {
    this.db.prepare("UPDATE questions SET latency_ms = ? WHERE id = ?").run(latencyMs, questionId);
  }

  question(id: number): StoredQuestion | null {
    const row = this.db.prepare("SELECT * FROM questions WHERE id = ?").get(id) as QuestionRow | undefined;
    if (!row) return null;
    return {
      id: row.id,
      askedAt: row.asked_at,
      userId: row.user_id,
      chatId: row.chat_id,
      chatType: row.chat_type,
      question: row.question,
      answer: row.answer,
      abstained: row.abstained === 1,
      generation: row.generation,
      citations: parseCitations(row.citations),
      latencyMs: row.latency_ms,
    };
  }

  /** Records a 👍 (1) or 👎 (-1); a user's later vote on the same question replaces the earlier one. */
  recordFeedback(questionId: number, userId: number, vote: 1 | -1, at = new Date()): void {
    this.db
      .prepare(
        `INSERT INTO feedback (question_id, user_id, vote, voted_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (question_id, user_id) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at`,
      )
      .run(questionId, userId, vote, at.toISOString());
  }

  feedbackFor(questionId: number): { up: number; down: number } {
    const row = this.db
      .prepare("SELECT COALESCE(SUM(vote = 1), 0) AS up, COALESCE(SUM(vote = -1), 0) AS down FROM feedback WHERE question_id = ?")
      .get(questionId) as { up: number; down: number };
    return { up: row.up, down: row.down };
  }

  stats(now = new Date()): BotStats {
    const totals = this.db
      .prepare(
        `SELECT COUNT(*) AS questions, COALESCE(SUM(abstained), 0) AS abstained, COUNT(DISTINCT user_id) AS users,
                COALESCE(SUM(asked_at >= ?), 0) AS last24h
         FROM questions`,
      )
      .get(new Date(now.getTime() - 24 * 3600 * 1000).toISOString()) as { questions: number; abstained: number; users: number; last24h: number };
    const feedback = this.db
      .prepare("SELECT COALESCE(SUM(vote = 1), 0) AS up, COALESCE(SUM(vote = -1), 0) AS down FROM feedback")
      .get() as { up: number; down: number };
    const timed = (this.db.prepare("SELECT COUNT(*) AS n FROM questions WHERE latency_ms IS NOT NULL").get() as { n: number }).n;
    let p95: number | null = null;
    if (timed > 0) {
      // Nearest-rank percentile: the smallest value with at least 95% of the values at or below it.
      const rank = Math.ceil(0.95 * timed);
      const row = this.db
        .prepare("SELECT latency_ms FROM questions WHERE latency_ms IS NOT NULL ORDER BY latency_ms LIMIT 1 OFFSET ?")
        .get(rank - 1) as { latency_ms: number } | undefined;
      p95 = row?.latency_ms ?? null;
    }
    return {
      questions: totals.questions,
      questionsLast24h: totals.last24h,
      answered: totals.questions - totals.abstained,
      abstained: totals.abstained,
      abstentionRate: totals.questions > 0 ? totals.abstained / totals.questions : null,
      users: totals.users,
      feedbackUp: feedback.up,
      feedbackDown: feedback.down,
      latencyP95Ms: p95,
    };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
