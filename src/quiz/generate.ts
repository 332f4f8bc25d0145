/**
 * Builds the quiz bank from indexed passages: pure and deterministic for a seed. Four generators —
 * numbers (counts, fractions, percentages, years, dates, document codes), numbered points ("Ba là, …"),
 * named lists — each question keeping its source passage; then validation drops (and counts) anything
 * Telegram would refuse or a trainee could dispute.
 */
import { createHash } from "node:crypto";
import { formatLocation } from "../corpus/location.js";
import type { StoredPassage } from "../index/store.js";
import { foldKey } from "../text/normalize.js";
import { splitSentences } from "../text/sentences.js";
import { ORDINAL_WORDS } from "../text/vietnamese.js";
import { CorpusNumberIndex, numberDistractors, passageValueKeys } from "./distractors.js";
import { findEnumerations, itemSummary } from "./enumerations.js";
import { corpusNames, findNamedLists } from "./lists.js";
import { numericFacts } from "./numeric.js";
import { capitalise, quoteAround, shortenAtWord } from "./phrasing.js";
import { rngFor, shuffled, type Rng } from "./random.js";
import { QUIZ_BANK_VERSION, TELEGRAM_QUIZ_LIMITS, type QuizBank, type QuizKind, type QuizQuestion } from "./types.js";
import { containsTerm, optionKey, termFinder, validateQuestion } from "./validate.js";

/** Seed used when none is given, so that every ingest of the same corpus stores the same bank. */
export const DEFAULT_QUIZ_SEED = 22;
/** Wrong options per question (Telegram shows them with the correct one, four in all). */
const WRONG_OPTIONS = 3;
/** Passages shorter than this many words (captions, navigation left over) are never quizzed on. */
const MIN_PASSAGE_WORDS = 10;
/** Document titles longer than this are left out of question text. */
const MAX_TITLE_IN_QUESTION = 120;

/** Options of `buildQuizBank`. */
export interface BuildQuizOptions {
  /** Seeds option order and the choice of wrong options. Default DEFAULT_QUIZ_SEED. */
  seed?: number;
}

/** The bank and what building it kept and dropped. */
export interface QuizBuildResult {
  bank: QuizBank;
  questions: number;
  dropped: number;
  /** Each dropped question and why, for diagnostics. */
  rejected: Array<{ question: string; reason: string }>;
}

interface Draft {
  kind: QuizKind;
  question: string;
  answer: string;
  wrong: string[];
  passage: StoredPassage;
  highlight: { start: number; end: number };
  /** The span the explanation quotes, and the part of it that must stay visible. */
  quote: { start: number; end: number; keep: { start: number; end: number } };
  rng: Rng;
}

/**
 * Builds the quiz bank from the passages of an index.
 * @example const { bank, questions, dropped } = buildQuizBank(index.passages, { seed: 7 });
 */
export function buildQuizBank(passages: readonly StoredPassage[], opts: BuildQuizOptions = {}): QuizBuildResult {
  const seed = opts.seed ?? DEFAULT_QUIZ_SEED;
  const usable = passages.filter(isQuizMaterial);
  const drafts = [...numberDrafts(usable, seed), ...enumerationDrafts(usable, seed), ...listDrafts(usable, seed)];
  const rejected: QuizBuildResult["rejected"] = [];
  const accepted = new Map<string, QuizQuestion>();
  for (const draft of drafts) {
    const q = toQuestion(draft);
    const reason = validateQuestion(q);
    if (reason) rejected.push({ question: q.question, reason });
    else if (!accepted.has(q.id)) accepted.set(q.id, q);
  }
  const questions = dropAmbiguous([...accepted.values()], rejected);
  return { bank: { version: QUIZ_BANK_VERSION, questions }, questions: questions.length, dropped: rejected.length, rejected };
}

