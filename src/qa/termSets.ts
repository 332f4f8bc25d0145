/**
 * Term sets of a text (folded, accented, bigrams, whole numbers), memoised: what answering checks a
 * question's terms against. Pure functions over text.
 */
import { analyzeText } from "../text/analyze.js";
import { expandAbbreviations } from "../text/lexicon.js";
import { foldKey } from "../text/normalize.js";
import type { Token } from "../text/tokenize.js";
import { numberedKeys, romanNumeralValue, spelledCounts } from "../text/vietnamese.js";
import { type QueryTerm, type TermKey } from "./query.js";

export interface TermSets {
  fold: Set<string>;
  accent: Set<string>;
  bigrams: Set<string>;
  /** Whole numbers without leading zeros ("0310" → "310"): "Kế hoạch 310" is "Kế hoạch số 0310". */
  numbers: Set<string>;
}

/** "0310" → "310"; other keys unchanged. */
export function withoutLeadingZeros(key: string): string {
  return /^0+\d/.test(key) ? key.replace(/^0+/, "") : key;
}

// A date written with numbers: "28/11", "05/12/2025", "28-11-2025".
const NUMERIC_DATE = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}))?$/;
// A date written out: "ngày 28 tháng 11 năm 2025", "ngày 28 tháng 11".
const WRITTEN_DATE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?/giu;
// A month written out with its year: "tháng 11 năm 2025" (found by "11/2025"), or with numbers: "tháng 02/2026"
// (found by "2/2026", which the tokens alone would read as two numbers).
const WRITTEN_MONTH = /tháng\s+(\d{1,2})(?:\s+năm\s+|\s*[/.-]\s*)(\d{4})(?!\d)/giu;

/**
 * How a number is compared: without leading zeros, and a date as day/month[/year] whatever its
 * separators ("05-12-2025" → "5/12/2025").
 */
export function numberKey(key: string): string {
  const date = NUMERIC_DATE.exec(key);
  if (!date) return withoutLeadingZeros(key);
  return [date[1], date[2], date[3]].filter((x): x is string => x !== undefined).map(withoutLeadingZeros).join("/");
}

/**
 * The keys a date is found by: day/month, and day/month/year and month/year when the year is given
 * ("30/11/2025" is found by "tháng 11/2025").
 */
function dateKeys(day: string, month: string, year: string | undefined): string[] {
  const dayMonth = `${withoutLeadingZeros(day)}/${withoutLeadingZeros(month)}`;
  return year === undefined ? [dayMonth] : [dayMonth, `${dayMonth}/${year}`, `${withoutLeadingZeros(month)}/${year}`];
}

// Passages are analysed again and again for different questions: analyses are memoised by text, up to
// this many characters of text per memo (what a value costs grows with its text's length, not with the
// number of texts: a whole passage's tokens weigh as much as those of its five sentences together).
const TEXT_MEMO_CHARACTERS = 2_000_000;

/**
 * Values computed from texts, remembered for the texts used most recently: two generations of at most
 * half the limit each (in characters of text); when the newer is full it becomes the older and the older
 * is dropped, and a text found in the older moves to the newer. A cache emptied whole when full (as
 * before) recomputed every passage still in use at once: 29 times over 3,557 questions at 113,000
 * passages. A limit counted in texts (20,000 of them) let the memos hold ~1 GB at 100,000 passages after
 * 6,000 questions.
 */
export class TextMemo<V> {
  private newer = new Map<string, V>();
  private older = new Map<string, V>();
  private newerCharacters = 0;

  constructor(private readonly limit = TEXT_MEMO_CHARACTERS) {}

  /** `compute(text)`, remembered. */
  get(text: string, compute: (text: string) => V): V {
    let value = this.newer.get(text);
    if (value !== undefined) return value;
    value = this.older.get(text) ?? compute(text);
    if (this.newerCharacters + text.length > this.limit / 2 && this.newer.size > 0) {
      this.older = this.newer;
      this.newer = new Map();
      this.newerCharacters = 0;
    }
    this.newer.set(text, value);
    this.newerCharacters += text.length;
    return value;
  }
}

const foldedCache = new TextMemo<string>();

/** A text folded, memoised: several checks fold the same unit, question after question. */
export function foldedText(text: string): string {
  return foldedCache.get(text, foldKey);
}

const tokenCache = new TextMemo<Token[]>();

/** Tokens of a unit without abbreviation expansion, memoised like the term sets. */
export function unitTokens(text: string): Token[] {
  return tokenCache.get(text, (t) => analyzeText(t, false).tokens);
}

const termSetCache = new TextMemo<TermSets>();

