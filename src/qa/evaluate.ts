/**
 * Evaluation of the engine on question sets (JSON lines with id, kind, q and expect_any | expect_all |
 * expect_abstain, source, and optionally chat): answer accuracy, citation hit@1/hit@3 and latency, per
 * kind. Lines with the same `chat` are one conversation in file order: a follow-up ("còn phường thì
 * sao?") is read against the lines before it.
 */
import type { AnswerResult } from "./engine.js";

/** One evaluation question. */
export interface EvalQuestion {
  id: string;
  kind: string;
  q: string;
  expect_any?: string[];
  expect_all?: string[];
  expect_abstain?: boolean;
  source?: string;
  /** Conversation id: the question follows the earlier lines with the same id. */
  chat?: string;
}

/** Per-question outcome. */
export interface EvalOutcome {
  id: string;
  kind: string;
  correct: boolean;
  hit1: boolean;
  hit3: boolean;
  ms: number;
  answer: string | null;
}

/** Longest answer that still counts as short. */
export const MAX_EVAL_ANSWER_CHARS = 300;

/** Parses JSON lines, ignoring blank lines; throws on a malformed line with its number. */
export function parseQuestions(text: string): EvalQuestion[] {
  return text
    .split("\n")
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, n }) => {
      const parsed = JSON.parse(line) as EvalQuestion;
      if (typeof parsed.q !== "string" || typeof parsed.id !== "string") throw new Error(`line ${n}: needs string "id" and "q"`);
      return parsed;
    });
}

/** Judges one answer against its expectation. */
export function judge(question: EvalQuestion, result: AnswerResult): EvalOutcome {
  const answer = result.answer?.normalize("NFC") ?? null;
  let correct: boolean;
  if (question.expect_abstain) correct = result.abstained;
  else if (result.abstained || answer === null || answer.length > MAX_EVAL_ANSWER_CHARS) correct = false;
  else if (question.expect_all) correct = question.expect_all.every((e) => answer.includes(e.normalize("NFC")));
  else correct = (question.expect_any ?? []).some((e) => answer.includes(e.normalize("NFC")));
  // (Whitespace is compared squeezed: a source copied across a file's hard line breaks is the same text as
  // the passage that joined those lines.)
  const squeezed = (text: string): string => text.normalize("NFC").replace(/\s+/gu, " ").trim();
  const source = question.source === undefined ? undefined : squeezed(question.source);
  const cited = result.abstained ? [] : result.citations.map((c) => squeezed(c.passage));
  return {
    id: question.id,
    kind: question.kind,
    correct,
    hit1: source !== undefined && cited.slice(0, 1).some((p) => p.includes(source)),
    hit3: source !== undefined && cited.slice(0, 3).some((p) => p.includes(source)),
    ms: result.ms,
    answer: result.answer,
  };
}

/** Aggregate figures. */
export interface EvalReport {
  total: number;
  accuracy: number;
  /** Questions answered with something that is not the expected answer: wrong facts stated with a citation. */
  wrongAnswers: number;
  byKind: Record<string, { n: number; accuracy: number }>;
  /** Over questions with a source (answerable ones). */
  hit1: number;
  hit3: number;
  p50Ms: number;
  p95Ms: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

export function summarize(outcomes: readonly EvalOutcome[], questions: readonly EvalQuestion[]): EvalReport {
  const byKind: EvalReport["byKind"] = {};
  for (const o of outcomes) {
    const k = (byKind[o.kind] ??= { n: 0, accuracy: 0 });
    k.n++;
    k.accuracy += o.correct ? 1 : 0;
  }
  for (const k of Object.values(byKind)) k.accuracy = k.accuracy / k.n;
  const withSource = outcomes.filter((_, i) => questions[i]?.source !== undefined && !questions[i]?.expect_abstain);
  const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const share = (xs: readonly EvalOutcome[], f: (o: EvalOutcome) => boolean): number => (xs.length ? xs.filter(f).length / xs.length : 1);
  return {
    total: outcomes.length,
    accuracy: share(outcomes, (o) => o.correct),
    wrongAnswers: outcomes.filter((o) => !o.correct && o.answer !== null).length,
    byKind,
    hit1: share(withSource, (o) => o.hit1),
    hit3: share(withSource, (o) => o.hit3),
    p50Ms: percentile(ms, 50),
    p95Ms: percentile(ms, 95),
  };
}
