/**
 * Extractive answering: from the retrieved passages, the sentence or clause that states the asked-for
 * fact, trimmed to a short answer, or an abstention when the passages do not cover the question's key
 * terms. Pure functions over passages and term statistics: nothing here is invented, every answer is a
 * span of a cited passage.
 */
import type { TermStats } from "../index/termStats.js";
import { analyzeText } from "../text/analyze.js";
import type { Token } from "../text/tokenize.js";
import { splitClauses, splitSentences, type Span } from "../text/sentences.js";
import { HEADER_FIELDS, headerNumber } from "../corpus/header.js";
import { foldKey } from "../text/normalize.js";
import { BODY_KINDS_FOLDED, BODY_OR_ROLE, DEADLINE_QUESTION_FOLDED, FAMILY_NAMES, NAMED_PLACE_QUESTION_FOLDED, NUMBER_SYLLABLES, NUMBER_WORDS, PERSON_NOUNS, TIME_UNITS, romanNumeralValue } from "../text/vietnamese.js";
import { DEFAULT_POLICY, type AnswerPolicy } from "./policy.js";
import { askedDocumentKinds, askedDocumentNumber, documentNumberKey, levelsOf, type QueryPlan, type QueryTerm, type TermKey } from "./query.js";

/** Longest direct answer, in characters. */
export const MAX_ANSWER_CHARS = 250;
/** Longest answer for list questions, where a cut would drop members. */
export const MAX_LIST_ANSWER_CHARS = 300;
/** Below this share of the question's (IDF-weighted) key terms found, the bot abstains (the policy's default). */
export const MIN_COVERAGE = DEFAULT_POLICY.minCoverage;

/** A retrieved passage handed to extraction. */
export interface CandidatePassage {
  id: string;
  text: string;
  context: string;
  title: string;
  /** Retrieval rank, 0 = best. */
  rank: number;
  /** True for a document's header passage: its lines describe one document, so they count as one unit. */
  isHeader?: boolean;
}

/** The best answering span of one passage. */
export interface PassageAnswer {
  passageId: string;
  /** The answer text (a span of the passage, possibly shortened with "…"). */
  text: string;
  /** Offsets of the answering unit within the passage, for highlighting. */
  start: number;
  end: number;
  score: number;
  coverage: number;
  /** The heaviest key term found nowhere (unit, passage, context), as a share of the question's weight. */
  missingShare: number;
  /** That term (folded), for the abstention reason. */
  missingTerm: string | null;
}

/** Outcome of extraction. */
export interface Extraction {
  abstained: boolean;
  /** Why it abstained, for logs and evaluation. */
  reason: string | null;
  best: PassageAnswer | null;
  /** Every candidate's best unit, best first. */
  ranked: PassageAnswer[];
}

// Number words. "tư" (doanh nghiệp tư nhân) and "năm" (năm 2013, hằng năm) are too often not numbers:
// "năm" counts only when it is not a year or a period; "Sáu là, …" numbers a lesson, it counts nothing.
const NUMBER_WORD = new RegExp(String.raw`(?:^|[^\p{L}])(?:một(?! số(?!\p{L}))|${[...NUMBER_SYLLABLES].filter((w) => w !== "một" && w !== "năm").join("|")})(?=[^\p{L}]|$)(?!\s+là(?!\p{L}))|(?<!(?:hằng|hàng|mỗi|cuối|đầu|các|nhiều|trong|giữa|của) )năm(?! \d)(?=[^\p{L}]|$)`, "iu");
const DIGIT = /\d/;
// A date, or a month named by its number ("tháng 8"; "6 tháng" is a duration, not a month).
const DATE = /\d{1,2}[-/]\d{1,2}[-/]\d{2,4}|ngày \d{1,2} tháng \d{1,2}|năm \d{4}|tháng \d{1,2}(?:[-/]\d{4})?(?!\d)/iu;
const FREQUENCY = new RegExp(String.raw`(?:mỗi|hằng|hàng)\s+(?:tháng|năm|quý|tuần)|\d+\s*(?:lần|tháng|năm)|(?:${NUMBER_WORDS.slice(0, 6).join("|")})\s+(?:lần|tháng|năm)`, "iu");
const LIST = /gồm|bao gồm|là:|:\s|, .*, /iu;
// A place by its name ("tại Hà Nội", "tỉnh Gia Lai"), or a place described ("tại địa điểm khác", "ở kho").
// The place-and-date line of a document ("Hà Nội, ngày 21 tháng 11 năm 2025") names where it was issued.
const PLACE_NAMED = /(?:^|[^\p{L}])(?:tại|ở|tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|thủ đô)\s+\p{Lu}|\p{Lu}\p{Ll}*(?:\s\p{Lu}\p{Ll}*)*, ngày \d/u;
const LOCATIVE = /(?:^|[^\p{L}])(?:tại|ở|nơi|địa điểm|trụ sở)\s/iu;
// A deadline (see DEADLINE_QUESTION_FOLDED) is answered by a date the text sets as one.
const DEADLINE_SET = /(?:^|[^\p{L}])(?:trước|chậm nhất|không muộn hơn|hạn chót|hạn cuối|hoàn thành trong|trong thời hạn)(?:\s+(?:ngày|là))?\s+(?:\d|tháng|quý|năm|\p{L}+\s+\d)/iu;
const LIST_LABEL = /^(?:[a-zđ]\)|\d+(?:\.\d+)*\.)\s+[^\d.:;!?]{1,50}$/u;
const CONDITION = /(?:^|\s)(?:khi|nếu|trường hợp|sau khi|trước khi|trong thời hạn|kể từ)\s/iu;
const NUMERALS = ["", ...NUMBER_WORDS];

