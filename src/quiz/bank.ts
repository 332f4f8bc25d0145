/**
 * Reading the quiz bank stored with an index generation. The bank is derived data: when it is missing,
 * of another version or damaged, the quiz is simply empty (a re-index rebuilds it) — never a crash.
 */
import { z } from "zod";
import type { LoadedIndex } from "../index/store.js";
import { QUIZ_BANK_VERSION, emptyQuizBank, type QuizBank, type QuizQuestion } from "./types.js";

const questionSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(["count", "fraction", "percent", "year", "date", "numberWord", "documentCode", "enumeration", "listMember"]),
  question: z.string().min(1),
  options: z.array(z.string().min(1)).min(2),
  correct: z.number().int().nonnegative(),
  explanation: z.string(),
  source: z.object({
    passageId: z.string(),
    docId: z.string(),
    title: z.string(),
    location: z.string(),
    passage: z.string(),
    highlight: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }),
  }),
});

/** Why a stored bank was not (fully) usable, for logs. */
export interface QuizBankProblem {
  reason: string;
  /** Questions skipped because they were malformed. */
  skipped: number;
}

/**
 * Checks a stored bank (any JSON). Unknown versions and non-banks give an empty bank; malformed
 * questions are skipped one by one so that one bad entry does not cost the whole bank.
 */
export function parseQuizBank(raw: unknown): { bank: QuizBank; problem: QuizBankProblem | null } {
  if (raw === null || raw === undefined) return { bank: emptyQuizBank(), problem: { reason: "the index has no quiz bank: run `npm run ingest -- --full`", skipped: 0 } };
  if (typeof raw !== "object" || !("version" in raw) || !("questions" in raw) || !Array.isArray(raw.questions)) {
    return { bank: emptyQuizBank(), problem: { reason: "the stored quiz bank is not a quiz bank", skipped: 0 } };
  }
  if (raw.version !== QUIZ_BANK_VERSION) {
    return { bank: emptyQuizBank(), problem: { reason: `the stored quiz bank has version ${String(raw.version)}, this program reads version ${QUIZ_BANK_VERSION}: re-run \`npm run ingest -- --full\``, skipped: 0 } };
  }
  const questions: QuizQuestion[] = [];
  let skipped = 0;
  for (const item of raw.questions as unknown[]) {
    const parsed = questionSchema.safeParse(item);
    if (parsed.success && parsed.data.correct < parsed.data.options.length) questions.push(parsed.data);
    else skipped++;
  }
  return { bank: { version: QUIZ_BANK_VERSION, questions }, problem: skipped > 0 ? { reason: `${skipped} malformed question(s) skipped`, skipped } : null };
}

/** The quiz bank of a loaded index; empty when the index has none or it cannot be read. */
export function loadQuizBank(index: Pick<LoadedIndex, "quiz">): QuizBank {
  return parseQuizBank(index.quiz).bank;
}
