/**
 * Wrong options for number questions: numbers of the same shape and size from elsewhere in the corpus,
 * or the answer perturbed (±1 to about ±25 %), written exactly as the answer is written. A value the
 * source passage itself states is never offered, so no wrong option can be defended from the passage.
 */
import { dateParts, formatDateLike, formatLike, isValidDate, scanNumbers, scanNumberWords, type NumberToken } from "./numbers.js";
import type { NumericFact } from "./numeric.js";
import { randomInt, shuffled, type Rng } from "./random.js";

/** A number fact anywhere in the corpus, as a source of plausible wrong options. */
export interface CorpusNumber {
  kind: NumericFact["kind"];
  token: NumberToken;
  noun: string;
}

const PERTURBATIONS = 12;
const ROUND_PERCENTS = [50, 60, 70, 75, 80, 85, 90, 95];

/** A key naming a value, so that "1.357" and "1357", or two spellings of one date, compare equal. */
export function valueKey(kind: NumericFact["kind"], token: Pick<NumberToken, "text" | "value">): string {
  switch (kind) {
    case "percent":
      return `p:${token.value}`;
    case "fraction":
      return `f:${token.text.replace(/\s/g, "")}`;
    case "date":
      return `d:${token.value}`;
    case "documentCode":
      return `k:${token.text.toUpperCase().replace(/–/g, "-")}`;
    default:
      return `n:${token.value}`;
  }
}

/** Keys of every value a passage states, in any form (a count, part of a fraction, a percentage, a date). */
export function passageValueKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const t of scanNumbers(text)) {
    const kind = t.shape === "code" ? "documentCode" : t.shape === "numberWord" ? "count" : t.shape;
    keys.add(valueKey(kind, t));
  }
  for (const t of scanNumberWords(text)) keys.add(`n:${t.value}`);
  for (const m of text.matchAll(/\d{1,3}(?:\.\d{3})+|\d+/g)) keys.add(`n:${Number(m[0].replace(/\./g, ""))}`);
  return keys;
}

interface Candidate {
  text: string;
  key: string;
  /** The comparable value for counts, fractions (numerator), percentages and years. */
  value?: number;
}

/**
 * Up to `want` wrong options for a number fact, drawn with `rng`. `isStated` rejects candidates whose text
 * the source states anyway ("mười" inside "mười hai").
 */
export function numberDistractors(
  fact: NumericFact,
  corpus: CorpusNumberIndex,
  passageKeys: ReadonlySet<string>,
  rng: Rng,
  opts: { want: number; isStated: (text: string) => boolean },
): string[] {
  const want = opts.want;
  const answerKey = valueKey(fact.kind, fact.token);
  const chosen: Candidate[] = [];
  const take = (candidates: readonly Candidate[], limit: number): void => {
    for (const c of shuffled(candidates, rng)) {
      if (chosen.length >= limit) return;
      if (!respectsBound(fact, c) || opts.isStated(c.text) || c.key === answerKey || passageKeys.has(c.key) || c.text === fact.token.text || chosen.some((x) => x.key === c.key || x.text === c.text)) continue;
      chosen.push(c);
    }
  };
  const { similar, others } = fromCorpus(fact, corpus, rng);
  // At most one wrong option comes from elsewhere in the corpus: more would turn the question into
  // "which of these numbers do you remember", not "what does the document say".
  take(similar, 1);
  take(perturbed(fact, rng), want);
  take(others, want);
  return chosen.map((c) => c.text);
}

/** Under "hơn 100" only larger values are wrong, under "dưới 50%" only smaller ones; "khoảng 30" needs a clear gap. */
function respectsBound(fact: NumericFact, c: Candidate): boolean {
  if (fact.bound === null || c.value === undefined) return true;
  const v = fact.token.value;
  if (fact.bound === "above") return c.value > v;
  if (fact.bound === "below") return c.value < v;
  return Math.abs(c.value - v) >= v * 0.2;
}

function headNoun(noun: string): string {
  return noun.split(/[\s,]+/).slice(0, 2).join(" ");
}

/**
 * How many corpus numbers in range a question looks at, among those counting the same thing and among
 * all: a random sample, so the cost does not grow with the corpus.
 */
const CORPUS_SAMPLE = { similar: 8, any: 16 } as const;

/** A corpus number filed under a lookup group, with the value its group is sorted by and its head noun. */
interface Filed {
  value: number;
  number: CorpusNumber;
  head: string;
}

/**
 * Corpus numbers filed by what a question of each kind may draw from (quantities, percentages, fractions
 * by denominator, years, dates, document codes by suffix), each group sorted by value: a question finds
 * its candidates by binary search and samples them, instead of scanning every number of the corpus.
 */
export class CorpusNumberIndex {
  private readonly groups = new Map<string, Filed[]>();