interface TermSets {
  fold: Set<string>;
  accent: Set<string>;
  bigrams: Set<string>;
  /** Whole numbers without leading zeros ("0310" → "310"): "Kế hoạch 310" is "Kế hoạch số 0310". */
  numbers: Set<string>;
}

/** "0310" → "310"; other keys unchanged. */
function withoutLeadingZeros(key: string): string {
  return /^0+\d/.test(key) ? key.replace(/^0+/, "") : key;
}

const tokenCache = new Map<string, Token[]>();

/** Tokens of a unit without abbreviation expansion, memoised like the term sets. */
function unitTokens(text: string): Token[] {
  let tokens = tokenCache.get(text);
  if (!tokens) {
    tokens = analyzeText(text, false).tokens;
    if (tokenCache.size >= TERM_SET_CACHE_LIMIT) tokenCache.clear();
    tokenCache.set(text, tokens);
  }
  return tokens;
}

// Passages are analysed again and again for different questions: memoise by text (bounded).
const termSetCache = new Map<string, TermSets>();
const TERM_SET_CACHE_LIMIT = 20_000;

function termSets(text: string): TermSets {
  let sets = termSetCache.get(text);
  if (!sets) {
    const view = analyzeText(text);
    const numbers = new Set(view.fold.filter((k) => /^\d+$/.test(k)).map(withoutLeadingZeros));
    // "Đại hội XIV" counts as 14 for a question that writes "đại hội 14".
    for (const m of text.matchAll(/(?<![\p{L}\d])[IVXLC]{2,}(?![\p{L}\d])/gu)) {
      const value = romanNumeralValue(m[0]);
      if (value !== null) numbers.add(String(value));
    }
    sets = { fold: new Set(view.fold), accent: new Set(view.accent), bigrams: new Set(view.bigrams), numbers };
    if (termSetCache.size >= TERM_SET_CACHE_LIMIT) termSetCache.clear();
    termSetCache.set(text, sets);
  }
  return sets;
}

function keyIn(key: TermKey, sets: TermSets): boolean {
  return key.accent !== null ? sets.accent.has(key.accent) : sets.fold.has(key.fold);
}

function termIn(term: QueryTerm, sets: TermSets): boolean {
  if (term.phrase) return sets.fold.has(term.fold) || hasHeadPhrase([term.phrase], sets);
  const primary = term.bigram ? sets.bigrams.has(term.bigram) && keyIn(term, sets) : keyIn(term, sets);
  if (primary || (term.isNumber && (sets.fold.has(term.fold) || sets.numbers.has(withoutLeadingZeros(term.fold))))) return true;
  return term.alternatives.some((alt) => keyIn(alt, sets));
}


/** The kind of body a who-question's asked noun names ("công ty" in "công ty nào"), as its last syllables, or null. */
function bodyKindAsked(noun: readonly TermKey[]): TermKey[] | null {
  for (const kind of BODY_KINDS_FOLDED) {
    const tail = noun.slice(-kind.length);
    if (tail.length === kind.length && tail.every((k, i) => k.fold === kind[i])) return tail;
  }
  return null;
}

const TITLE_LINE_NEVER_ANSWERS = new Set(["who", "date", "when", "count", "duration", "percent", "list"]);

/** Folded questions, memoised per plan (namesActor runs for every unit). */
const foldedQuestions = new WeakMap<QueryPlan, string>();

function foldedQuestion(plan: QueryPlan): string {
  let folded = foldedQuestions.get(plan);
  if (folded === undefined) {
    folded = foldKey(plan.question);
    foldedQuestions.set(plan, folded);
  }
  return folded;
}

/** People named in a text: a family name and one to three capitalised syllables ("Trần Cẩm Tú"). */
export function personNames(text: string): string[] {
  const words = text.match(/[\p{L}]+/gu) ?? [];
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!FAMILY_NAMES.has(words[i] ?? "")) continue;
    let j = i + 1;
    while (j < words.length && j - i <= 3 && /^\p{Lu}\p{Ll}*$/u.test(words[j] ?? "")) j++;
    if (j - i >= 2) out.push(words.slice(i, j).join(" "));
    i = j - 1;
  }
  return out;
}

/**
 * Whether a unit names someone the question did not (3 = a person by name, 2 = a person by office
 * ("đồng chí Thường trực Ban Bí thư"), 1 = a body or role, 0 = neither):
 * "ai đang là bí thư Thị ủy Buôn Hồ?" is not answered by a sentence about Thị ủy Buôn Hồ itself.
 */
function namesActor(unit: string, plan: QueryPlan): 0 | 1 | 2 | 3 {
  const question = foldedQuestion(plan);
  if (personNames(unit).some((name) => !question.includes(foldKey(name)))) return 3;
  // "đồng chí Thường trực Ban Bí thư": a person named by office.
  for (const m of unit.matchAll(/đồng chí\s+(\p{Lu}\p{Ll}*(?:\s+\p{L}+){0,2})/gu)) if (!question.includes(foldKey(m[1] ?? ""))) return 2;
  for (const m of unit.matchAll(BODY_OR_ROLE_ALL)) {
    const at = (m.index ?? 0) + m[0].length;
    const phrase = foldKey(`${m[0]}${unit.slice(at).match(/^(?:\s+[\p{L}]+){0,2}/u)?.[0] ?? ""}`).trim();
    if (!question.includes(phrase)) return 1;
  }
  return 0;
}

