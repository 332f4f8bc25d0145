/**
 * A compact BM25 inverted index over pre-tokenised fields, scoring exactly as MiniSearch 7 does (BM25+
 * with k = 1.2, b = 0.7, d = 0.5; field length = distinct terms; a document's final score multiplied by
 * the number of distinct query terms it matched), but built for scale: postings live in typed arrays
 * (document slots and term frequencies, one compressed-row block per batch of additions), scores are
 * accumulated in reusable typed arrays, and only the best k results are selected. MiniSearch keeps a Map
 * per term and field and an object per matching document, which at 10,000 passages cost ~0.4 s a query
 * and 1 GB of memory.
 */

/** BM25+ parameters, MiniSearch's defaults. */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/** An index with live documents only, one segment per field: the saved form. */
export interface CompactIndex {
  /** Labels by slot. */
  labels: number[];
  /** Distinct-term counts by field, then slot. */
  lengths: number[][];
  /** Per field: terms with postings, postings per term, and the postings in term order. */
  fields: Array<{ terms: string[]; counts: Uint32Array; docs: Uint32Array; tfs: Uint16Array }>;
}

/** Postings of one batch of documents for one field, as compressed rows by term. */
interface Segment {
  /** Term ids present, ascending (sparse segments), or null when `offsets` is indexed by term id. */
  termIds: Uint32Array | null;
  /** Start of each row in `docs`/`tfs`, plus the end: by term id (dense) or by position in `termIds`. */
  offsets: Uint32Array;
  /** Document slots, ascending within a row. */
  docs: Uint32Array;
  tfs: Uint16Array;
}

/** Postings being collected for the current batch: (term id, tf) pairs per document, in slot order. */
class SegmentBuilder {
  termIds = new Uint32Array(1024);
  tfs = new Uint16Array(1024);
  length = 0;
  /** Slot of each document in the batch and where its pairs start. */
  slots: number[] = [];
  starts: number[] = [];

  push(termId: number, tf: number): void {
    if (this.length === this.termIds.length) {
      const termIds = new Uint32Array(this.length * 2);
      termIds.set(this.termIds);
      this.termIds = termIds;
      const tfs = new Uint16Array(this.length * 2);
      tfs.set(this.tfs);
      this.tfs = tfs;
    }
    this.termIds[this.length] = termId;
    this.tfs[this.length] = tf;
    this.length++;
  }
}

/** Terms and postings of one field. */
export class FieldPostings {
  readonly termIds = new Map<string, number>();
  readonly terms: string[] = [];
  segments: Segment[] = [];
  /** Distinct terms per document slot. */
  lengths = new Uint32Array(0);
  builder = new SegmentBuilder();
  // Per-term scratch used while tokenising one document.
  private seenInDoc = new Int32Array(0);
  private pairAt = new Uint32Array(0);
  private docStamp = 0;

  termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.termIds.set(term, id);
      if (id >= this.seenInDoc.length) {
        const seen = new Int32Array(Math.max(1024, this.seenInDoc.length * 2)).fill(-1);
        seen.set(this.seenInDoc);
        this.seenInDoc = seen;
        const at = new Uint32Array(seen.length);
        at.set(this.pairAt);
        this.pairAt = at;
      }
    }
    return id;
  }

  /** Adds one document's tokens to the batch being built; returns its distinct term count. */
  addTokens(slot: number, tokens: readonly string[]): number {
    const b = this.builder;
    b.slots.push(slot);
    b.starts.push(b.length);
    const stamp = ++this.docStamp;
    let distinct = 0;
    for (const token of tokens) {
      if (token.length === 0) continue;
      const id = this.termId(token);
      if (this.seenInDoc[id] !== stamp) {
        this.seenInDoc[id] = stamp;
        this.pairAt[id] = b.length;
        b.push(id, 1);
        distinct++;
      } else {
        const at = this.pairAt[id] ?? 0;
        // Saturates instead of wrapping: no passage repeats a term 65,535 times.
        b.tfs[at] = Math.min(65535, (b.tfs[at] ?? 0) + 1);
      }
    }
    return distinct;
  }

  /** Turns the batch into a segment (rows by term, slots ascending). */
  seal(): void {
    const b = this.builder;
    if (b.slots.length === 0) return;
    const termCount = this.terms.length;
    const counts = new Uint32Array(termCount + 1);
    for (let i = 0; i < b.length; i++) {
      const id = b.termIds[i] ?? 0;
      counts[id] = (counts[id] ?? 0) + 1;
    }
    const present = counts.reduce((n, c) => (c > 0 ? n + 1 : n), 0);
    // A small batch (an incremental update) indexes only its own terms, so it does not cost a full row table.
    const dense = present * 4 >= termCount;
    const termIds = dense ? null : new Uint32Array(present);
    const offsets = new Uint32Array((dense ? termCount : present) + 1);
    const cursor = new Uint32Array(termCount);
    let position = 0;
    let row = 0;
    for (let id = 0; id < termCount; id++) {
      const c = counts[id] ?? 0;
      if (dense) offsets[id] = position;
      else if (c > 0 && termIds) {
        termIds[row] = id;
        offsets[row++] = position;
      }
      cursor[id] = position;
      position += c;
    }
    offsets[offsets.length - 1] = position;
    const docs = new Uint32Array(b.length);
    const tfs = new Uint16Array(b.length);
    for (let d = 0; d < b.slots.length; d++) {
      const slot = b.slots[d] ?? 0;
      const end = d + 1 < b.starts.length ? (b.starts[d + 1] ?? 0) : b.length;
      for (let i = b.starts[d] ?? 0; i < end; i++) {
        const id = b.termIds[i] ?? 0;
        const at = cursor[id] ?? 0;
        docs[at] = slot;
        tfs[at] = b.tfs[i] ?? 0;
        cursor[id] = at + 1;
      }
    }
    this.segments.push({ termIds, offsets, docs, tfs });
    this.builder = new SegmentBuilder();
  }

  /** Restores a saved field into an empty one: its terms, then their postings as one segment. */
  restore(terms: readonly string[], counts: Uint32Array, docs: Uint32Array, tfs: Uint16Array): void {
    for (const term of terms) this.termId(term);
    if (this.terms.length !== terms.length) throw new Error("lexical index: a term is listed twice");
    const offsets = new Uint32Array(terms.length + 1);
    let position = 0;
    for (let t = 0; t < terms.length; t++) {
      offsets[t] = position;
      position += counts[t] ?? 0;
    }
    offsets[terms.length] = position;
    if (position !== docs.length || docs.length !== tfs.length) throw new Error("lexical index: posting counts disagree");
    this.segments.push({ termIds: null, offsets, docs, tfs });
  }

  /** The blocks of postings of a term, one per segment that has it. */
  rows(termId: number): Row[] {
    const rows: Row[] = [];
    for (const s of this.segments) {
      let row = termId;
      if (s.termIds) {
        row = binarySearch(s.termIds, termId);
        if (row < 0) continue;
      } else if (termId >= s.offsets.length - 1) continue;
      const start = s.offsets[row] ?? 0;
      const end = s.offsets[row + 1] ?? 0;
      if (end > start) rows.push({ docs: s.docs, tfs: s.tfs, start, end });
    }
    return rows;
  }
}

/** Postings of one term in one segment: `docs[start..end)` with their term frequencies. */
interface Row {
  docs: Uint32Array;
  tfs: Uint16Array;
  start: number;
  end: number;
}

function binarySearch(sorted: Uint32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid] ?? 0;
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
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

/** Per slot: k · (1 − b + b · length / average length), and the BM25 tf factor at tf = 1. */
interface FieldNorms {
  norm: Float64Array;
  once: Float64Array;
}

/** Score accumulators reused from one search to the next (searches are synchronous). */
class Scratch {
  scores = new Float64Array(0);
  masks = new Uint32Array(0);
  /** Search number that last touched each slot: a slot's accumulators are stale unless it is current. */
  epoch = new Uint32Array(0);
  current = 0;
  /** Touched slots in first-touched order. */
  touched = new Uint32Array(0);
  touchedCount = 0;

  reset(capacity: number, words: number): void {
    if (this.epoch.length < capacity) {
      this.scores = new Float64Array(capacity);
      this.epoch = new Uint32Array(capacity);
      this.touched = new Uint32Array(capacity);
      this.current = 0;
    }
    if (this.masks.length < capacity * words) this.masks = new Uint32Array(capacity * words);
    this.current++;
    if (this.current === 0xffffffff) {
      this.epoch.fill(0);
      this.current = 1;
    }
    this.touchedCount = 0;
  }
}

/**
 * Adds one row of postings to the accumulators: the hot loop of a search, kept monomorphic and free of
 * closures.
 */