  constructor(numbers: readonly CorpusNumber[]) {
    const file = (group: string, value: number, number: CorpusNumber, head: string): void => {
      let list = this.groups.get(group);
      if (!list) this.groups.set(group, (list = []));
      list.push({ value, number, head });
    };
    for (const c of numbers) {
      // (A number's head noun is worked out once, here, not at each draw that meets it.)
      const head = headNoun(c.noun);
      switch (c.kind) {
        case "count":
        case "numberWord":
          file("quantity", c.token.value, c, head);
          if (head !== "") file(`quantity:${head}`, c.token.value, c, head);
          break;
        case "percent":
          file("percent", c.token.value, c, head);
          break;
        case "fraction":
          file(`fraction:${c.token.text.split("/")[1] ?? ""}`, Number(c.token.text.split("/")[0]), c, head);
          break;
        case "year":
          file("year", c.token.value, c, head);
          break;
        case "date":
          file("date", c.token.value, c, head);
          file("year", dateParts(c.token).year, c, head);
          break;
        case "documentCode":
          file(`code:${c.token.text.replace(/^\d+/, "")}`, c.token.value, c, head);
          break;
      }
    }
    for (const list of this.groups.values()) list.sort((a, b) => a.value - b.value);
  }

  /** Numbers of a group with values in [min, max], as a slice of the sorted group. */
  range(group: string, min = -Infinity, max = Infinity): { list: readonly Filed[]; from: number; to: number } {
    const list = this.groups.get(group) ?? [];
    return { list, from: lowerBound(list, min), to: lowerBound(list, max, true) };
  }
}