// "30 ngày làm việc", "một năm", "02 nhiệm kỳ": a number, at most one word, a unit of time.
const NUMBER_OF_TIME_UNITS = new RegExp(`(?:\\d+|${[...NUMBER_SYLLABLES].join("|")})\\s+(?:\\p{L}+\\s+){0,1}${TIME_UNITS.source}`, "iu");
const BODY_OR_ROLE_ALL = new RegExp(BODY_OR_ROLE.source, "giu");

/** Whether a unit states a duration: a number of time units, or a frequency. */
function statesDuration(unit: string): boolean {
  if (FREQUENCY.test(unit)) return true;
  return NUMBER_OF_TIME_UNITS.test(unit);
}

function kindBonus(plan: QueryPlan, unit: string, policy: AnswerPolicy = DEFAULT_POLICY): number {
  const score = kindScore(plan, unit);
  return score * (score > 0 ? policy.kindBonus / 1.2 : policy.kindPenalty);
}

function kindScore(plan: QueryPlan, unit: string): number {
  const numbersBeyondQuestion = (): boolean => {
    const digits = unit.match(/\d+(?:[.,/-]\d+)*%?/g) ?? [];
    return digits.some((d) => !plan.numbers.includes(d.replace(/^(\d{1,3})\.(\d{3})$/, "$1$2"))) || NUMBER_WORD.test(unit);
  };
  switch (plan.kind) {
    case "count":
      return numbersBeyondQuestion() ? 1 : -1;
    case "percent":
      return unit.includes("%") || /phần trăm|tỷ lệ|chiếm/iu.test(unit) ? 1.2 : -1;
    case "date":
      return DATE.test(uncited(unit, plan)) ? 1.2 : -1;
    case "when":
      return DATE.test(uncited(unit, plan)) ? 1.2 : CONDITION.test(unit) ? 0.8 : -0.5;
    case "duration":
      return FREQUENCY.test(unit) ? 1.2 : statesDuration(unit) ? 1 : DIGIT.test(unit) || NUMBER_WORD.test(unit) ? 0.2 : -0.5;
    case "who": {
      const actor = namesActor(unit, plan);
      return actor === 3 ? 1.2 : actor === 2 ? 0.8 : actor === 1 && plan.actor !== "person" ? 0.5 : -1;
    }
    case "list": {
      // A list answer names several things: reward separators, and an announced list ("gồm: …").
      const separators = (unit.match(/[,;]/g) ?? []).length;
      return Math.min(1.2, separators * 0.15) + (LIST.test(unit) ? 0.6 : 0);
    }
    case "where":
      return PLACE_NAMED.test(unit) ? 1.2 : LOCATIVE.test(unit) ? 0.6 : -1;
    case "purpose":
      return /(?:^|\s)(?:để|nhằm)\s/iu.test(unit) ? 2 : 0;
    case "reason":
      return /(?:^|\s)(?:do|vì|bởi|nhằm|để)\s/iu.test(unit) ? 1 : 0;
    default:
      return 0;
  }
}

/**
 * For "bao nhiêu <noun>" questions: whether the unit gives a number directly followed by that noun
 * ("68/152 xã", "ba mươi đảng viên"). Null when the question sets no noun.
 */
/** A number that counts nothing: a year ("2017"), a date ("31/12/2020"), a footnote mark ("[38]"). */
function isCountingNumber(t: Token, unit: string): boolean {
  if (!t.isNumber) return NUMBER_SYLLABLES.has(t.lower);
  if (/^(?:19|20)\d\d$/.test(t.lower) || /^\d{1,2}[/-]\d{1,2}[/-]\d{2,4}$/.test(t.lower)) return false;
  return !(unit[t.start - 1] === "[" && unit[t.end] === "]");
}

function countsNoun(plan: QueryPlan, unit: string): boolean | null {
  const tokens = unitTokens(unit);
  // "bao nhiêu người": a number of people of some kind.
  if (plan.countsPeople) {
    for (let i = 0; i + 1 < tokens.length; i++) {
      const t = tokens[i];
      if (!t || !isCountingNumber(t, unit)) continue;
      for (let gap = 1; gap <= 3 && i + gap < tokens.length; gap++) {
        if (PERSON_NOUNS.some((noun) => noun.every((k, j) => tokens[i + gap + j]?.fold === k))) return true;
      }
    }
    return false;
  }
  const noun = plan.countedNoun;
  if (!noun || noun.length === 0) return null;
  const matches = (t: { accent: string; fold: string } | undefined, key: TermKey | undefined): boolean =>
    t !== undefined && key !== undefined && (key.accent !== null ? t.accent === key.accent : t.fold === key.fold);
  // Every syllable of the counted noun must be there ("năm tuổi đảng": a number of years is not enough).
  if (!noun.every((key) => tokens.some((t) => matches(t, key)))) return false;
  // The number may be a phrase ("hai phần ba số đại biểu", "mười tám tuổi"): the noun's first syllable
  // may follow it within two words.
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    if (!t || !isCountingNumber(t, unit)) continue;
    // The whole noun follows ("8 đảng viên" does not count "đảng bộ").
    const nounAt = (k: number): boolean => noun.every((key, j) => matches(tokens[k + j], key));
    for (let gap = 1; gap <= 3 && i + gap < tokens.length; gap++) {
      if (nounAt(i + gap)) return true;
      // "8 đảng viên là chủ doanh nghiệp": the people counted are of the kind asked.
      if (tokens[i + gap]?.fold === "la" && gap >= 2 && nounAt(i + gap + 1)) return true;
    }
  }
  return false;
}