/** The term sets of a text (memoised). */
export function termSets(text: string): TermSets {
  return termSetCache.get(text, (t) => {
    const expanded = expandAbbreviations(t);
    const view = analyzeText(expanded, false);
    // A text with no abbreviation to expand has the same tokens unexpanded: `unitTokens` need not tokenise it again.
    if (expanded === t) tokenCache.get(t, () => view.tokens);
    const numbers = new Set(view.fold.filter((k) => /^\d+$/.test(k)).map(withoutLeadingZeros));
    // A date is found by the question whichever way either writes it ("ngày 28/11" ↔ "Ngày 28 tháng 11 năm 2025").
    for (const k of view.fold) {
      const date = NUMERIC_DATE.exec(k);
      if (date) for (const key of dateKeys(date[1] ?? "", date[2] ?? "", date[3])) numbers.add(key);
    }
    for (const m of t.matchAll(WRITTEN_DATE)) for (const key of dateKeys(m[1] ?? "", m[2] ?? "", m[3])) numbers.add(key);
    for (const m of t.matchAll(WRITTEN_MONTH)) numbers.add(`${withoutLeadingZeros(m[1] ?? "")}/${m[2] ?? ""}`);
    // "Đại hội XIV" counts as 14 for a question that writes "đại hội 14".
    for (const m of t.matchAll(/(?<![\p{L}\d])[IVXLC]{2,}(?![\p{L}\d])/gu)) {
      const value = romanNumeralValue(m[0]);
      if (value !== null) numbers.add(String(value));
    }
    // So does "Hội nghị lần thứ tám" as 8, for a question that writes "Hội nghị Trung ương 8" or "the 8th plenum".
    for (const key of numberedKeys(t)) {
      numbers.add(key);
      if (key.startsWith(ORDINAL_KEY)) numbers.add(key.slice(ORDINAL_KEY.length));
    }
    for (const range of rangesIn(foldKey(t))) numbers.add(range);
    // A count spelled out before a unit of time is its number: "ba lần" is found by "3 lần" and "03 lần".
    for (const { value } of spelledCounts(t)) numbers.add(String(value));
    const sets = { fold: new Set(view.fold), accent: new Set(view.accent), bigrams: new Set(view.bigrams), numbers };
    // "Đến ngày 31/12/2024" is the end of the year: it says "cuối năm" (2024). (Every date is also keyed by its
    // day and month.)
    if (numbers.has("31/12")) addInto(sets, yearEnd());
    return sets;
  });
}

/** A range a rule states for a count, folded: "từ 09 đến dưới 30 …", "dưới 09 …", "từ 30 … trở lên". */
const STATED_RANGE = /\b(?:tu (\d{1,3}) (?:\S+ ){0,3}?den (duoi )?(\d{1,3})|(duoi) (\d{1,3})|tu (\d{1,3}) (?:\S+ ){0,4}?tro len)(?!\d|[.,/]\d)/gu;
/** Prefix of the keys that carry a stated range among a text's numbers: "range:9:30" (30 excluded), "range:30:". */
const RANGE_KEY = "range:";

/** The ranges a folded text states, as keys: lower bound (included) and upper bound (excluded), either open. */
function rangesIn(folded: string): string[] {
  const out: string[] = [];
  for (const m of folded.matchAll(STATED_RANGE)) {
    if (m[1] !== undefined) out.push(`${RANGE_KEY}${Number(m[1])}:${Number(m[3]) + (m[2] ? 0 : 1)}`);
    else if (m[5] !== undefined) out.push(`${RANGE_KEY}:${Number(m[5])}`);
    else if (m[6] !== undefined) out.push(`${RANGE_KEY}${Number(m[6])}:`);
  }
  return out;
}

/**
 * Whether a whole number a question gives ("Chi bộ có 12 đảng viên chính thức thì …") falls in a range the
 * text states ("chi bộ có từ 09 đến dưới 30 đảng viên chính thức bầu 03 chi ủy viên").
 */
export function inStatedRange(n: string, sets: TermSets): boolean {
  if (!/^\d{1,3}$/u.test(n)) return false;
  const value = Number(n);
  for (const key of sets.numbers) {
    if (!key.startsWith(RANGE_KEY)) continue;
    const [lo, hi] = key.slice(RANGE_KEY.length).split(":");
    if ((lo === "" || value >= Number(lo)) && (hi === "" || hi === undefined || value < Number(hi))) return true;
  }
  return false;
}

/** Adds `b`'s terms to `into` (a union built up without copying it for each part). */
export function addInto(into: TermSets, b: TermSets): void {
  for (const t of b.fold) into.fold.add(t);
  for (const t of b.accent) into.accent.add(t);
  for (const t of b.bigrams) into.bigrams.add(t);
  for (const t of b.numbers) into.numbers.add(t);
}

let yearEndSets: TermSets | null = null;
/** The terms of "cuối năm" (see termSets). */
function yearEnd(): TermSets {
  if (yearEndSets === null) {
    const view = analyzeText("cuối năm", false);
    yearEndSets = { fold: new Set(view.fold), accent: new Set(view.accent), bigrams: new Set(view.bigrams), numbers: new Set() };
  }
  return yearEndSets;
}

export function keyIn(key: TermKey, sets: TermSets): boolean {
  return key.accent !== null ? sets.accent.has(key.accent) : sets.fold.has(key.fold);
}

