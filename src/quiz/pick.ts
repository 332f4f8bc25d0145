/** Choosing a quiz from the bank: optional topic filter, distinct questions, spread over passages, seeded. */
import { foldKey } from "../text/normalize.js";
import { hash32, mulberry32, shuffled } from "./random.js";
import type { QuizBank, QuizQuestion } from "./types.js";

/** What to pick. */
export interface PickOptions {
  /** How many questions (fewer when the bank or the topic has fewer). */
  n: number;
  /**
   * A phrase that must occur, as whole words in that order, in the question or its passage, ignoring case
   * and diacritics ("chi bo quan su" matches "chi bộ quân sự"). Commas separate alternatives
   * ("công an, quân sự").
   */
  topic?: string;
  /** Same seed, same bank → same quiz. Default 0. */
  seed?: number;
}

function words(text: string): string[] {
  return foldKey(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** True when one of the topic's comma-separated phrases occurs in the question or its source passage. */
export function matchesTopic(q: QuizQuestion, topic: string): boolean {
  const phrases = topic.split(/[,;]/).map((p) => words(p).join(" ")).filter(Boolean);
  if (phrases.length === 0) return true;
  const have = ` ${words(`${q.question} ${q.source.passage}`).join(" ")} `;
  return phrases.some((phrase) => have.includes(` ${phrase} `));
}

/** The questions of the bank on a topic (all of them without one). */
export function questionsOnTopic(bank: QuizBank, topic?: string): QuizQuestion[] {
  return topic ? bank.questions.filter((q) => matchesTopic(q, topic)) : [...bank.questions];
}

/**
 * Picks up to `n` questions: no question twice (nor two questions worded alike, such as two members of
 * one list), taking passages in turn so a quiz does not dwell on one paragraph.
 * @example pickQuiz(bank, { n: 10, topic: "chi bộ", seed: 42 })
 */
export function pickQuiz(bank: QuizBank, opts: PickOptions): QuizQuestion[] {
  const n = Math.max(0, Math.floor(opts.n));
  const rng = mulberry32(hash32(`pick:${opts.seed ?? 0}`));
  const seen = new Set<string>();
  const byPassage = new Map<string, QuizQuestion[]>();
  for (const q of shuffled(questionsOnTopic(bank, opts.topic), rng)) {
    const wording = foldKey(q.question);
    if (seen.has(q.id) || seen.has(wording)) continue;
    seen.add(q.id).add(wording);
    const list = byPassage.get(q.source.passageId) ?? [];
    list.push(q);
    byPassage.set(q.source.passageId, list);
  }
  const queues = [...byPassage.values()];
  const out: QuizQuestion[] = [];
  for (let round = 0; out.length < n && queues.some((queue) => queue.length > round); round++) {
    for (const queue of queues) {
      const q = queue[round];
      if (q && out.length < n) out.push(q);
    }
  }
  return out;
}