/** Whether one of the alternative phrases (folded syllables) occurs, as consecutive syllables. */
function hasHeadPhrase(phrases: readonly string[][], sets: TermSets): boolean {
  return phrases.some((keys) => keys.every((k, i) => (i === 0 ? sets.fold.has(k) : sets.bigrams.has(`${keys[i - 1]}_${k}`))));
}

/**
 * Where the anchor bigram occurs in a unit, its two syllables adjacent or one syllable apart ("tài liệu
 * gồm" written "tài liệu bao gồm"): "followed" when some text (the answer) comes after it, "last" when the
 * unit ends there, null when it is not there.
 */
function anchorIn(anchor: string, unit: string): "followed" | "last" | null {
  const [first, second] = anchor.split("_");
  const tokens = unitTokens(unit);
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]?.fold !== first) continue;
    for (let gap = 1; gap <= 2 && i + gap < tokens.length; gap++) {
      const end = tokens[i + gap];
      if (end !== undefined && end.fold === second) return unit.length - end.end > 12 ? "followed" : "last";
    }
  }
  return null;
}

/** Whether all syllables of a one- or two-syllable phrase occur, as a bigram when there are two. */
function hasPhrase(sets: TermSets, keys: readonly TermKey[]): boolean {
  if (keys.length >= 2) return sets.bigrams.has(`${keys[0]?.fold}_${keys[1]?.fold}`) && keys.every((k) => keyIn(k, sets));
  return keys.every((k) => keyIn(k, sets));
}

// A document cited with its number and date ("Hướng dẫn số 7886/HD-BNV ngày 14/9/2025"): the date is
// that document's, not one the sentence states.
const CITED_DOCUMENT_DATE = /(\d+)[-/][\p{L}\d/.\-&]*\s*,?\s*(?:ngày|ban hành ngày)\s*\d{1,2}(?:\s*[-/]\s*\d{1,2}\s*[-/]\s*\d{2,4}| tháng \d{1,2} năm \d{4})/giu;

/** A unit without the dates of the documents it cites, unless the question names that document. */
function uncited(unit: string, plan: QueryPlan): string {
  return unit.replace(CITED_DOCUMENT_DATE, (match, number: string) => (plan.docRefs.includes(String(Number(number))) ? match : " "));
}

/** Whether a date or time question asks for a deadline. */
function asksDeadline(plan: QueryPlan): boolean {
  return (plan.kind === "date" || plan.kind === "when") && DEADLINE_QUESTION_FOLDED.test(foldedQuestion(plan));
}

/** Whether the kind of fact asked for is present at all in a unit. */
function answersKind(plan: QueryPlan, unit: string): boolean {
  if (plan.kind === "count") return DIGIT.test(unit) || NUMBER_WORD.test(unit);
  // "tính từ ngày ghi trong quyết định": a date described rather than given also answers.
  if (asksDeadline(plan) && !DEADLINE_SET.test(unit)) return false;
  if (plan.kind === "date" || plan.kind === "when") {
    const own = uncited(unit, plan);
    return DATE.test(own) || /\d{4}/.test(own) || (plan.kind === "date" ? /(?:^|\s)ngày\s/iu.test(own) : CONDITION.test(own));
  }
  // A percentage, or a ratio ("46/184"): the word "tỷ lệ" alone states none.
  // (A document number "135/2020/NĐ-CP" or a date "31/12/2020" is no ratio.)
  if (plan.kind === "percent") return /%|phần trăm|(?<![\d/])\d+\/\d+(?![\d/\-\p{L}])/iu.test(unit);
  if (plan.kind === "duration") return statesDuration(unit);
  // "Ai ký …": the signer is who the text says signed; a person merely named near the document is not.
  if (plan.kind === "who" && /\bky\b/.test(foldedQuestion(plan)) && !/(?:^|[^\p{L}])ký(?!\p{L})/iu.test(unit)) return false;
  // "Công ty nào", "Bộ nào": a body of that kind ("Bộ Tư pháp"); "cơ quan nào", "đơn vị nào": any body.
  const kindOfBody = plan.kind === "who" && plan.askedNoun ? bodyKindAsked(plan.askedNoun) : null;
  if (kindOfBody && !hasPhrase(termSets(unit), kindOfBody)) return false;
  if (plan.kind === "who") return namesActor(unit, plan) >= (plan.actor === "person" ? 2 : 1);
  // "Ở tỉnh nào", "in which city": a place by its name; "ở đâu": a named place or where something is kept.
  if (plan.kind === "where") return PLACE_NAMED.test(unit) || (!NAMED_PLACE_QUESTION_FOLDED.test(foldedQuestion(plan)) && LOCATIVE.test(unit));
  return true;
}

const unitCache = new Map<string, Unit[]>();

/** A unit of a passage; windows of a longer sentence say where they were cut. */
interface Unit extends Span {
  cutBefore?: boolean;
  cutAfter?: boolean;
}

/** Maximal runs of a long sentence's comma-separated segments that fit in an answer. */
function segmentWindows(sentence: Span): Unit[] {
  const starts: number[] = [0];
  for (const m of sentence.text.matchAll(/[,;]\s+/g)) starts.push((m.index ?? 0) + m[0].length);
  const windows: Unit[] = [];
  for (const from of starts) {
    let end = from;
    for (const next of [...starts.filter((s) => s > from), sentence.text.length]) {
      if (next - from > MAX_ANSWER_CHARS) break;
      end = next;
    }
    if (end <= from) continue;
    const text = sentence.text.slice(from, end).replace(/[,;\s]+$/u, "");
    if (text.length > 0 && text.length < sentence.text.length) {
      windows.push({ text, start: sentence.start + from, end: sentence.start + from + text.length, cutBefore: from > 0, cutAfter: from + text.length < sentence.text.length - 1 });
    }
  }
  return windows;
}

