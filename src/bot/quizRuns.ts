/**
 * The quizzes running right now, in memory: which polls a quiz sent in which order, who answered
 * which poll, and the timer that ends it. Scores themselves live in SQLite (QuizStore), so a restart
 * loses only this: a quiz running across a restart still counts answers, and ends at its timeout the
 * next time its chat talks to the bot (see the quiz feature). Knows nothing about Telegram.
 *
 * @example
 * const runs = new QuizRuns();
 * const run = runs.begin(session, { timeoutMs: 600_000, onTimeout: () => finish(session) });
 * run.addPoll("5000000000001", 42);
 * // …
 * runs.close(); // at shutdown, before the store closes
 */
import type { QuizSession } from "../storage/quizStore.js";

/** One running quiz. */
export class QuizRun {
  /** Poll ids in the order they were sent. */
  readonly pollIds: string[] = [];
  /** Message ids of the polls, in the same order (to close them when the quiz ends). */
  readonly messageIds: number[] = [];
  /** True once every planned poll has been sent (or sending gave up). */
  isSendingDone = false;
  private readonly answerers = new Map<string, Set<number>>();

  constructor(
    readonly sessionId: number,
    readonly chatId: number,
  ) {}

  /** Remembers a poll as sent. */
  addPoll(pollId: string, messageId: number): void {
    this.pollIds.push(pollId);
    this.messageIds.push(messageId);
  }

  /** Remembers that `userId` answered `pollId` (a counted answer). */
  addAnswer(pollId: string, userId: number): void {
    const users = this.answerers.get(pollId) ?? new Set<number>();
    users.add(userId);
    this.answerers.set(pollId, users);
  }

  /**
   * True when the quiz is over by its own rule: every poll has been sent and the last one has been
   * answered by everyone who answered the first (with one poll, by its first answerer).
   */
  isComplete(): boolean {
    const first = this.pollIds[0];
    const last = this.pollIds.at(-1);
    if (!this.isSendingDone || first === undefined || last === undefined) return false;
    const lastUsers = this.answerers.get(last);
    if (!lastUsers || lastUsers.size === 0) return false;
    return [...(this.answerers.get(first) ?? [])].every((id) => lastUsers.has(id));
  }
}

/** Options of {@link QuizRuns.begin}. */
export interface BeginOptions {
  /** How long until `onTimeout` runs, in ms. */
  timeoutMs: number;
  /** Called once when the time is up, unless the run ended before. Errors are the caller's to catch. */
  onTimeout: () => void;
}

/** The running quizzes of every chat, and the last quiz each chat finished. */
export class QuizRuns {
  private readonly runs = new Map<number, QuizRun>();
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private readonly lastFinished = new Map<number, number>();
  private isClosed = false;

  /** Starts tracking a session and arms its timer. */
  begin(session: Pick<QuizSession, "id" | "chatId">, opts: BeginOptions): QuizRun {
    if (this.isClosed) throw new Error("QuizRuns.begin: already closed");
    const run = new QuizRun(session.id, session.chatId);
    this.runs.set(session.id, run);
    const timer = setTimeout(() => {
      this.timers.delete(session.id);
      if (!this.isClosed && this.runs.has(session.id)) opts.onTimeout();
    }, opts.timeoutMs);
    // A quiz left running must never keep the process alive.
    timer.unref();
    this.timers.set(session.id, timer);
    return run;
  }

  /** The run of a session, or undefined (never started here, or ended, or started before a restart). */
  get(sessionId: number): QuizRun | undefined {
    return this.runs.get(sessionId);
  }

  /** Stops tracking a session (its timer too) and remembers it as the chat's last finished quiz. */
  end(sessionId: number, chatId: number): QuizRun | undefined {
    const run = this.runs.get(sessionId);
    this.runs.delete(sessionId);
    clearTimeout(this.timers.get(sessionId));
    this.timers.delete(sessionId);
    this.lastFinished.set(chatId, sessionId);
    return run;
  }

  /** The session id of the last quiz that ended in a chat since start-up, or undefined. */
  lastFinishedIn(chatId: number): number | undefined {
    return this.lastFinished.get(chatId);
  }

  /** Clears every timer; nothing runs after this. Safe to call more than once. */
  close(): void {
    this.isClosed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.runs.clear();
  }
}