/** First position whose value is ≥ `value` (or > it, when `after`). */
function lowerBound(list: readonly Filed[], value: number, after = false): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = list[mid]?.value ?? 0;
    if (v < value || (after && v === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Up to `size` distinct random positions of [from, to), in random order (a partial Fisher–Yates). */
function samplePositions(from: number, to: number, size: number, rng: Rng): number[] {
  const n = to - from;
  const swapped = new Map<number, number>();
  const out: number[] = [];
  for (let i = 0; i < Math.min(size, n); i++) {
    const j = i + Math.floor(rng() * (n - i));
    const atJ = swapped.get(j) ?? j;
    swapped.set(j, swapped.get(i) ?? i);
    out.push(from + atJ);
  }
  return out;
}

/** The group and value range a fact's corpus candidates come from. */
function lookupFor(fact: NumericFact): { group: string; min: number; max: number } {
  const v = fact.token.value;
  switch (fact.kind) {
    case "count":
    case "numberWord":
      return v <= 10 ? { group: "quantity", min: v - 5, max: v + 5 } : { group: "quantity", min: v / 3, max: v * 3 };
    case "percent":
      return { group: "percent", min: v / 3, max: Math.min(100, v * 3) };
    case "fraction":
      return { group: `fraction:${fact.token.text.split("/")[1] ?? ""}`, min: -Infinity, max: Infinity };
    case "year":
      return { group: "year", min: v - 12, max: v + 12 };
    case "date":
      return { group: "date", min: -Infinity, max: Infinity };
    case "documentCode":
      return { group: `code:${fact.token.text.replace(/^\d+/, "")}`, min: -Infinity, max: Infinity };
  }
}

function fromCorpus(fact: NumericFact, corpus: CorpusNumberIndex, rng: Rng): { similar: Candidate[]; others: Candidate[] } {
  const similar: Candidate[] = [];
  const others: Candidate[] = [];
  const { group, min, max } = lookupFor(fact);
  const noun = headNoun(fact.noun);
  const draw = (slice: { list: readonly Filed[]; from: number; to: number }, size: number): void => {
    for (const at of samplePositions(slice.from, slice.to, size, rng)) {
      const filed = slice.list[at];
      const found = filed ? asCandidate(fact, noun, filed) : null;
      if (found) (found.isSimilar ? similar : others).push(found.candidate);
    }
  };
  // Quantities counting the same thing are filed apart too: a sample of all of them would seldom find one.
  if (group === "quantity" && noun !== "") draw(corpus.range(`quantity:${noun}`, min, max), CORPUS_SAMPLE.similar);
  draw(corpus.range(group, min, max), CORPUS_SAMPLE.any);
  return { similar, others };
}

/**
 * A corpus number as a wrong option for `fact` (whose head noun is `factHead`), written like its answer;
 * null when it does not fit.
 */
function asCandidate(fact: NumericFact, factHead: string, filed: Filed): { candidate: Candidate; isSimilar: boolean } | null {
  const c = filed.number;
  const v = fact.token.value;
  switch (fact.kind) {
    case "count":
    case "numberWord": {
      if (c.kind !== "count" && c.kind !== "numberWord") return null;
      const w = c.token.value;
      const close = v <= 10 ? Math.abs(w - v) <= 5 && w > 0 : w >= v / 3 && w <= v * 3;
      if (!close || !Number.isInteger(w) !== !Number.isInteger(v) || (fact.kind === "numberWord" && (w < 2 || w > 99))) return null;
      return { candidate: { text: formatLike(fact.token, w), key: `n:${w}`, value: w }, isSimilar: filed.head !== "" && filed.head === factHead };
    }
    case "percent":
      if (c.kind === "percent" && c.token.value >= v / 3 && c.token.value <= Math.min(100, v * 3) && decimalsOf(c.token.text) === decimalsOf(fact.token.text)) {
        return { candidate: { text: formatLike(fact.token, c.token.value), key: `p:${c.token.value}`, value: c.token.value }, isSimilar: true };
      }
      return null;
    case "fraction": {
      const [, b] = fact.token.text.split("/");
      const [ca, cb] = c.token.text.split("/");
      if (c.kind === "fraction" && cb === b && ca !== undefined) return { candidate: { text: `${ca}/${cb}`, key: `f:${ca}/${cb}`, value: Number(ca) }, isSimilar: true };
      return null;
    }
    case "year": {
      const year = c.kind === "year" ? c.token.value : c.kind === "date" ? dateParts(c.token).year : null;
      if (year === null || Math.abs(year - v) > 12) return null;
      return { candidate: { text: String(year), key: `n:${year}` }, isSimilar: true };
    }
    case "date": {
      if (c.kind !== "date") return null;
      const { day, month, year } = dateParts(c.token);
      return { candidate: { text: formatDateLike(fact.token, day, month, year), key: `d:${c.token.value}` }, isSimilar: true };
    }
    case "documentCode":
      if (c.kind === "documentCode" && c.token.text.replace(/^\d+/, "") === fact.token.text.replace(/^\d+/, "")) return { candidate: { text: c.token.text, key: valueKey("documentCode", c.token) }, isSimilar: true };
      return null;
  }
}

function perturbed(fact: NumericFact, rng: Rng): Candidate[] {
  const t = fact.token;
  switch (fact.kind) {
    case "count":
    case "numberWord":
      return perturbQuantity(t.value, decimalsOf(t.text), rng, fact.kind === "numberWord" ? { min: 2, max: 99 } : { min: 1, max: Infinity }).map((w) => ({ text: formatLike(t, w), key: `n:${w}`, value: w }));
    case "percent": {
      const values = t.value === 100 ? ROUND_PERCENTS : perturbQuantity(t.value, decimalsOf(t.text), rng, { min: 0.1, max: 100 });
      return values.map((w) => ({ text: formatLike(t, w), key: `p:${w}`, value: w }));
    }
    case "fraction": {
      const [a = 0, b = 0] = t.text.split("/").map(Number);
      return perturbQuantity(a, 0, rng, { min: 1, max: b }).map((w) => ({ text: `${w}/${b}`, key: `f:${w}/${b}`, value: w }));
    }
    case "year":
      return [-5, -4, -3, -2, -1, 1, 2, 3, 4, 5].map((d) => ({ text: String(t.value + d), key: `n:${t.value + d}` }));
    case "date":
      return perturbDate(t, rng);
    case "documentCode": {
      const n = t.value;
      return perturbQuantity(n, 0, rng, { min: 1, max: Infinity }).map((w) => {
        const text = t.text.replace(/^\d+/, String(w));
        return { text, key: valueKey("documentCode", { text, value: w }) };
      });
    }
  }
}

function decimalsOf(text: string): number {
  const body = text.replace(/\s?%$/, "");
  return body.includes(",") ? (body.split(",")[1]?.length ?? 0) : 0;
}

/**
 * Values near `value`: small numbers move by 1–4; larger ones by about 5–25 %, in steps of 5 or 10 when
 * the answer is itself round (so 100 gets 80 and 120, not 97).
 */
export function perturbQuantity(value: number, decimals: number, rng: Rng, bounds: { min: number; max: number }): number[] {
  const scale = 10 ** decimals;
  const v = Math.round(value * scale);
  const step = v >= 20 && v % 10 === 0 ? 10 : v >= 20 && v % 5 === 0 ? 5 : 1;
  const out = new Set<number>();
  if (v <= 10) {
    for (let d = -4; d <= 4; d++) if (d !== 0) out.add(v + d);
  } else {
    const minSteps = Math.max(1, Math.round((v * 0.05) / step));
    const maxSteps = Math.max(minSteps + 2, Math.round((v * 0.25) / step));
    for (let i = 0; i < PERTURBATIONS * 3 && out.size < PERTURBATIONS; i++) {
      const d = randomInt(rng, minSteps, maxSteps) * step * (rng() < 0.5 ? -1 : 1);
      out.add(v + d);
    }
  }
  return [...out].map((w) => w / scale).filter((w) => w >= bounds.min && w <= bounds.max && w !== value);
}

function perturbDate(t: NumberToken, rng: Rng): Candidate[] {
  const { day, month, year } = dateParts(t);
  const out: Candidate[] = [];
  const add = (d: number, m: number, y: number): void => {
    if (!isValidDate(d, m, y) || (d === day && m === month && y === year)) return;
    const text = formatDateLike(t, d, m, y);
    out.push({ text, key: `d:${Math.round(Date.UTC(y, m - 1, d) / 86_400_000)}` });
  };
  for (const dy of [-2, -1, 1, 2]) add(day, month, year + dy);
  for (const dm of [-2, -1, 1, 2]) add(day, month + dm, year);
  for (let i = 0; i < 4; i++) add(day + randomInt(rng, 1, 9) * (rng() < 0.5 ? -1 : 1), month, year);
  return out;
}
