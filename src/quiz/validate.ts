/**
 * The checks every question passes before it enters the bank: Telegram's limits, distinct options, the
 * correct option's fact present in the cited passage, no wrong option stated there, no answer given away.
 */
import { foldKey } from "../text/normalize.js";
import { TELEGRAM_QUIZ_LIMITS, type QuizQuestion } from "./types.js";

/** A quiz needs a real choice: fewer options than this are dropped even though Telegram allows two. */
export const MIN_QUIZ_OPTIONS = 3;

/** The comparable core of an option: folded, spaces collapsed, a trailing "…" of a shortened option dropped. */
export function optionKey(option: string): string {
  return foldKey(option).replace(/\s+/g, " ").replace(/[\s.…]+$/u, "").trim();
}

/** True when `needle` occurs in `haystack` as whole words/numbers, ignoring case and diacritics. */
export function containsTerm(haystack: string, needle: string): boolean {
  return termFinder(haystack)(needle);
}

/** `containsTerm` for one haystack and many needles: the haystack is folded once. */
export function termFinder(haystack: string): (needle: string) => boolean {
  const hay = foldKey(haystack).replace(/\s+/g, " ");
  return (needle) => {
    const key = optionKey(needle);
    if (!key) return false;
    for (let at = hay.indexOf(key); at >= 0; at = hay.indexOf(key, at + 1)) {
      const before = hay[at - 1] ?? " ";
      const after = hay[at + key.length] ?? " ";
      if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    }
    return false;
  };
}

/** Why a question cannot be used, or null when it is valid. */
export function validateQuestion(q: QuizQuestion): string | null {
  const limits = TELEGRAM_QUIZ_LIMITS;
  if (q.question.length === 0 || q.question.length > limits.questionChars) return `question has ${q.question.length} characters (limit ${limits.questionChars})`;
  if (!q.question.endsWith("?")) return "question does not end with a question mark";
  if (q.options.length < MIN_QUIZ_OPTIONS || q.options.length > limits.maxOptions) return `${q.options.length} options (need ${MIN_QUIZ_OPTIONS}–${limits.maxOptions})`;
  const long = q.options.find((o) => o.trim().length === 0 || o.length > limits.optionChars);
  if (long !== undefined) return `option "${long.slice(0, 40)}" is empty or over ${limits.optionChars} characters`;
  if (q.explanation.length > limits.explanationChars) return `explanation has ${q.explanation.length} characters (limit ${limits.explanationChars})`;
  if (new Set(q.options.map(optionKey)).size !== q.options.length) return "two options are the same";
  const answer = q.options[q.correct];
  if (answer === undefined) return `correct index ${q.correct} is out of range`;
  const { passage, highlight } = q.source;
  if (highlight.start < 0 || highlight.end > passage.length || highlight.start >= highlight.end) return "highlight is outside the passage";
  const fact = passage.slice(highlight.start, highlight.end);
  if (!foldKey(fact).replace(/\s+/g, " ").includes(optionKey(answer))) return `correct option "${answer.slice(0, 40)}" is not in the cited passage`;
  const alsoTrue = q.options.find((o, i) => i !== q.correct && containsTerm(fact, o));
  if (alsoTrue !== undefined) return `wrong option "${alsoTrue.slice(0, 40)}" is stated in the cited passage`;
  if (containsTerm(q.question, answer)) return "the question gives the answer away";
  return null;
}
