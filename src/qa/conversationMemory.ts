/**
 * The recent turns of each conversation, in memory only (never on disk), forgotten `ttlMs` after the
 * last turn. A conversation is whatever key the caller gives: the bot uses the chat (and the user in a
 * group), so nothing is ever shared between chats or people. {@link askInConversation} is the one
 * place a message is resolved, answered and remembered, for the bot, the terminal chat, `ask --batch`
 * and the evaluation alike.
 */
import { collapseSpaces } from "../text/normalize.js";
import type { AnswerResult } from "./engine.js";
import { resolveFollowUp, type ConversationTurn, type Resolution } from "./conversation.js";

/** Settings of a {@link ConversationMemory}. */
export interface ConversationMemoryOptions {
  /** How long after its last turn a conversation is forgotten, in ms; 0 turns follow-ups off. */
  ttlMs: number;
  /** Turns kept per conversation (the newest is what a follow-up is read against). */
  maxTurns: number;
  /** Conversations kept at most; the least recently used is dropped first. */
  maxConversations: number;
  /** The clock, in ms; tests pass a fake one. */
  now: () => number;
}

export const DEFAULT_CONVERSATION_OPTIONS: ConversationMemoryOptions = { ttlMs: 600_000, maxTurns: 4, maxConversations: 10_000, now: () => Date.now() };

/** Recent turns per conversation key. */
export class ConversationMemory {
  private readonly options: ConversationMemoryOptions;
  private readonly conversations = new Map<string, ConversationTurn[]>();

  constructor(options: Partial<ConversationMemoryOptions> = {}) {
    this.options = { ...DEFAULT_CONVERSATION_OPTIONS, ...options };
  }

  /** The turns of `key` still in time, oldest first (empty when none or expired). */
  turns(key: string): readonly ConversationTurn[] {
    const turns = this.conversations.get(key);
    const last = turns?.[turns.length - 1];
    if (!turns || !last) return [];
    if (this.options.ttlMs === 0 || this.options.now() - last.atMs >= this.options.ttlMs) {
      this.conversations.delete(key);
      return [];
    }
    return turns;
  }

  /** Remembers an answered turn of `key`. */
  record(key: string, turn: Omit<ConversationTurn, "atMs">): void {
    if (this.options.ttlMs === 0) return;
    const turns = [...this.turns(key), { ...turn, atMs: this.options.now() }].slice(-this.options.maxTurns);
    // Re-inserted so that the Map's order is least recently used first.
    this.conversations.delete(key);
    this.conversations.set(key, turns);
    while (this.conversations.size > this.options.maxConversations) {
      const oldest = this.conversations.keys().next();
      if (oldest.done) break;
      this.conversations.delete(oldest.value);
    }
  }

  /** Forgets `key` (`/moi`, "🆕 Câu hỏi mới"). Returns true when there was something to forget. */
  clear(key: string): boolean {
    const had = this.turns(key).length > 0;
    this.conversations.delete(key);
    return had;
  }

  /** Conversations held now (expired ones may still count until touched). */
  get size(): number {
    return this.conversations.size;
  }
}

/** An answer in a conversation: the engine's result and how the message was read. */
export interface ConversationalAnswer {
  result: AnswerResult;
  resolution: Resolution;
}

/**
 * Reads `message` against conversation `key`, answers the resulting question with `ask`, and
 * remembers the turn. The document remembered is the first citation's when the engine answered;
 * after an abstention, the one remembered before.
 */
export async function askInConversation(
  ask: (question: string) => Promise<AnswerResult>,
  memory: ConversationMemory,
  key: string,
  message: string,
): Promise<ConversationalAnswer> {
  const turns = memory.turns(key);
  const resolution = resolveFollowUp(message, turns);
  const result = await ask(resolution.question);
  const cited = result.abstained ? undefined : result.citations[0];
  const previousDocument = turns[turns.length - 1]?.document ?? null;
  const document = cited ? { docId: cited.docId, title: cited.title } : resolution.kind === "standalone" ? null : previousDocument;
  memory.record(key, { question: resolution.question, document, answer: result.abstained ? null : result.answer });
  return { result, resolution };
}

/**
 * The question as the bot read it, shown so that a wrong reading is visible: a follow-up as rewritten, or
 * a question whose shorthand, misspellings or missing diacritics the engine read otherwise than typed
 * ("có đc để chung vs bản gốc ko" → "có được để chung với bản gốc không"); null when it was read as typed.
 */
export function understoodQuestion(resolution: Resolution, result?: Pick<AnswerResult, "question" | "smallTalk">): string | null {
  if (resolution.kind !== "standalone") return resolution.question;
  if (!result || result.smallTalk || !result.question) return null;
  const same = (a: string): string => collapseSpaces(a.normalize("NFC").toLowerCase()).replace(/[?.!\s]+$/u, "");
  return same(result.question) === same(resolution.question) ? null : result.question;
}

/** `understoodQuestion` as the line shown above the answer, or null. */
export function understoodLine(resolution: Resolution, result?: Pick<AnswerResult, "question" | "smallTalk">): string | null {
  const question = understoodQuestion(resolution, result);
  return question === null ? null : `Hiểu là: ${question}`;
}
