/** The quiz bank's data model and the Telegram limits every question must respect. */

/** Bumped whenever the stored bank changes shape; banks of other versions are ignored (read as empty). */
export const QUIZ_BANK_VERSION = 1;

/**
 * Telegram's limits for a quiz poll (https://core.telegram.org/bots/api#sendpoll): question 1–300
 * characters, 2–10 options of 1–100 characters, explanation up to 200 characters.
 */
export const TELEGRAM_QUIZ_LIMITS = { questionChars: 300, optionChars: 100, explanationChars: 200, minOptions: 2, maxOptions: 10 } as const;

/** What a question asks for; each kind has its own generator. */
export type QuizKind = "count" | "fraction" | "percent" | "year" | "date" | "numberWord" | "documentCode" | "enumeration" | "listMember";

/** Where a question comes from: its passage, quoted verbatim, and where that passage stands. */
export interface QuizSource {
  passageId: string;
  docId: string;
  title: string;
  /** Human-readable location ("Mục “Kinh nghiệm”, đoạn 3"), from formatLocation. */
  location: string;
  passage: string;
  /** Offsets in `passage` of the text that proves the correct option (a clause, an item, a list). */
  highlight: { start: number; end: number };
}

/** One multiple-choice question, ready for a Telegram quiz poll. */
export interface QuizQuestion {
  /** Stable hash of the question and its correct answer. */
  id: string;
  kind: QuizKind;
  question: string;
  options: string[];
  /** Index of the correct option in `options`. */
  correct: number;
  explanation: string;
  source: QuizSource;
}

/** The bank stored with each index generation (quiz.json). */
export interface QuizBank {
  version: typeof QUIZ_BANK_VERSION;
  questions: QuizQuestion[];
}

/** A bank with no questions: what a missing or unreadable bank loads as. */
export function emptyQuizBank(): QuizBank {
  return { version: QUIZ_BANK_VERSION, questions: [] };
}