/**
 * Analyses a passage's units ahead of time, so that the first question to retrieve it does not pay for
 * it. Called for small indexes at start-up; large ones warm up as they are asked.
 */
export function prepareUnits(text: string): void {
  termSets(text);
  for (const unit of unitsOf(text)) {
    termSets(unit.text);
    unitTokens(unit.text);
  }
}

/** "Bốn là, …", "Thứ tư, …", "4. …": the start of the n-th item of an enumeration. */
function ordinalPattern(n: number): RegExp {
  const numeral = NUMERALS[n] ?? String(n);
  const ordinalWord = n === 1 ? "nhất" : n === 4 ? "tư" : numeral;
  return new RegExp(`^(?:${numeral} là|thứ ${ordinalWord}|${n}[.)])`, "iu");
}

/** Units of a passage: its sentences and, where a sentence has several, their clauses (memoised). */
function unitsOf(text: string, isHeader = false): Unit[] {
  // A header passage is a record: each labelled line is a unit, and the whole is none.
  if (isHeader) return lineUnits(text);
  let units = unitCache.get(text);
  if (!units) {
    units = computeUnits(text);
    if (unitCache.size >= TERM_SET_CACHE_LIMIT) unitCache.clear();
    unitCache.set(text, units);
  }
  return units;
}

function lineUnits(text: string): Unit[] {
  const units: Unit[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    if (line.trim()) units.push({ text: line, start: offset, end: offset + line.length });
    offset += line.length + 1;
  }
  return units;
}

function computeUnits(text: string): Unit[] {
  const units: Unit[] = [];
  for (const sentence of splitSentences(text)) {
    units.push(sentence);
    // A sentence too long to quote whole also offers its windows of comma-separated segments.
    if (sentence.text.length > MAX_ANSWER_CHARS) units.push(...segmentWindows(sentence));
    const clauses = splitClauses(sentence);
    if (clauses.length > 1) units.push(...clauses);
    // Lines of a list passage (dash items) are units of their own.
    if (sentence.text.includes("\n")) {
      let offset = sentence.start;
      for (const line of sentence.text.split("\n")) {
        // A label line of a list ("d) Đối với cá nhân", "2. Tiêu chí thi đua") states nothing by itself.
        if (line.trim().length > 0 && !LIST_LABEL.test(line.trim())) units.push({ text: line.trim(), start: offset + line.indexOf(line.trim()), end: offset + line.indexOf(line.trim()) + line.trim().length });
        offset += line.length + 1;
      }
    }
  }
  return units;
}

/**
 * Shortens a unit to `maxChars` at comma or word boundaries, keeping the window of comma-separated
 * segments that covers the most (IDF-weighted, distinct) question terms and states the kind of fact
 * asked for; "…" marks a cut. `termWeights` aligns with `plan.terms` (default: all 1).
 */
export function trimAnswer(unit: string, plan: QueryPlan, maxChars = MAX_ANSWER_CHARS, termWeights?: readonly number[]): string {
  if (unit.length <= maxChars) return unit;
  const segments = unit.split(/(?<=,)\s+/u);
  const covered = segments.map((seg) => {
    const sets = termSets(seg);
    return plan.terms.map((t) => termIn(t, sets));
  });
  const statesKind = segments.map((seg) => kindBonus(plan, seg) > 0);
  const anchored = segments.map((seg) => plan.anchor !== null && termSets(seg).bigrams.has(plan.anchor));
  // What the question asks for (the kind of fact, the words after the anchor) weighs as much as half
  // the question's terms: a window without it is not an answer.
  const totalWeight = plan.terms.reduce((sum, _, i) => sum + (termWeights?.[i] ?? 1), 0);
  const askedWeight = Math.max(2, totalWeight / 2);
  let best = { from: 0, to: 0, score: -Infinity };
  for (let from = 0; from < segments.length; from++) {
    let length = 0;
    for (let to = from; to < segments.length; to++) {
      length += (segments[to]?.length ?? 0) + 1;
      // A last segment that does not fit is cut at the end: the window is judged by the part that shows
      // ("Ngày 28/11, tại Trụ sở Chính phủ, Phó Thủ tướng … đã chủ trì cuộc họp về…").
      const overflows = length > maxChars - 2 && to > from;
      const shownLast = overflows ? termSets((segments[to] ?? "").slice(0, Math.max(0, maxChars - 2 - (length - (segments[to]?.length ?? 0) - 1)))) : null;
      const coversLast = (i: number): boolean => (shownLast ? termIn(plan.terms[i] as QueryTerm, shownLast) : covered[to]?.[i] === true);
      let score = 0;
      plan.terms.forEach((_, i) => {
        for (let k = from; k <= to; k++) {
          if (k === to ? coversLast(i) : covered[k]?.[i]) {
            score += termWeights?.[i] ?? 1;
            break;
          }
        }
      });
      if (statesKind.slice(from, overflows ? to : to + 1).some(Boolean)) score += askedWeight;
      for (let k = from; k <= to; k++) {
        if (anchored[k] && !(overflows && k === to) && (k === to ? k === segments.length - 1 : true)) {
          score += askedWeight;
          break;
        }
      }
      // Prefer windows that start at the beginning of the unit (the subject is usually there) and, at equal
      // coverage, longer ones: what a "what / for whom" question asks for follows the matched words.
      score += -from * 0.1 + Math.min(length, maxChars) / 1000;
      if (score > best.score) best = { from, to, score };
      if (overflows) break;
    }
  }
  let text = segments.slice(best.from, best.to + 1).join(" ").replace(/,$/, "");
  if (text.length > maxChars - 2) text = text.slice(0, text.lastIndexOf(" ", maxChars - 2)).replace(/[,;:]$/, "");
  const cutBefore = best.from > 0;
  const cutAfter = best.to < segments.length - 1 || text.length < unit.length - (cutBefore ? 1 : 0) && !unit.endsWith(text);
  return `${cutBefore ? "…" : ""}${text}${cutAfter && !/[.…]$/.test(text) ? "…" : ""}`;
}