function accumulate(row: Row, idf: number, weight: number, norms: FieldNorms, s: Scratch, words: number, word: number, bit: number, live: Uint8Array | null): void {
  const { docs, tfs, end } = row;
  const { scores, masks, epoch, touched } = s;
  const { norm, once } = norms;
  const stamp = s.current;
  const k1 = BM25.k + 1;
  let touchedCount = s.touchedCount;
  for (let p = row.start; p < end; p++) {
    const doc = docs[p] ?? 0;
    if (live !== null && live[doc] === 0) continue;
    const tf = tfs[p] ?? 0;
    // (1 · k1) / (1 + norm) is exactly `once`: the common case skips a division.
    const raw = idf * (BM25.d + (tf === 1 ? (once[doc] ?? 0) : (tf * k1) / (tf + (norm[doc] ?? 0))));
    const base = doc * words;
    if (epoch[doc] !== stamp) {
      epoch[doc] = stamp;
      touched[touchedCount++] = doc;
      scores[doc] = weight * raw;
      for (let w = 0; w < words; w++) masks[base + w] = 0;
    } else {
      scores[doc] = (scores[doc] ?? 0) + weight * raw;
    }
    masks[base + word] = (masks[base + word] ?? 0) | bit;
  }
  s.touchedCount = touchedCount;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Documents by slot: labels, liveness and per-field length statistics. */
export class InvertedIndex {
  readonly fields: FieldPostings[];
  labels = new Float64Array(0);
  live = new Uint8Array(0);
  slotCount = 0;
  liveCount = 0;
  readonly slotOf = new Map<number, number>();
  private readonly lengthSums: number[];
  /** Length normalisation per field and slot, rebuilt after changes. */
  private norms: FieldNorms[] = [];
  private normsFresh = false;
  private readonly scratch = new Scratch();

  constructor(fieldCount: number) {
    this.fields = Array.from({ length: fieldCount }, () => new FieldPostings());
    this.lengthSums = new Array<number>(fieldCount).fill(0);
  }

  private ensureCapacity(slots: number): void {
    if (slots <= this.labels.length) return;
    const capacity = Math.max(slots, Math.ceil(this.labels.length * 1.5), 256);
    const labels = new Float64Array(capacity);
    labels.set(this.labels);
    this.labels = labels;
    const live = new Uint8Array(capacity);
    live.set(this.live);
    this.live = live;
    for (const f of this.fields) {
      const lengths = new Uint32Array(capacity);
      lengths.set(f.lengths);
      f.lengths = lengths;
    }
  }

  has(label: number): boolean {
    return this.slotOf.has(label);
  }

  /** Adds a document: its label and, per field, its tokens. */
  add(label: number, fieldTokens: ReadonlyArray<readonly string[]>): void {
    if (this.slotOf.has(label)) throw new Error(`lexical index: duplicate label ${label}`);
    if (this.slotCount >= 0x7fffffff) throw new Error("lexical index: too many documents");
    const slot = this.slotCount++;
    this.ensureCapacity(this.slotCount);
    this.labels[slot] = label;
    this.live[slot] = 1;
    this.slotOf.set(label, slot);
    this.liveCount++;
    this.fields.forEach((f, i) => {
      const length = f.addTokens(slot, fieldTokens[i] ?? []);
      f.lengths[slot] = length;
      this.lengthSums[i] = (this.lengthSums[i] ?? 0) + length;
    });
    this.normsFresh = false;
  }

  /** Rebuilds an index from its saved form. */
  static restore(saved: CompactIndex): InvertedIndex {
    const index = new InvertedIndex(saved.fields.length);
    index.restoreDocuments(saved.labels, saved.lengths);
    saved.fields.forEach((f, i) => index.fields[i]?.restore(f.terms, f.counts, f.docs, f.tfs));
    return index;
  }

  private restoreDocuments(labels: readonly number[], lengths: ReadonlyArray<readonly number[]>): void {
    this.ensureCapacity(labels.length);
    labels.forEach((label, slot) => {
      if (this.slotOf.has(label)) throw new Error(`lexical index: duplicate label ${label}`);
      this.labels[slot] = label;
      this.live[slot] = 1;
      this.slotOf.set(label, slot);
    });
    this.slotCount = labels.length;
    this.liveCount = labels.length;
    this.fields.forEach((f, i) => {
      const fieldLengths = lengths[i] ?? [];
      let sum = 0;
      for (let slot = 0; slot < labels.length; slot++) {
        const length = fieldLengths[slot] ?? 0;
        f.lengths[slot] = length;
        sum += length;
      }
      this.lengthSums[i] = sum;
    });
    this.normsFresh = false;
  }

  /** Marks a document deleted; its postings are skipped until the index is compacted. */
  discard(label: number): void {
    const slot = this.slotOf.get(label);
    if (slot === undefined) return;
    this.slotOf.delete(label);
    this.live[slot] = 0;
    this.liveCount--;
    this.fields.forEach((f, i) => {
      this.lengthSums[i] = (this.lengthSums[i] ?? 0) - (f.lengths[slot] ?? 0);
    });
    this.normsFresh = false;
  }

  /** Seals pending additions into segments. */
  seal(): void {
    for (const f of this.fields) f.seal();
  }

  private refreshNorms(): void {
    if (this.normsFresh) return;
    this.norms = this.fields.map((f, i) => {
      const norm = new Float64Array(this.slotCount);
      const once = new Float64Array(this.slotCount);
      const avg = this.liveCount > 0 ? (this.lengthSums[i] ?? 0) / this.liveCount : 0;
      for (let slot = 0; slot < this.slotCount; slot++) {
        norm[slot] = BM25.k * (1 - BM25.b + (BM25.b * (f.lengths[slot] ?? 0)) / avg);
        once[slot] = (1 * (BM25.k + 1)) / (1 + (norm[slot] ?? 0));
      }
      return { norm, once };
    });
    this.normsFresh = true;
  }

  /** Live postings of a term in its rows. */
  private documentFrequency(rows: readonly Row[]): number {
    let df = 0;
    const allLive = this.liveCount === this.slotCount;
    for (const { docs, start, end } of rows) {
      if (allLive) df += end - start;
      else for (let p = start; p < end; p++) if (this.live[docs[p] ?? 0]) df++;
    }
    return df;
  }

  /**
   * Runs the look-ups in order and returns the best `k` documents by BM25+ score times the number of
   * distinct query terms matched, ties in the order documents were first matched (as MiniSearch sorts).
   */
  search(lookups: readonly TermLookup[], queryTerms: number, k: number): Array<{ label: number; score: number }> {
    this.seal();
    this.refreshNorms();
    const words = Math.max(1, Math.ceil(queryTerms / 32));
    const scratch = this.scratch;
    scratch.reset(this.slotCount, words);
    const live = this.liveCount === this.slotCount ? null : this.live;
    const n = this.liveCount;
    for (const lookup of lookups) {
      const field = this.fields[lookup.field];
      const termId = field?.termIds.get(lookup.term);
      if (!field || termId === undefined) continue;
      const rows = field.rows(termId);
      const df = this.documentFrequency(rows);
      if (df === 0) continue;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const norms = this.norms[lookup.field] ?? { norm: new Float64Array(0), once: new Float64Array(0) };
      for (const row of rows) accumulate(row, idf, lookup.weight, norms, scratch, words, lookup.queryTerm >>> 5, 1 << (lookup.queryTerm & 31), live);
    }
    return this.best(words, k);
  }

  /** The k best touched documents; a stable selection, so equal scores keep first-matched order. */
  private best(words: number, k: number): Array<{ label: number; score: number }> {
    const { scores, masks, touched, touchedCount } = this.scratch;
    const top: Array<{ slot: number; score: number }> = [];
    if (k <= 0) return [];
    for (let i = 0; i < touchedCount; i++) {
      const slot = touched[i] ?? 0;
      let quality = 0;
      for (let w = 0; w < words; w++) quality += popcount(masks[slot * words + w] ?? 0);
      const score = (scores[slot] ?? 0) * (quality || 1);
      if (top.length === k && score <= (top[k - 1]?.score ?? -Infinity)) continue;
      let at = top.length;
      while (at > 0 && (top[at - 1]?.score ?? 0) < score) at--;
      top.splice(at, 0, { slot, score });
      if (top.length > k) top.pop();
    }
    return top.map(({ slot, score }) => ({ label: this.labels[slot] ?? -1, score }));
  }

  /**
   * Live documents and postings compacted into one segment per field, slots renumbered in order:
   * what is saved, and what `vacuum` keeps.
   */
  compacted(): CompactIndex {
    this.seal();
    const newSlot = new Int32Array(this.slotCount).fill(-1);
    const labels: number[] = [];
    const lengths = this.fields.map(() => [] as number[]);
    for (let slot = 0; slot < this.slotCount; slot++) {
      if (!this.live[slot]) continue;
      newSlot[slot] = labels.length;
      labels.push(this.labels[slot] ?? 0);
      this.fields.forEach((f, i) => lengths[i]?.push(f.lengths[slot] ?? 0));
    }
    const fields = this.fields.map((f) => {
      const terms: string[] = [];
      const countsList: number[] = [];
      let total = 0;
      for (const s of f.segments) total += s.docs.length;
      const docs = new Uint32Array(total);
      const tfs = new Uint16Array(total);
      let out = 0;
      f.terms.forEach((term, termId) => {
        const before = out;
        for (const row of f.rows(termId)) {
          for (let p = row.start; p < row.end; p++) {
            const slot = newSlot[row.docs[p] ?? 0] ?? -1;
            if (slot < 0) continue;
            docs[out] = slot;
            tfs[out] = row.tfs[p] ?? 0;
            out++;
          }
        }
        // Terms left without live postings are dropped.
        if (out > before) {
          terms.push(term);
          countsList.push(out - before);
        }
      });
      return { terms, counts: Uint32Array.from(countsList), docs: docs.subarray(0, out), tfs: tfs.subarray(0, out) };
    });
    return { labels, lengths, fields };
  }
}
