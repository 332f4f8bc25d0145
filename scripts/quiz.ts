/**
 * `npm run --silent quiz -- [--n 10] [--topic WORDS] [--seed S] [--json] [--index DIR]` — a quiz from the
 * question bank for trainers without Telegram: each question with lettered options, the correct one
 * ticked, the explanation and the source. `--json` prints an array of
 * `{question, options, correct, explanation, source: {docId, title, location, passage}}`.
 * `--topic` keeps questions whose text or passage holds the phrase, diacritics optional ("chi bo quan su");
 * commas separate alternatives. Without --seed a random seed is used (and shown, to repeat the quiz).
 * Without --index the default index is used, and built first if missing.
 */
import "dotenv/config";
import { parseArgs } from "node:util";
import { ensureIndex, ingestSettings } from "../src/app/ingestRunner.js";
import { loadConfig } from "../src/config.js";
import { AppError, describeError, isAppError } from "../src/errors.js";
import { loadIndex } from "../src/index/store.js";
import { loadQuizBank, parseQuizBank } from "../src/quiz/bank.js";
import { buildQuizBank } from "../src/quiz/generate.js";
import { pickQuiz, questionsOnTopic } from "../src/quiz/pick.js";
import type { QuizQuestion } from "../src/quiz/types.js";

/** Most questions one run prints. */
const MAX_QUESTIONS = 100;
const DEFAULT_QUESTIONS = 10;
const USAGE = "Usage: npm run --silent quiz -- [--n 10] [--topic WORDS] [--seed N] [--json] [--index DIR]";

/** A bad command line: printed with the usage line, exit code 2. */
class UsageError extends Error {}

function parseCount(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_QUESTIONS;
  const n = /^\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_QUESTIONS) throw new UsageError(`--n must be a whole number from 1 to ${MAX_QUESTIONS} (got "${raw}")`);
  return n;
}

function parseSeed(raw: string | undefined): number {
  if (raw === undefined) return Math.floor(Math.random() * 2 ** 31);
  const seed = /^-?\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed must be a whole number (got "${raw}")`);
  return seed;
}

function toJson(q: QuizQuestion): object {
  const { docId, title, location, passage } = q.source;
  return { question: q.question, options: q.options, correct: q.correct, explanation: q.explanation, source: { docId, title, location, passage } };
}

function toText(questions: readonly QuizQuestion[], seed: number): string {
  const lines = [`Trắc nghiệm: ${questions.length} câu (seed ${seed}; chạy lại với --seed ${seed} để có cùng bộ câu hỏi)`];
  questions.forEach((q, i) => {
    lines.push("", `Câu ${i + 1}. ${q.question}`);
    q.options.forEach((option, j) => lines.push(`   ${String.fromCharCode(65 + j)}. ${option}${j === q.correct ? "  ✔" : ""}`));
    lines.push(`   Giải thích: ${q.explanation}`, `   Nguồn: ${q.source.title} — ${q.source.location}`);
  });
  return lines.join("\n");
}

async function main(): Promise<number> {
  let values: { n?: string; topic?: string; seed?: string; json?: boolean; index?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { n: { type: "string" }, topic: { type: "string" }, seed: { type: "string" }, json: { type: "boolean" }, index: { type: "string" }, help: { type: "boolean", short: "h" } },
    }));
  } catch (err) {
    throw new UsageError(describeError(err));
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const n = parseCount(values.n);
  const seed = parseSeed(values.seed);
  const topic = values.topic?.trim() || undefined;

  const config = loadConfig();
  const settings = ingestSettings(config);
  const indexDir = values.index ?? settings.indexDir;
  if (!values.index) await ensureIndex(settings, (notice) => console.error(notice.message));
  const index = await loadIndex(indexDir, { efSearch: config.HNSW_EF_SEARCH });
  let bank = loadQuizBank(index);
  if (bank.questions.length === 0 && index.passages.length > 0) {
    // An index built before quiz support has no bank: build one in memory rather than refuse.
    const { problem } = parseQuizBank(index.quiz);
    console.error(`note: ${problem?.reason ?? "the stored quiz bank is empty"}; using a bank built in memory for this run.`);
    bank = buildQuizBank(index.passages).bank;
  }
  if (bank.questions.length === 0) throw new AppError("INDEX_MISSING", `The documents in ${indexDir} yield no quiz question: add documents with facts (numbers, dates, lists) and run \`npm run ingest\``);

  const questions = pickQuiz(bank, { n, seed, ...(topic ? { topic } : {}) });
  if (questions.length === 0) {
    console.error(`No question matches the topic “${topic ?? ""}” (${bank.questions.length} questions in the bank). Try another word; diacritics are optional.`);
    return 1;
  }
  if (questions.length < n) {
    const available = questionsOnTopic(bank, topic).length;
    console.error(`note: only ${questions.length} distinct question(s)${topic ? ` on “${topic}”` : ""} (${available} in the bank); printing ${questions.length}, not ${n}.`);
  }
  console.log(values.json ? JSON.stringify(questions.map(toJson), null, 2) : toText(questions, seed));
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      console.error(`quiz: ${err.message}\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    console.error(`quiz failed: ${describeError(err)}${isAppError(err) ? ` [${err.code}]` : ""}`);
    process.exitCode = 1;
  },
);