const unitLevels = new Map<string, string[]>();

/** Whether a unit speaks only of other levels than the question's ("cấp tỉnh" asked, "Trung ương" stated). */
function contradictsLevel(plan: QueryPlan, unit: string): boolean {
  if (plan.levels.length === 0) return false;
  let levels = unitLevels.get(unit);
  if (!levels) {
    levels = levelsOf(unitTokens(unit));
    if (unitLevels.size >= TERM_SET_CACHE_LIMIT) unitLevels.clear();
    unitLevels.set(unit, levels);
  }
  return levels.length > 0 && !levels.some((l) => plan.levels.includes(l));
}

/** Scores every unit of every candidate and decides whether the best one answers the question. */
export function extractAnswer(plan: QueryPlan, candidates: readonly CandidatePassage[], stats: TermStats, policy: AnswerPolicy = DEFAULT_POLICY): Extraction {
  // A term the corpus does not know at all weighs more: it is most likely what the documents lack.
  const unknown = "unknownTerms" in plan ? (plan.unknownTerms as Set<number>) : new Set<number>();
  // An abbreviation term weighs as its rarest full-form syllable, plus a little for being a compound.
  const weights = plan.terms.map((t, i) =>
    t.phrase
      ? Math.max(...t.phrase.map((k) => stats.idf(k, false))) + 0.5
      : stats.idf(t.accent ?? t.fold, t.accent !== null) * (unknown.has(i) ? policy.unknownTermFactor : 1),
  );
  // English words the glossary does not know count as unmatched key terms, each a share of an average term:
  // translation is lossy.
  const knownWeight = weights.reduce((a, b) => a + b, 0);
  const unknownWeight = weights.length > 0 ? plan.unknownWords.length * policy.unknownEnglishWeight * (knownWeight / weights.length) : 0;
  const totalWeight = knownWeight + unknownWeight;
  const queryBigrams = new Set(plan.bigrams);
  const compounds = "compounds" in plan ? (plan.compounds as Array<[number, number]>) : [];
  const ordinalLead = plan.ordinal !== null ? ordinalPattern(plan.ordinal) : null;
  const ranked: PassageAnswer[] = [];
  // A passage without the question's numbers or names is about something else: it competes only when no
  // passage has them (then its unit still gives the reason to abstain).
  // The document the question names by number is the one asked about: its header answers for it, even
  // when the question describes it with numbers the header does not repeat ("giai đoạn 2026-2031").
  const askedNumber = askedDocumentNumber(foldedQuestion(plan));
  const askedKinds = askedDocumentKinds(foldedQuestion(plan));
  const headerKey = (c: CandidatePassage): string | null => {
    const number = c.isHeader ? headerNumber(c.text) : null;
    return number === null ? null : documentNumberKey(number);
  };
  const holdsQualifiers = (c: CandidatePassage): boolean => {
    if (askedNumber !== null && headerKey(c) === askedNumber) return true;
    const sets = passageWithContext(c);
    return missingNumbers(plan, sets).length === 0 && missingName(plan, sets) === undefined;
  };
  const qualified = plan.numbers.length + plan.names.length > 0 ? candidates.filter(holdsQualifiers) : candidates;
  for (const candidate of qualified.length > 0 ? qualified : candidates) {
    const wholePassageSets = termSets(candidate.text);
    const contextSets = termSets(`${candidate.context}\n${candidate.title}`);
    // An English question's subject ("population", "party cell congress") missing from the passage and
    // its section: the passage is about something else.
    const offTopic = plan.headPhrase !== null && !hasHeadPhrase(plan.headPhrase, wholePassageSets) && !hasHeadPhrase(plan.headPhrase, contextSets);
    let bestUnit: PassageAnswer | null = null;
    // A header's signer, date or issuer answers only for its own document, not one its subject names.
    const key = headerKey(candidate);
    // A header answers for its own document only: not one the question names by another number, nor one
    // of another kind ("Cơ quan nào … ban hành Nghị quyết về …" is not asked of a Kết luận's header).
    const otherKind = candidate.isHeader && askedKinds !== null && !askedKinds.some((k) => foldKey(candidate.text).startsWith(k));
    const otherDocument = otherKind || (key !== null && (askedNumber !== null ? key !== askedNumber : plan.docRefs.includes(key)));
    // A duty listed under the body that holds it ("1. Sở Y tế" / "Chủ trì …"): the heading is the actor.
    const actor = plan.kind === "who" && !candidate.isHeader ? headingActor(candidate.context) : null;
    for (const listed of unitsOf(candidate.text, candidate.isHeader)) {
      const unit = actor && !foldKey(listed.text).includes(foldKey(actor)) ? { ...listed, text: `${actor}: ${listed.text}` } : listed;
      const field = candidate.isHeader ? HEADER_FIELDS.find((f) => unit.text.startsWith(`${f.label}:`)) : undefined;
      if (field && otherDocument) continue;
      // A header field answers only the question that asks for it (the recipients are nobody's answer to "ai").
      const asksField = field !== undefined && field.asks.test(foldedQuestion(plan)) && (!field.kinds || field.kinds.includes(plan.kind));
      if (field && !asksField) continue;
      // The header's title line says what the document is; it states no signer, date, count or list.
      if (candidate.isHeader && !field && TITLE_LINE_NEVER_ANSWERS.has(plan.kind)) continue;
      const unitSets = termSets(unit.text);
      // What the passage says before the unit (and in its sentence) qualifies it; what comes later does not.
      const passageSets = candidate.isHeader ? wholePassageSets : termSets(candidate.text.slice(0, sentenceEnd(candidate.text, listed.end)));
      // The n-th item of an enumeration ("Bốn là, …") is named by its section ("Kinh nghiệm"): when the
      // question asks for that item, terms found in the section count in full.
      const isAskedItem = ordinalLead !== null && ordinalLead.test(unit.text);
      let matched = 0;
      let missingWeight = 0;
      let missingTerm: string | null = null;
      const found: boolean[] = [];
      plan.terms.forEach((term, i) => {
        const w = weights[i] ?? 0;
        found[i] = true;
        if (termIn(term, unitSets)) matched += w;
        else if (termIn(term, passageSets)) matched += (candidate.isHeader ? 1 : policy.passageCredit) * w;
        else if (termIn(term, contextSets)) matched += (isAskedItem ? 1 : policy.contextCredit) * w;
        else found[i] = false;
      });
      // What is missing is weighed by whole compounds: "tài chính" is missing from a passage that has
      // "tài liệu" and no "chính", and from one that has both syllables apart.
      // A compound stated by a synonym ("tối đa" as "không quá") is there: both syllables were found, one
      // of them only through its synonym group.
      const bySynonymOnly = (i: number): boolean => {
        const term = plan.terms[i];
        return term !== undefined && found[i] === true && !keyIn(term, unitSets) && !keyIn(term, passageSets) && !keyIn(term, contextSets);
      };
      const inCompound = new Set<number>();
      for (const [a, b] of compounds) {
        inCompound.add(a).add(b);
        const bigram = `${plan.terms[a]?.fold}_${plan.terms[b]?.fold}`;
        if (unitSets.bigrams.has(bigram) || passageSets.bigrams.has(bigram) || contextSets.bigrams.has(bigram)) continue;
        if (found[a] && found[b] && (bySynonymOnly(a) || bySynonymOnly(b))) continue;
        const w = (weights[a] ?? 0) + (weights[b] ?? 0);
        if (w > missingWeight) {
          missingWeight = w;
          missingTerm = bigram.replace("_", " ");
        }
      }
      plan.terms.forEach((term, i) => {
        const w = weights[i] ?? 0;
        if (!found[i] && !inCompound.has(i) && w > missingWeight) {
          missingWeight = w;
          missingTerm = term.phrase ? term.phrase.join(" ") : term.fold;
        }
      });
      const coverage = totalWeight > 0 ? matched / totalWeight : 0;
      let bigramHits = 0;
      for (const b of unitSets.bigrams) if (queryBigrams.has(b)) bigramHits++;
      let score = coverage * policy.coverageWeight + Math.min(bigramHits, policy.maxBigramHits) * policy.bigramWeight + kindBonus(plan, unit.text, policy) - candidate.rank * policy.rankPenalty;
      if (offTopic) score -= policy.mismatchPenalty;
      const counts = countsNoun(plan, unit.text);
      if (counts === false) score -= policy.mismatchPenalty;
      if (contradictsLevel(plan, unit.text)) score -= policy.mismatchPenalty;
      if (asksDeadline(plan) && !DEADLINE_SET.test(unit.text)) score -= policy.mismatchPenalty;
      if (plan.askedNoun && hasPhrase(unitSets, plan.askedNoun)) score += policy.askedNounBonus;
      const anchored = plan.anchor ? anchorIn(plan.anchor, unit.text) : null;
      if (anchored) score += anchored === "followed" ? policy.anchorBonus : -2 * policy.anchorBonus;
      if (isAskedItem) score += policy.askedItemBonus;
      if (asksField) score += policy.askedItemBonus;
      // Long units read worse and usually carry several facts: the shortest unit that states it wins
      // (but a list is as long as its members).
      const limit = plan.kind === "list" ? MAX_LIST_ANSWER_CHARS : MAX_ANSWER_CHARS;
      score -= (plan.kind === "list" ? 0 : unit.text.length * policy.lengthPenaltyPerChar) + Math.max(0, unit.text.length - limit) * policy.overLengthPenaltyPerChar;
      if (!bestUnit || score > bestUnit.score) {
        const text = `${unit.cutBefore ? "…" : ""}${unit.text}${unit.cutAfter ? "…" : ""}`;
        bestUnit = { passageId: candidate.id, text, start: unit.start, end: unit.end, score, coverage, missingShare: totalWeight > 0 ? missingWeight / totalWeight : 0, missingTerm };
      }
    }
    if (bestUnit) ranked.push(bestUnit);
  }
  ranked.sort((a, b) => b.score - a.score);
  const top = ranked[0] ?? null;
  if (!top) return { abstained: true, reason: "no passage retrieved", best: null, ranked };
  // The best-scoring unit that passes every check answers; when none does, the top one's reason is given.
  let best: PassageAnswer | null = null;
  let reason: string | null = null;
  for (const unit of ranked.slice(0, policy.maxUnitsChecked)) {
    // A unit below the top must cover the question clearly better than the bar to be preferred.
    const why =
      unit !== top && unit.coverage < policy.minCoverage + policy.fallbackMargin
        ? "weaker unit"
        : abstentionReason(plan, unit, candidates.find((c) => c.id === unit.passageId), policy);
    if (!why) {
      best = unit;
      break;
    }
    reason ??= why;
  }
  if (!best) return { abstained: true, reason, best: top, ranked };
  if (best !== top) ranked.splice(ranked.indexOf(best), 1), ranked.unshift(best);
  // A list reads badly cut: it may run to 300 characters.
  const maxChars = plan.kind === "list" ? MAX_LIST_ANSWER_CHARS : MAX_ANSWER_CHARS;
  return { abstained: false, reason: null, best: { ...best, text: trimAnswer(best.text, plan, maxChars, weights) }, ranked };
}

