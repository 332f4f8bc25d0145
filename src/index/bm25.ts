/**
 * Top-k BM25+ search over an inverted index, with MiniSearch 7's scoring: per look-up (a term in a field,
 * weighted), `weight · idf · (d + tf · (k + 1) / (tf + k · (1 − b + b · length / average)))`, summed per
 * document in look-up order, the sum multiplied by the number of distinct query terms matched, ties
 * kept in the order documents were first matched.
 *
 * The same top k is found without reading most postings. Terms that many documents contain ("có",
 * "đảng") carry most of a question's postings but add little score: a first pass reads only the
 * other look-ups; the common look-ups can then add at most a known amount to any document, so every
 * document that pass did not reach, and every reached one that cannot catch up with the k-th best, is
 * ruled out. The few hundred remaining candidates get the common look-ups by binary search in their
 * postings. Their scores equal a full pass's up to rounding (the sum is taken in another order), so
 * only documents within ~1e-15 of each other could swap places. When the bound does not rule enough
 * out, a full pass runs. At 100,000 passages this is ~3.5× faster than the full pass.
 */
/** BM25+ parameters, MiniSearch's defaults. */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/**
 * Look-ups whose term is in more than this share of the documents are read only for candidates. On real
 * text (the documents beside 2,016 Wikipedia articles, 108k passages) no question term is in half the
 * passages: at 0.5 the first pass never ran (160 of 160 searches were full passes); at 0.1, 153 of 162
 * were pruned, and the answers are the same.
 */
const COMMON_SHARE = 0.1;
/** Below this many documents a full pass is cheap enough. */
const PRUNE_MIN_DOCUMENTS = 2000;
/** Above this many candidates, rescoring them one by one costs more than a full pass. */
const MAX_CANDIDATES = 4000;
/** Relative safety margin of the bounds against floating-point rounding. */
const EPSILON = 1e-9;

/** Postings of one term in one segment: `docs[start..end)` with their term frequencies. */
export interface Row {
  docs: Uint32Array;
  tfs: Uint16Array;
  start: number;
  end: number;
}

/** Per slot: k · (1 − b + b · length / average length), and the BM25 tf factor at tf = 1. */
export interface FieldNorms {
  norm: Float64Array;
  once: Float64Array;
}

/**
 * What the scorer reads of an index (invertedIndex.ts implements it): postings by field and term, the
 * documents by slot, and the length normalisation. The scorer knows nothing else of how postings are kept.
 */
export interface ScoredPostings {
  readonly fields: ReadonlyArray<{ readonly termIds: ReadonlyMap<string, number>; rows(termId: number): Row[] }>;
  /** Labels by slot. */
  readonly labels: Float64Array;
  /** 1 for a live slot, 0 for a removed one. */
  readonly live: Uint8Array;
  readonly slotCount: number;
  readonly liveCount: number;
  documentFrequency(rows: readonly Row[]): number;
  fieldNorms(field: number): FieldNorms;
}

/** One weighted look-up of a search: a term in a field, counted for a query term. */
export interface TermLookup {
  field: number;
  term: string;
  /** Field boost times term weight (1 for the term itself, less for a fuzzy variant). */
  weight: number;
  /** Index of the query term it counts for (distinct query terms multiply a document's score). */
  queryTerm: number;
}

/** A look-up resolved against the index. */
interface Prepared {
  rows: Row[];
  df: number;
  idf: number;
  weight: number;
  norms: FieldNorms;
  word: number;
  bit: number;
  /** Largest score it can add to one document. */
  bound: number;
}

