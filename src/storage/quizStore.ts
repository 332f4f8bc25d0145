/**
 * Quiz sessions, polls and answers in a local SQLite file (better-sqlite3, WAL mode), so scores survive
 * restarts. Keyed by Telegram chat and user; knows nothing about Telegram itself. The bot records each
 * poll it sends and each answer it receives; a user's first answer to a poll is the one that counts.
 * The schema is versioned (sqlite.ts): older files are migrated, a newer one is refused.
 */
import path from "node:path";
import type Database from "better-sqlite3";
import { AppError } from "../errors.js";
import { openDatabase, type Migration } from "./sqlite.js";

/** The store's file inside DATA_DIR. */
export const QUIZ_DB_FILE = "quiz.sqlite";

/** The path of the quiz database under a data folder. */
export function quizDbPath(dataDir: string): string {
  return path.join(dataDir, QUIZ_DB_FILE);
}

/** A quiz run in one chat. */
export interface QuizSession {
  id: number;
  chatId: number;
  /** Telegram user id of whoever started it. */
  startedBy: number;
  /** ISO time. */
  createdAt: string;
  state: "active" | "stopped";
  stoppedAt: string | null;
  /** The bank questions planned for this session, in order (so a restarted bot can carry on). */
  questionIds: string[];
}

/** A quiz poll the bot sent. */
export interface QuizPollRecord {
  pollId: string;
  chatId: number;
  sessionId: number;
  questionId: string;
  /** 0-based index of the correct option as sent. */
  correctOption: number;
  messageId: number | null;
}

/** Who answered. */
export interface QuizUser {
  id: number;
  /** Display name, refreshed with every answer. */
  name: string;
}

/** One user's score. */
export interface ScoreRow {
  userId: number;
  name: string;
  correct: number;
  answered: number;
}

/** Scores of one session. */
export interface SessionResults {
  session: QuizSession;
  /** Polls sent in the session. */
  polls: number;
  /** Best first: most correct, then fewest answers, then name. */
  scores: ScoreRow[];
}

/** What `recordAnswer` did: `counted` is false when the user had answered already or the session is over. */
export interface AnswerOutcome {
  counted: boolean;
  correct: boolean;
}

/**
 * Every schema change, oldest first; a new one is appended with the next version. Version 1 keeps
 * `IF NOT EXISTS`: files from before the migration list have these tables at user_version 1 already.
 */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE IF NOT EXISTS sessions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  chat_id INTEGER NOT NULL,
  started_by INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('active', 'stopped')),
  stopped_at TEXT,
  question_ids TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS sessions_by_chat ON sessions (chat_id, state);