/** The question's numbers a passage (with its context) lacks; "0310" stands for "310". */
function missingNumbers(plan: QueryPlan, sets: TermSets): string[] {
  return plan.numbers.filter((n) => !sets.fold.has(n) && !sets.numbers.has(withoutLeadingZeros(n)));
}

/** A name the question gives ("Gia Lai") that a passage (with its context) lacks, as folded bigrams. */
function missingName(plan: QueryPlan, sets: TermSets): string[] | undefined {
  return plan.names.find((name) => !name.every((bigram) => sets.bigrams.has(bigram)));
}

// Section titles that begin like a body's name but name none ("Tổ chức thực hiện").
const NOT_AN_ACTOR_HEADING = /^(?:tổ chức thực hiện|tổ chức triển khai|trách nhiệm|nhiệm vụ|phân công|kinh phí|hiệu lực)/iu;
const NUMBERING = /^(?:\d+(?:\.\d+)*[.)]|[a-zđ]\)|[IVXLC]+\.)\s+/u;

/**
 * The body a section's nearest heading names, when that heading is only a name ("1. Sở Y tế",
 * "7. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố"), else null.
 */
function headingActor(context: string): string | null {
  // "Điều 15. Trách nhiệm của Công an thành phố": the duties that follow are that body's.
  const dutiesOf = context.match(/(?:^|\.\s)(?:Trách nhiệm|Nhiệm vụ|Nhiệm vụ, quyền hạn)(?: cụ thể)? của (\p{Lu}[^.]{1,80})$/u)?.[1]?.trim();
  if (dutiesOf && BODY_OR_ROLE.exec(dutiesOf)?.index === 0) return dutiesOf;
  const last = context.split(/\.\s+(?=(?:\d+(?:\.\d+)*[.)]|[a-zđ]\)|[IVXLC]+\.)\s)/u).pop() ?? "";
  const heading = last.replace(NUMBERING, "").replace(/[:.;]\s*$/u, "").trim();
  if (heading.length === 0 || heading.length > 90 || !/^\p{Lu}/u.test(heading) || NOT_AN_ACTOR_HEADING.test(heading)) return null;
  const body = BODY_OR_ROLE.exec(heading.replace(/^Đề nghị\s+/u, ""));
  return body !== null && body.index === 0 ? heading : null;
}