/** Index of `value` in the ascending range [from, to) of an array, or -1. */
export function binarySearch(sorted: Uint32Array, value: number, from = 0, to = sorted.length): number {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid] ?? 0;
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** First index in the ascending range [from, to) of an array whose value is at least `value` (`to` if none). */
export function lowerBound(sorted: Uint32Array, value: number, from = 0, to = sorted.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Score accumulators reused from one search to the next (searches are synchronous). A slot's score is 0
 * until a posting touches it (every posting adds a positive amount), and `clear` zeroes the touched slots
 * again after a search, so nothing is cleared per posting.
 */
export class Scratch {
  scores = new Float64Array(0);
  masks = new Uint32Array(0);
  words = 1;
  /** Touched slots in first-touched order. */
  touched = new Uint32Array(0);
  touchedCount = 0;
  /** Position of the look-up that first touched each slot. */
  first = new Int32Array(0);

  reset(capacity: number, words: number): void {
    if (this.scores.length < capacity || this.masks.length < capacity * words) {
      this.scores = new Float64Array(capacity);
      this.touched = new Uint32Array(capacity);
      this.first = new Int32Array(capacity);
      this.masks = new Uint32Array(capacity * words);
    }
    this.words = words;
    this.touchedCount = 0;
  }

  clear(): void {
    const { scores, masks, touched, words } = this;
    for (let i = 0; i < this.touchedCount; i++) {
      const slot = touched[i] ?? 0;
      scores[slot] = 0;
      for (let w = 0; w < words; w++) masks[slot * words + w] = 0;
    }
    this.touchedCount = 0;
  }
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** BM25+ of one posting, written as MiniSearch computes it; `once` is the tf factor at tf = 1 (exactly). */
function rawScore(idf: number, tf: number, slot: number, norms: FieldNorms): number {
  return idf * (BM25.d + (tf === 1 ? (norms.once[slot] ?? 0) : (tf * (BM25.k + 1)) / (tf + (norms.norm[slot] ?? 0))));
}

/**
 * Adds postings `from..to` of one row to the accumulators (the whole row by default): the hot loop, kept
 * monomorphic and free of closures.
 */
function accumulate(row: Row, l: Prepared, position: number, s: Scratch, words: number, live: Uint8Array | null, from = row.start, end = row.end): void {
  const { docs, tfs } = row;
  const { scores, masks, touched, first } = s;
  const { once, norm } = l.norms;
  const { idf, weight, word, bit } = l;
  const k1 = BM25.k + 1;
  let touchedCount = s.touchedCount;
  for (let p = from; p < end; p++) {
    const doc = docs[p] ?? 0;
    if (live !== null && live[doc] === 0) continue;
    const tf = tfs[p] ?? 0;
    const raw = idf * (BM25.d + (tf === 1 ? (once[doc] ?? 0) : (tf * k1) / (tf + (norm[doc] ?? 0))));
    const before = scores[doc] ?? 0;
    if (before === 0) {
      touched[touchedCount++] = doc;
      first[doc] = position;
      scores[doc] = weight * raw;
    } else {
      scores[doc] = before + weight * raw;
    }
    const m = doc * words + word;
    masks[m] = (masks[m] ?? 0) | bit;
  }
  s.touchedCount = touchedCount;
}

function quality(masks: Uint32Array, base: number, words: number): number {
  let q = 0;
  for (let w = 0; w < words; w++) q += popcount(masks[base + w] ?? 0);
  return q;
}

/** A scored document with its first-match position, for MiniSearch's stable ordering of ties. */
interface Ranked {
  slot: number;
  score: number;
  /** First look-up that matched it, then its slot: the order a full pass first touches documents in. */
  firstLookup: number;
}

/** True when `a` ranks above `b`: higher score, or the same score and matched first. */
function ranksAbove(a: Ranked, b: Ranked): boolean {
  return a.score > b.score || (a.score === b.score && (a.firstLookup < b.firstLookup || (a.firstLookup === b.firstLookup && a.slot < b.slot)));
}

/** True when a document with this score cannot enter a full top-k list. */
function cannotEnter(top: readonly Ranked[], k: number, score: number): boolean {
  return top.length === k && score < (top[k - 1]?.score ?? 0);
}

/** Keeps the k best of `candidate` in `top` (best first; ties by first match). */
function offer(top: Ranked[], candidate: Ranked, k: number): void {
  const last = top[top.length - 1];
  if (top.length === k && last && !ranksAbove(candidate, last)) return;
  let at = top.length;
  while (at > 0) {
    const above = top[at - 1];
    if (!above || !ranksAbove(candidate, above)) break;
    at--;
  }
  top.splice(at, 0, candidate);
  if (top.length > k) top.pop();
}

/**
 * Runs the look-ups and returns the best `k` documents by label. With `within` (ascending, non-overlapping
 * slot ranges as start, end pairs), only documents in those ranges are scored, with the whole index's
 * term statistics: the same scores they have in an unrestricted search.
 */
export function searchBm25(index: ScoredPostings, lookups: readonly TermLookup[], queryTerms: number, k: number, scratch: Scratch, within: Uint32Array | null = null): Array<{ label: number; score: number }> {
  if (k <= 0) return [];
  const n = index.liveCount;
  const prepared: Prepared[] = [];
  for (const lookup of lookups) {
    const field = index.fields[lookup.field];
    const termId = field?.termIds.get(lookup.term);
    // A weight of 0 would leave a matched document's score at 0, which marks an untouched one.
    if (!field || termId === undefined || !(lookup.weight > 0)) continue;
    const rows = field.rows(termId);
    const df = index.documentFrequency(rows);
    if (df === 0) continue;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    prepared.push({ rows, df, idf, weight: lookup.weight, norms: index.fieldNorms(lookup.field), word: lookup.queryTerm >>> 5, bit: 1 << (lookup.queryTerm & 31), bound: lookup.weight * idf * (BM25.d + BM25.k + 1) });
  }
  const words = Math.max(1, Math.ceil(queryTerms / 32));
  const live = index.liveCount === index.slotCount ? null : index.live;
  let top: Ranked[] | null = null;
  try {
    if (within === null && n >= PRUNE_MIN_DOCUMENTS) top = prunedPass(index, prepared, queryTerms, words, k, scratch, live);
    scratch.clear();
    top ??= fullPass(index, prepared, words, k, scratch, live, within);
  } finally {
    scratch.clear();
  }
  return top.map(({ slot, score }) => ({ label: index.labels[slot] ?? -1, score }));
}

/** Every posting of every look-up (in the slot ranges of `within`, when given). */
function fullPass(index: ScoredPostings, prepared: readonly Prepared[], words: number, k: number, s: Scratch, live: Uint8Array | null, within: Uint32Array | null): Ranked[] {
  s.reset(index.slotCount, words);
  prepared.forEach((l, position) => {
    for (const row of l.rows) {
      if (within === null) {
        accumulate(row, l, position, s, words, live);
        continue;
      }
      let from = row.start;
      for (let r = 0; r + 1 < within.length && from < row.end; r += 2) {
        const start = lowerBound(row.docs, within[r] ?? 0, from, row.end);
        const end = lowerBound(row.docs, within[r + 1] ?? 0, start, row.end);
        if (end > start) accumulate(row, l, position, s, words, live, start, end);
        from = end;
      }
    }
  });
  const top: Ranked[] = [];
  for (let i = 0; i < s.touchedCount; i++) {
    const slot = s.touched[i] ?? 0;
    const score = (s.scores[slot] ?? 0) * (quality(s.masks, slot * words, words) || 1);
    if (cannotEnter(top, k, score)) continue;
    // Touched order is first-match order, so the position stands in for the first look-up.
    offer(top, { slot, score, firstLookup: i }, k);
  }
  return top;
}

/** A look-up left out of the first pass, with its position in the full order. */
interface CommonLookup {
  l: Prepared;
  position: number;
}

/** Adds the common look-ups to a document the first pass reached (binary searches, not list scans). */
function complete(slot: number, common: readonly CommonLookup[], s: Scratch, words: number): Ranked {
  let score = s.scores[slot] ?? 0;
  let firstLookup = s.first[slot] ?? 0;
  const base = slot * words;
  for (const { l, position } of common) {
    const tf = termFrequency(l.rows, slot);
    if (tf === 0) continue;
    score += l.weight * rawScore(l.idf, tf, slot, l.norms);
    s.masks[base + l.word] = (s.masks[base + l.word] ?? 0) | l.bit;
    if (position < firstLookup) firstLookup = position;
  }
  return { slot, score: score * (quality(s.masks, base, words) || 1), firstLookup };
}

/**
 * The pass over uncommon look-ups, the bound, and the common look-ups for the remaining candidates only;
 * null when the bound does not rule enough out.
 */
function prunedPass(index: ScoredPostings, prepared: readonly Prepared[], queryTerms: number, words: number, k: number, s: Scratch, live: Uint8Array | null): Ranked[] | null {
  const commonDf = Math.max(k, Math.floor(index.liveCount * COMMON_SHARE));
  const common: CommonLookup[] = [];
  prepared.forEach((l, position) => {
    if (l.df > commonDf) common.push({ l, position });
  });
  if (common.length === 0) return null;
  s.reset(index.slotCount, words);
  prepared.forEach((l, position) => {
    if (l.df <= commonDf) for (const row of l.rows) accumulate(row, l, position, s, words, live);
  });
  if (s.touchedCount < k) return null;

  // What the common look-ups can still add: to the score, and to the count of distinct terms matched.
  let commonBound = 0;
  const commonMask = new Uint32Array(words);
  for (const { l } of common) {
    commonBound += l.bound;
    commonMask[l.word] = (commonMask[l.word] ?? 0) | l.bit;
  }
  // A document the first pass did not reach gets at most every common look-up's best.
  const unreachedBound = commonBound * quality(commonMask, 0, words) * (1 + EPSILON);

  // A floor for the k-th best final score: the exact scores of the k documents that look best so far.
  const { scores, masks, touched } = s;
  const best: number[] = [];
  const bestPartial: number[] = [];
  for (let i = 0; i < s.touchedCount; i++) {
    const slot = touched[i] ?? 0;
    const partial = (scores[slot] ?? 0) * quality(masks, slot * words, words);
    if (best.length === k && partial <= (bestPartial[k - 1] ?? 0)) continue;
    let at = best.length;
    while (at > 0 && (bestPartial[at - 1] ?? 0) < partial) at--;
    best.splice(at, 0, slot);
    bestPartial.splice(at, 0, partial);
    if (best.length > k) {
      best.pop();
      bestPartial.pop();
    }
  }
  const top: Ranked[] = [];
  for (const slot of best) offer(top, complete(slot, common, s, words), k);
  const floor = (top[k - 1]?.score ?? 0) * (1 - EPSILON);
  if (unreachedBound >= floor) return null;

  // Every other reached document that could still get above the floor is completed.
  const firstPicked = new Set(best);
  const anyTerms = queryTerms * (1 + EPSILON);
  let completed = best.length;
  for (let i = 0; i < s.touchedCount; i++) {
    const slot = touched[i] ?? 0;
    const reachable = (scores[slot] ?? 0) + commonBound;
    // Cheap test first (every query term matched), then the terms it can still match.
    if (reachable * anyTerms < floor) continue;
    let q = 0;
    for (let w = 0; w < words; w++) q += popcount((masks[slot * words + w] ?? 0) | (commonMask[w] ?? 0));
    if (reachable * q * (1 + EPSILON) < floor || firstPicked.has(slot)) continue;
    if (++completed > MAX_CANDIDATES) return null;
    offer(top, complete(slot, common, s, words), k);
  }
  return top;
}

/** Term frequency of a document in a look-up's rows (0 when absent). */
function termFrequency(rows: readonly Row[], slot: number): number {
  for (const row of rows) {
    const at = binarySearch(row.docs, slot, row.start, row.end);
    if (at >= 0) return row.tfs[at] ?? 0;
  }
  return 0;
}