CREATE TABLE IF NOT EXISTS polls (
  poll_id TEXT PRIMARY KEY,
  chat_id INTEGER NOT NULL,
  session_id INTEGER NOT NULL REFERENCES sessions (id),
  question_id TEXT NOT NULL,
  correct_option INTEGER NOT NULL,
  message_id INTEGER,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS polls_by_session ON polls (session_id);
CREATE INDEX IF NOT EXISTS polls_by_chat ON polls (chat_id);
CREATE TABLE IF NOT EXISTS users (
  user_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS answers (
  poll_id TEXT NOT NULL REFERENCES polls (poll_id),
  user_id INTEGER NOT NULL,
  option INTEGER NOT NULL,
  correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
  answered_at TEXT NOT NULL,
  PRIMARY KEY (poll_id, user_id)
);
`,
  },
];

interface SessionRow {
  id: number;
  chat_id: number;
  started_by: number;
  created_at: string;
  state: "active" | "stopped";
  stopped_at: string | null;
  question_ids: string;
}

interface PollRow {
  poll_id: string;
  chat_id: number;
  session_id: number;
  question_id: string;
  correct_option: number;
  message_id: number | null;
}

function toSession(row: SessionRow): QuizSession {
  let questionIds: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.question_ids);
    if (Array.isArray(parsed)) questionIds = parsed.filter((x): x is string => typeof x === "string");
  } catch {
    questionIds = [];
  }
  return { id: row.id, chatId: row.chat_id, startedBy: row.started_by, createdAt: row.created_at, state: row.state, stoppedAt: row.stopped_at, questionIds };
}

function toPoll(row: PollRow): QuizPollRecord {
  return { pollId: row.poll_id, chatId: row.chat_id, sessionId: row.session_id, questionId: row.question_id, correctOption: row.correct_option, messageId: row.message_id };
}

/**
 * Quiz scores in one SQLite file.
 * @example const store = new QuizStore(quizDbPath(config.DATA_DIR)); const s = store.startSession(chatId, userId, ids);
 */
export class QuizStore {
  private readonly db: Database.Database;
  private readonly now: () => Date;

  /** Opens (creating if needed) the database at `file`. `now` is for tests. */
  constructor(file: string, opts: { now?: () => Date } = {}) {
    this.now = opts.now ?? (() => new Date());
    this.db = openDatabase(file, { label: "quiz database", migrations: MIGRATIONS, busyTimeoutMs: 5000 });
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  /** Starts a session in a chat. Throws INPUT_INVALID when one is already running there. */
  startSession(chatId: number, startedBy: number, questionIds: readonly string[] = []): QuizSession {
    return this.db.transaction(() => {
      if (this.activeSession(chatId)) throw new AppError("INPUT_INVALID", `A quiz is already running in chat ${chatId}: stop it first`);
      const info = this.db
        .prepare("INSERT INTO sessions (chat_id, started_by, created_at, state, question_ids) VALUES (?, ?, ?, 'active', ?)")
        .run(chatId, startedBy, this.stamp(), JSON.stringify(questionIds));
      const created = this.session(Number(info.lastInsertRowid));
      if (!created) throw new Error("session vanished after insert");
      return created;
    })();
  }

  /** A session by id, or null. */
  session(sessionId: number): QuizSession | null {
    const row = this.db.prepare("SELECT * FROM sessions WHERE id = ?").get(sessionId) as SessionRow | undefined;
    return row ? toSession(row) : null;
  }

  /** The running session of a chat, or null. */
  activeSession(chatId: number): QuizSession | null {
    const row = this.db.prepare("SELECT * FROM sessions WHERE chat_id = ? AND state = 'active' ORDER BY id DESC LIMIT 1").get(chatId) as SessionRow | undefined;
    return row ? toSession(row) : null;
  }

  /** Stops the chat's running session and returns it, or null when none was running. */
  stopSession(chatId: number): QuizSession | null {
    return this.db.transaction(() => {
      const active = this.activeSession(chatId);
      if (!active) return null;
      this.db.prepare("UPDATE sessions SET state = 'stopped', stopped_at = ? WHERE id = ?").run(this.stamp(), active.id);
      return this.session(active.id);
    })();
  }

  /** Remembers a poll sent for a session, so its answers can be scored. */
  recordPoll(poll: QuizPollRecord): void {
    this.db
      .prepare("INSERT INTO polls (poll_id, chat_id, session_id, question_id, correct_option, message_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .run(poll.pollId, poll.chatId, poll.sessionId, poll.questionId, poll.correctOption, poll.messageId, this.stamp());
  }

  /** A recorded poll, or null. */
  poll(pollId: string): QuizPollRecord | null {
    const row = this.db.prepare("SELECT * FROM polls WHERE poll_id = ?").get(pollId) as PollRow | undefined;
    return row ? toPoll(row) : null;
  }

  /**
   * Records a user's answer (Telegram's `poll_answer.option_ids`). Null for a poll this store does not
   * know. Only the first answer counts: a changed or retracted vote, or an answer after the session was
   * stopped, is reported with `counted: false` and changes no score.
   */
  recordAnswer(pollId: string, user: QuizUser, optionIds: readonly number[]): AnswerOutcome | null {
    return this.db.transaction((): AnswerOutcome | null => {
      const poll = this.poll(pollId);
      if (!poll) return null;
      this.db
        .prepare("INSERT INTO users (user_id, name, updated_at) VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at")
        .run(user.id, user.name, this.stamp());
      const previous = this.db.prepare("SELECT correct FROM answers WHERE poll_id = ? AND user_id = ?").get(pollId, user.id) as { correct: number } | undefined;
      if (previous) return { counted: false, correct: previous.correct === 1 };
      const option = optionIds[0];
      if (option === undefined) return { counted: false, correct: false };
      const correct = optionIds.length === 1 && option === poll.correctOption;
      if (this.session(poll.sessionId)?.state !== "active") return { counted: false, correct };
      this.db.prepare("INSERT INTO answers (poll_id, user_id, option, correct, answered_at) VALUES (?, ?, ?, ?, ?)").run(pollId, user.id, option, correct ? 1 : 0, this.stamp());
      return { counted: true, correct };
    })();
  }

  /** Scores of one session, or null for an unknown session. */
  sessionResults(sessionId: number): SessionResults | null {
    const session = this.session(sessionId);
    if (!session) return null;
    const polls = (this.db.prepare("SELECT COUNT(*) AS n FROM polls WHERE session_id = ?").get(sessionId) as { n: number }).n;
    const scores = this.db
      .prepare(
        `SELECT a.user_id AS userId, u.name AS name, SUM(a.correct) AS correct, COUNT(*) AS answered
         FROM answers a JOIN polls p ON p.poll_id = a.poll_id JOIN users u ON u.user_id = a.user_id
         WHERE p.session_id = ? GROUP BY a.user_id ORDER BY correct DESC, answered ASC, name ASC`,
      )
      .all(sessionId) as ScoreRow[];
    return { session, polls, scores };
  }

  /** The chat's best players over all its sessions. */
  leaderboard(chatId: number, limit = 10): ScoreRow[] {
    return this.db
      .prepare(
        `SELECT a.user_id AS userId, u.name AS name, SUM(a.correct) AS correct, COUNT(*) AS answered
         FROM answers a JOIN polls p ON p.poll_id = a.poll_id JOIN users u ON u.user_id = a.user_id
         WHERE p.chat_id = ? GROUP BY a.user_id ORDER BY correct DESC, answered ASC, name ASC LIMIT ?`,
      )
      .all(chatId, Math.max(1, Math.floor(limit))) as ScoreRow[];
  }

  /** Closes the database file. */
  close(): void {
    this.db.close();
  }
}