export function termIn(term: QueryTerm, sets: TermSets): boolean {
  // (Loops and remembered keys: this runs for every term against every unit, passage and context.)
  if (term.phrase) return sets.fold.has(term.fold) || foldedPhraseIn(term.phrase, sets);
  const primary = term.bigram ? sets.bigrams.has(term.bigram) && keyIn(term, sets) : keyIn(term, sets);
  if (primary || (term.isNumber && (sets.fold.has(term.fold) || sets.numbers.has(numberKeyOf(term.fold))))) return true;
  // (A number given as an alternative — "nine" → "chín | 9" — is found however it is written: "09".)
  for (const alt of term.alternatives) {
    if (phraseIn(alt, sets)) return true;
    const only = alt.length === 1 ? (alt[0]?.fold ?? "") : null;
    if (only !== null && DIGITS.test(only) && sets.numbers.has(numberKeyOf(only))) return true;
  }
  return false;
}

const DIGITS = /^\d+$/u;

/** `numberKey`, remembered for the few keys questions give. */
const numberKeys = new Map<string, string>();
function numberKeyOf(key: string): string {
  let k = numberKeys.get(key);
  if (k === undefined) {
    if (numberKeys.size >= 10_000) numberKeys.clear();
    numberKeys.set(key, (k = numberKey(key)));
  }
  return k;
}

/** The bigram keys joining each syllable of a phrase to the one before, made once per phrase. */
const phraseBigrams = new WeakMap<readonly unknown[], string[]>();
function bigramsOf(keys: readonly TermKey[] | readonly string[]): string[] {
  let bigrams = phraseBigrams.get(keys);
  if (bigrams === undefined) {
    const folds = keys.map((k) => (typeof k === "string" ? k : k.fold));
    bigrams = folds.slice(1).map((fold, i) => `${folds[i]}_${fold}`);
    phraseBigrams.set(keys, bigrams);
  }
  return bigrams;
}

/** `hasHeadPhrase` of one folded phrase. */
function foldedPhraseIn(keys: readonly string[], sets: TermSets): boolean {
  if (keys.length === 0) return true;
  if (!sets.fold.has(keys[0] as string)) return false;
  const bigrams = bigramsOf(keys);
  for (const bigram of bigrams) if (!sets.bigrams.has(bigram)) return false;
  return true;
}

/** The key prefix of an ordinal ("thu#8" for "lần thứ tám", see `numberedKeys`). */
const ORDINAL_KEY = "thu#";

/** Whether every syllable of a phrase occurs, each after the one before it (as a bigram). */
function phraseIn(keys: readonly TermKey[], sets: TermSets): boolean {
  const bigrams = keys.length > 1 ? bigramsOf(keys) : [];
  for (let i = 0; i < keys.length; i++) if (!keyIn(keys[i] as TermKey, sets) || (i > 0 && !sets.bigrams.has(bigrams[i - 1] as string))) return false;
  return true;
}


/** Whether one of the alternative phrases (folded syllables) occurs, as consecutive syllables. */
export function hasHeadPhrase(phrases: readonly string[][], sets: TermSets): boolean {
  return phrases.some((keys) => foldedPhraseIn(keys, sets));
}

/**
 * Whether what an English question is about is there: one of the alternative phrases as consecutive
 * syllables, or one of four syllables as its two words in any order ("hình thức kỷ luật" in "kỷ luật …
 * bằng hình thức cảnh cáo").
 */
export function speaksOf(phrases: readonly string[][], sets: TermSets): boolean {
  return (
    hasHeadPhrase(phrases, sets) ||
    phrases.some((keys) => (keys.length === 4 && sets.bigrams.has(`${keys[0]}_${keys[1]}`) && sets.bigrams.has(`${keys[2]}_${keys[3]}`)) || foldedPhraseIn(measured(keys), sets))
  );
}

/** Words that name a measure of what follows them ("số điện thoại", "tốc độ tăng trưởng", "độ che phủ rừng"), folded. */
const MEASURE_WORDS: readonly string[][] = [["toc", "do"], ["ty", "le"], ["so", "luong"], ["so"], ["do"], ["muc"], ["luong"]];

/**
 * What a phrase measures, when it opens with a measure word and goes on with two syllables or more: a
 * passage that gives the figure need not name the measure ("Điện thoại: 0239…", "tăng trưởng bình quân
 * 8%/năm"). The phrase itself otherwise (which any passage holding the phrase holds).
 */
function measured(keys: readonly string[]): readonly string[] {
  const head = MEASURE_WORDS.find((words) => words.every((w, i) => keys[i] === w));
  return head && keys.length - head.length >= 2 ? keys.slice(head.length) : keys;
}

/** Whether all syllables of a one- or two-syllable phrase occur, as a bigram when there are two. */
export function hasPhrase(sets: TermSets, keys: readonly TermKey[]): boolean {
  if (keys.length >= 2 && !sets.bigrams.has(bigramsOf(keys)[0] as string)) return false;
  for (const k of keys) if (!keyIn(k, sets)) return false;
  return true;
}

/**
 * Whether every key is in the sets and every two neighbours stand together (a whole phrase, in order): as
 * `hasHeadPhrase` does for folded phrases, with the accent keys checked as `keyIn` does.
 */
export function hasWholePhrase(sets: TermSets, keys: readonly TermKey[]): boolean {
  return phraseIn(keys, sets);
}
