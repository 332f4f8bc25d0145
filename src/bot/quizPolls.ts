/**
 * Pure helpers of the quiz feature: reading `/quiz [N] [chủ đề]`, and turning a bank question into
 * what Telegram's sendPoll takes (question, explanation citing the source). No grammY, no I/O.
 */
import type { User } from "grammy/types";
import { quoteAround } from "../quiz/phrasing.js";
import { TELEGRAM_QUIZ_LIMITS, type QuizQuestion } from "../quiz/types.js";
import { foldKey } from "../text/normalize.js";
import { QUIZ_DEFAULT_QUESTIONS, QUIZ_MAX_QUESTIONS, QUIZ_MAX_TOPIC_CHARS, TEXT } from "./texts.js";

/** What `/quiz` was asked for, or why its arguments cannot be used. */
export type QuizRequest =
  | {
      ok: true;
      /** Polls to send, 1–{@link QUIZ_MAX_QUESTIONS}. */
      count: number;
      /** The number the user typed (may exceed the maximum), or the default. */
      asked: number;
      topic: string | undefined;
    }
  | { ok: false; problem: "count"; given: string }
  | { ok: false; problem: "topic" };

/**
 * Reads the arguments of `/quiz`: an optional leading count, then an optional topic ("10 chi bộ",
 * "chi bộ quân sự", "7"). A count above the maximum is lowered to it (the intro says so); zero,
 * negative, fractional and dotted counts are refused, as is a topic with no letter or digit, which would
 * otherwise match every question. A number after the topic is part of the topic ("nghị quyết 22").
 */
export function parseQuizArgs(raw: string): QuizRequest {
  const text = raw.trim().replace(/\s+/g, " ");
  const [first = "", ...rest] = text === "" ? [] : text.split(" ");
  let asked = QUIZ_DEFAULT_QUESTIONS;
  let topic = text;
  // "2,5", "1.000" (a thousand in Vietnamese) and "-3" look like counts but are not usable ones.
  if (/^[+-]?\d+(?:[.,]\d+)*$/.test(first)) {
    const value = /^\+?\d+$/.test(first) ? Number(first) : 0;
    if (value < 1) return { ok: false, problem: "count", given: first };
    asked = value;
    topic = rest.join(" ");
  }
  if (topic !== "" && (topic.length > QUIZ_MAX_TOPIC_CHARS || !/[\p{L}\p{N}]/u.test(topic))) return { ok: false, problem: "topic" };
  return { ok: true, count: Math.min(asked, QUIZ_MAX_QUESTIONS), asked, topic: topic === "" ? undefined : topic };
}

/** The poll's question: "Câu 2/5: …" when that fits in Telegram's limit, the bare question otherwise. */
export function pollQuestion(q: QuizQuestion, position: number, count: number): string {
  const numbered = `${TEXT.quizPollPrefix(position, count)}${q.question}`;
  return numbered.length <= TELEGRAM_QUIZ_LIMITS.questionChars ? numbered : q.question;
}

function clip(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, Math.max(0, maxChars - 1)).trimEnd()}…`;
}

/** Where the correct option stands in the proving text, or null (it is matched loosely at ingest). */
function answerSpan(fact: string, answer: string): { start: number; end: number } | null {
  for (const fold of [(s: string) => s.toLowerCase(), foldKey]) {
    const hay = fold(fact);
    const at = hay.indexOf(fold(answer));
    // Offsets carry over only when folding kept the length (it does for NFC Vietnamese).
    if (at >= 0 && hay.length === fact.length) return { start: at, end: at + answer.length };
  }
  return null;
}

/** Longest title and location kept in the source line, so the quote keeps some room. */
const MAX_SOURCE_TITLE_CHARS = 90;
const MAX_SOURCE_LOCATION_CHARS = 60;
/** Below this much room a quote says too little to be worth its place. */
const MIN_QUOTE_CHARS = 30;

/**
 * The poll's explanation (shown after answering): the words of the passage that prove the answer,
 * cut around it, then the source (document title and location), within Telegram's 200 characters.
 * Plain text: Telegram does not parse it as HTML unless asked to.
 */
export function pollExplanation(q: QuizQuestion, maxChars: number = TELEGRAM_QUIZ_LIMITS.explanationChars): string {
  const source = clip(TEXT.quizSource(clip(q.source.title, MAX_SOURCE_TITLE_CHARS), clip(q.source.location, MAX_SOURCE_LOCATION_CHARS)), maxChars);
  const room = maxChars - source.length - 3; // the quotation marks and the line break
  const { passage, highlight } = q.source;
  const fact = passage.slice(highlight.start, highlight.end).replace(/\s+/g, " ").trim();
  if (room < MIN_QUOTE_CHARS || fact === "") return source;
  const answer = q.options[q.correct] ?? "";
  const span = answerSpan(fact, answer) ?? { start: 0, end: 0 };
  const quote = quoteAround(fact, span.start, span.end, room);
  return quote.length <= room ? `“${quote}”\n${source}` : source;
}

/** How a player is named in results: first and last name, else @username, else the id. */
export function displayName(user: Pick<User, "id" | "first_name" | "last_name" | "username">): string {
  const name = [user.first_name, user.last_name].filter((part) => part !== undefined && part.trim() !== "").join(" ").trim();
  if (name !== "") return name;
  return user.username ? `@${user.username}` : `#${user.id}`;
}