/** Where the sentence that holds offset `at` (a unit's end) ends. */
function sentenceEnd(text: string, at: number): number {
  for (const sentence of splitSentences(text)) if (sentence.end >= at) return sentence.end;
  return text.length;
}

/** A passage's own words with its section context and document title, analysed once. */
function passageWithContext(c: CandidatePassage): TermSets {
  return termSets(`${c.text}\n${c.context}\n${c.title}`);
}

function abstentionReason(plan: QueryPlan, best: PassageAnswer, passage: CandidatePassage | undefined, policy: AnswerPolicy): string | null {
  if (plan.terms.length === 0 && plan.ordinal === null) return "the question has no key terms";
  if (best.coverage < policy.minCoverage) return `key terms not covered (coverage ${best.coverage.toFixed(2)})`;
  // (An English question's words reach the documents through a lossy glossary: coverage judges it.)
  if (plan.language === "vi" && best.missingShare > policy.maxMissingShare) return `key term not in the passage: ${best.missingTerm ?? "?"} (${(best.missingShare * 100).toFixed(0)} % of the question)`;
  if (contradictsLevel(plan, best.text)) return `the answer speaks of another level than ${plan.levels.join(", ")}`;
  if (passage) {
    // A text qualifies a sentence by what came before it or within it: a name or number the passage gives
    // only in a later sentence ("toàn tỉnh có …" followed by "… huyện Buôn Đôn") is about something else.
    const sets = passageWithContext({ ...passage, text: passage.text.slice(0, sentenceEnd(passage.text, best.end)) });
    const missing = missingNumbers(plan, sets);
    if (missing.length > 0) return `numbers not in the passage: ${missing.join(", ")}`;
    // What an English question is about must be there as a phrase ("population" → "dân số").
    if (plan.headPhrase && !hasHeadPhrase(plan.headPhrase, sets)) {
      return `the passage does not speak of "${plan.headPhrase[0]?.join(" ")}"`;
    }
    // A name the question gives ("Gia Lai") that the passage does not: it speaks of something else.
    const name = missingName(plan, sets);
    if (name) return `name not in the passage: ${name.join(" ")}`;
  }
  // "Kinh nghiệm thứ tư là gì?": only the fourth item answers ("Bốn là, …", "4.", "Thứ tư, …").
  if (plan.ordinal !== null && !ordinalPattern(plan.ordinal).test(best.text.replace(/^…/u, "")) && !ordinalPattern(plan.ordinal).test(passage?.text ?? "")) return `not the item numbered ${plan.ordinal}`;
  if (countsNoun(plan, best.text) === false) return `no count of "${plan.countsPeople ? "người" : plan.countedNoun?.map((k) => k.fold).join(" ")}" in the passage`;
  if (!answersKind(plan, best.text)) return `the passage states no ${plan.kind}`;
  return null;
}