/** Body text worth quizzing on: long enough and written in sentences (not a caption or a menu line). */
function isQuizMaterial(p: StoredPassage): boolean {
  return p.text.split(/\s+/).length >= MIN_PASSAGE_WORDS && /[.!?…;:]["”)]?\s*$|[.!?]\s/u.test(p.text);
}

/** Stable id: the same question with the same answer keeps its id across re-indexing. */
export function questionId(question: string, answer: string): string {
  return createHash("sha256").update(`${question}\n${answer}`).digest("hex").slice(0, 16);
}

function toQuestion(d: Draft): QuizQuestion {
  const options = shuffled([d.answer, ...d.wrong], d.rng);
  const location = formatLocation(d.passage);
  // The explanation is the quote alone: whoever shows it adds the source (title and location) once.
  const budget = TELEGRAM_QUIZ_LIMITS.explanationChars - 2;
  const quoted = d.passage.text.slice(d.quote.start, d.quote.end);
  const quote = quoteAround(quoted, d.quote.keep.start - d.quote.start, d.quote.keep.end - d.quote.start, budget);
  return {
    id: questionId(d.question, d.answer),
    kind: d.kind,
    question: d.question,
    options,
    correct: options.indexOf(d.answer),
    explanation: `“${quote.replace(/\s+/g, " ")}”`,
    source: { passageId: d.passage.id, docId: d.passage.docId, title: d.passage.title, location, passage: d.passage.text, highlight: d.highlight },
  };
}

/** The sentence of `text` containing offset `at` (`sentences`: the text's, when already split). */
function sentenceAt(text: string, at: number, sentences = splitSentences(text)): { start: number; end: number } {
  const s = sentences.find((x) => x.start <= at && at < x.end);
  return s ? { start: s.start, end: s.end } : { start: 0, end: text.length };
}

function numberDrafts(passages: readonly StoredPassage[], seed: number): Draft[] {
  // A passage's sentences are split once, and kept only where it has facts.
  const found = passages.map((p) => {
    const sentences = splitSentences(p.text);
    const facts = numericFacts(p.text, sentences);
    return { p, facts, sentences: facts.length > 0 ? sentences : [] };
  });
  const corpus = new CorpusNumberIndex(found.flatMap(({ facts }) => facts.map((f) => ({ kind: f.kind, token: f.token, noun: f.noun }))));
  const drafts: Draft[] = [];
  for (const { p, facts, sentences } of found) {
    if (facts.length === 0) continue;
    const keys = passageValueKeys(p.text);
    for (const f of facts) {
      const rng = rngFor(seed, `${p.id}:${f.kind}:${f.token.start}`);
      drafts.push({
        kind: f.kind,
        question: f.question,
        answer: f.token.text,
        wrong: numberDistractors(f, corpus, keys, rng, { want: WRONG_OPTIONS, isStated: termFinder(p.text.slice(f.clause.start, f.clause.end)) }),
        passage: p,
        highlight: f.clause,
        quote: { ...sentenceAt(p.text, f.token.start, sentences), keep: { start: f.token.start, end: f.token.end } },
        rng,
      });
    }
  }
  return drafts;
}

function enumerationDrafts(passages: readonly StoredPassage[], seed: number): Draft[] {
  const drafts: Draft[] = [];
  for (const e of findEnumerations(passages)) {
    const summaries = e.items.map((item) => itemSummary(item, TELEGRAM_QUIZ_LIMITS.optionChars));
    for (const [i, item] of e.items.entries()) {
      const p = item.passage;
      const rng = rngFor(seed, `${p.id}:enumeration:${item.markerStart}`);
      const answer = summaries[i] ?? "";
      const others = summaries.filter((s, j) => j !== i && optionKey(s) !== optionKey(answer));
      const title = p.title.length <= MAX_TITLE_IN_QUESTION ? `Theo “${p.title}”, ` : "";
      const where = e.noun === "ý" && p.section ? `trong mục “${p.section}”, ` : "";
      const question = capitalise(`${title}${where}${e.noun} thứ ${ORDINAL_WORDS[item.ordinal - 1] ?? item.ordinal} là gì?`);
      drafts.push({
        kind: "enumeration",
        question,
        answer,
        wrong: shuffled(others, rng).slice(0, WRONG_OPTIONS),
        passage: p,
        highlight: { start: item.start, end: item.end },
        quote: { start: item.markerStart, end: item.end, keep: { start: item.markerStart, end: Math.min(item.end, item.markerStart + 60) } },
        rng,
      });
    }
  }
  return drafts;
}

function listDrafts(passages: readonly StoredPassage[], seed: number): Draft[] {
  const lists = findNamedLists(passages);
  const names = corpusNames(passages, lists);
  const drafts: Draft[] = [];
  for (const list of lists) {
    const p = list.passage;
    const sentence = sentenceAt(p.text, list.span.start);
    const sentenceText = p.text.slice(sentence.start, sentence.end);
    // A wrong option must be a name this sentence never mentions, nor part of a member's name.
    const inSentence = termFinder(sentenceText);
    const isOutsider = (n: string): boolean => !inSentence(n) && !list.members.some((m) => foldKey(m).includes(foldKey(n)) || foldKey(n).includes(foldKey(m)));
    const unitWords = /đảng bộ|huyện|xã|phường|thị trấn|tỉnh|thành phố|đơn vị|chi bộ/iu.test(list.statement);
    const question = shortenAtWord(list.statement, TELEGRAM_QUIZ_LIMITS.questionChars - 45) + ` ${unitWords ? "Đơn vị" : "Tên"} nào sau đây nằm trong số đó?`;
    for (const member of list.members) {
      const rng = rngFor(seed, `${p.id}:list:${list.span.start}:${member}`);
      const at = p.text.indexOf(member, list.span.start);
      drafts.push({
        kind: "listMember",
        question,
        answer: member,
        wrong: sampleMatching(names, isOutsider, WRONG_OPTIONS, rng),
        passage: p,
        highlight: list.span,
        quote: { ...sentence, keep: at >= 0 ? { start: at, end: at + member.length } : list.span },
        rng,
      });
    }
  }
  return drafts;
}

/** Names tried per wrong option wanted before giving up: the draw stays bounded however many names the corpus has. */
const DRAWS_PER_OPTION = 20;

/** Up to `want` distinct items that pass `accept`, drawn at random: never a scan of the whole list. */
function sampleMatching(items: readonly string[], accept: (item: string) => boolean, want: number, rng: Rng): string[] {
  const out: string[] = [];
  const tried = new Set<number>();
  for (let draw = 0; draw < want * DRAWS_PER_OPTION && out.length < want && tried.size < items.length; draw++) {
    const at = Math.floor(rng() * items.length);
    if (tried.has(at)) continue;
    tried.add(at);
    const item = items[at];
    if (item !== undefined && accept(item)) out.push(item);
  }
  return out;
}

/** Number questions whose wording is shared by different answers (two documents, same sentence) are dropped. */
function dropAmbiguous(questions: QuizQuestion[], rejected: QuizBuildResult["rejected"]): QuizQuestion[] {
  const answers = new Map<string, Set<string>>();
  for (const q of questions) {
    if (q.kind === "listMember") continue;
    const key = foldKey(q.question);
    const set = answers.get(key) ?? new Set<string>();
    set.add(optionKey(q.options[q.correct] ?? ""));
    answers.set(key, set);
  }
  return questions.filter((q) => {
    if (q.kind === "listMember" || (answers.get(foldKey(q.question))?.size ?? 0) <= 1) return true;
    rejected.push({ question: q.question, reason: "the same question has different answers in different passages" });
    return false;
  });
}
