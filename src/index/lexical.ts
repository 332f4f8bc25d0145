/**
 * The lexical side of retrieval: a BM25 inverted index over pre-analysed Vietnamese terms.
 * Fields: accented syllables, folded syllables (typo-tolerant), phrase bigrams, and the passage's
 * section context. Terms are analysed once by `analyzeText`, so the index only splits on spaces.
 *
 * It ranks exactly as the MiniSearch configuration it replaced (same fields, boosts and BM25+ scoring;
 * see invertedIndex.ts; fuzzy matching only for folded terms no passage has), and still reads index
 * files MiniSearch wrote, but answers in milliseconds at 100,000 passages instead of seconds, with a
 * fraction of the memory and file size.
 */
import { analyzeText, type TermView } from "../text/analyze.js";
import type { TermLookup } from "./bm25.js";
import { InvertedIndex } from "./invertedIndex.js";
import { decodeLexicalDelta, decodeLexicalJson, encodeLexicalDelta, encodeLexicalJson, readLexicalFile } from "./lexicalFormat.js";
import { withinOneEdit } from "../text/normalize.js";

/** What the lexical index stores per passage. */
interface LexicalDoc {
  id: number;
  acc: string;
  fold: string;
  bi: string;
  ctx: string;
}

/** A query as the lexical index wants it. */
export interface LexicalQuery {
  /** Accent keys, or null when the question was typed without diacritics. */
  accent: string[] | null;
  fold: string[];
  bigrams: string[];
}

/** A scored hit. */
export interface LexicalHit {
  label: number;
  score: number;
}

const FIELDS = ["acc", "fold", "bi", "ctx"] as const;
const FIELD = { acc: 0, fold: 1, bi: 2, ctx: 3 } as const;
/** Field boosts of the query parts, and the weight of a fuzzy (one edit away) variant of a folded term. */
const BOOST = { fold: 1, foldInContext: 0.3, accent: 1.2, bigram: 1.5, bigramInContext: 0.4, fuzzy: 0.4 } as const;

const splitOnSpace = (text: string): string[] => (text.length > 0 ? text.split(" ") : []);

/**
 * Long words that are not numbers, when no passage has them, match their one-edit variants ("nghep" ~
 * "nghiep"). A word the passages have matches only itself: its variants are other words ("nguoi" ~
 * "nguon"), and a typo that happens to be a word is the spelling check's to correct (qa/spelling.ts).
 * At 100,000 passages the variants of known words were a fifth of the postings a question read, and
 * changed no answer of any evaluation set.
 */
const isFuzzy = (term: string): boolean => term.length >= 5 && !/^\d/.test(term);

/**
 * Turns a passage (text plus section context) into the lexical document. `view` and `contextView`, when
 * the caller has already analysed `text` and `context`, save analysing them again.
 */
export function toLexicalDoc(label: number, text: string, context: string, view: TermView = analyzeText(text), contextView?: TermView): LexicalDoc {
  const ctx = contextView ?? analyzeText(context);
  return { id: label, acc: view.accent.join(" "), fold: view.fold.join(" "), bi: view.bigrams.join(" "), ctx: [...ctx.fold, ...ctx.bigrams].join(" ") };
}

/**
 * Changes to a stored lexical index kept apart from it: passages removed (by label) and passages added
 * (label and terms by field). A re-ingest that changes a few documents writes these instead of the whole
 * index, which the new generation shares with the one before; the next full write folds them in.
 */
export interface LexicalDelta {
  removed: number[];
  added: Array<[number, string[][]]>;
}

/** Index of the bigram field in FIELDS. */
const BIGRAM_FIELD = 2;

/** BM25 index over passages, addressed by integer label. */
export class LexicalIndex {
  /** Folded terms (not numbers) by length, for fuzzy look-ups; extended as terms are added. */
  private readonly foldByLength = new Map<number, string[]>();
  private foldBucketed = 0;
  private readonly fuzzyCache = new Map<string, string[]>();
  /** Bigram term ids by their syllables' initials, and the bigrams of those asked with their counts (see `bigramsByInitials`). */
  private readonly initialsBuckets = new Map<string, number[]>();
  private readonly byInitials = new Map<string, Array<{ bigram: string; passages: number }>>();
  private initialsIndexed = 0;
  private initialsCountedAt = -1;

  private constructor(private index: InvertedIndex) {}

  /** An empty index. */
  static create(): LexicalIndex {
    return new LexicalIndex(new InvertedIndex(FIELDS.length));
  }

  /** Restores an index saved with `toJSON` (or by the MiniSearch version before it). */
  static fromJSON(json: string): LexicalIndex {
    return new LexicalIndex(InvertedIndex.restore(decodeLexicalJson(json, FIELDS)));
  }

  /** The index stored in a file (as `fromJSON` of its text, holding less while it decodes). */
  static async read(file: string): Promise<LexicalIndex> {
    return new LexicalIndex(InvertedIndex.restore(await readLexicalFile(file, FIELDS)));
  }

  get size(): number {
    return this.index.liveCount;
  }

  add(doc: LexicalDoc): void {
    this.index.add(doc.id, FIELDS.map((f) => splitOnSpace(doc[f])));
  }

  /**
   * Adds a passage from its text and context already analysed: the same as `add(toLexicalDoc(…))`
   * without joining the terms into strings and splitting them again.
   */
  addAnalysed(label: number, view: Pick<TermView, "accent" | "fold" | "bigrams">, contextView: Pick<TermView, "fold" | "bigrams">): void {
    this.addFields(label, LexicalIndex.fieldsOf(view, contextView));
  }

  /** The terms a passage is indexed by, field by field (what `addFields` takes and a stored delta keeps). */
  static fieldsOf(view: Pick<TermView, "accent" | "fold" | "bigrams">, contextView: Pick<TermView, "fold" | "bigrams">): string[][] {
    return [view.accent, view.fold, view.bigrams, [...contextView.fold, ...contextView.bigrams]];
  }

  /** A delta's stored form (see `LexicalDelta`). */
  static encodeDelta(delta: LexicalDelta): string {
    return encodeLexicalDelta(delta);
  }

  /** Reads a delta's stored form; throws on anything malformed. */
  static decodeDelta(json: string): LexicalDelta {
    return decodeLexicalDelta(json, FIELDS.length);
  }

  /** Adds a passage by its terms, field by field (see `fieldsOf`). */
  addFields(label: number, fields: ReadonlyArray<readonly string[]>): void {
    if (fields.length !== FIELDS.length) throw new Error(`lexical index: ${fields.length} fields given, ${FIELDS.length} expected`);
    this.index.add(label, fields);
  }

  /**
   * Applies the changes a generation stored beside the index it shares with the one before (see
   * `LexicalDelta`): its passages removed, then its passages added. Searches, frequencies and the saved
   * form are then those of an index built with the changes.
   */
  applyDelta(delta: LexicalDelta): void {
    this.discard(delta.removed);
    for (const [label, fields] of delta.added) this.addFields(label, fields);
  }

  addAll(docs: readonly LexicalDoc[]): void {
    for (const doc of docs) this.add(doc);
  }

  /** How many passages have the folded bigram ("tai_chinh"): how much the two syllables are a compound here. */
  bigramFrequency(bigram: string): number {
    return this.index.fieldTermFrequency(BIGRAM_FIELD, bigram);
  }

  /** How many passages have all the folded bigrams (["bo_co", "co_so"]: "bộ cơ sở" is likely written there). */
  bigramsTogether(bigrams: readonly string[]): number {
    return this.index.fieldTermsTogether(BIGRAM_FIELD, bigrams);
  }

  /**
   * The folded bigrams ("dan_pho") whose syllables open with `initials` (two letters, "dp"), commonest
   * first, each with how many passages have it; only bigrams of two or more passages, of letters alone.
   * (How a shorthand typed as initials — "tổ dp", "htt nv" — may be written out in this corpus.)
   */
  bigramsByInitials(initials: string): ReadonlyArray<{ bigram: string; passages: number }> {
    // (Counts read the sealed postings: passages added since are sealed first.)
    this.index.seal();
    const vocabulary = this.index.fields[BIGRAM_FIELD]?.terms ?? [];
    // (Bucketed once by the two letters, in one pass over the vocabulary; a bucket's counts are read when asked.)
    if (this.initialsIndexed < vocabulary.length) {
      for (let id = this.initialsIndexed; id < vocabulary.length; id++) {
        const bigram = vocabulary[id] ?? "";
        const cut = bigram.indexOf("_");
        if (cut < 1) continue;
        const key = `${bigram[0]}${bigram[cut + 1] ?? ""}`;
        const bucket = this.initialsBuckets.get(key);
        if (bucket) bucket.push(id);
        else this.initialsBuckets.set(key, [id]);
      }
      this.initialsIndexed = vocabulary.length;
    }
    // (A bucket's counts are read again once passages were added or discarded.)
    if (this.initialsCountedAt !== this.index.liveCount) {
      this.byInitials.clear();
      this.initialsCountedAt = this.index.liveCount;
    }
    let found = this.byInitials.get(initials);
    if (!found) {
      found = [];
      for (const id of this.initialsBuckets.get(initials) ?? []) {
        const bigram = vocabulary[id] ?? "";
        if (!/^[a-z]+_[a-z]+$/u.test(bigram)) continue;
        const passages = this.bigramFrequency(bigram);
        if (passages >= 2) found.push({ bigram, passages });
      }
      found.sort((a, b) => b.passages - a.passages);
      this.byInitials.set(initials, found);
    }
    return found;
  }

  /** Removes passages by label (lazily; `vacuum` compacts). Unknown labels are ignored. */
  discard(labels: readonly number[]): void {
    for (const label of labels) this.index.discard(label);
  }

  async vacuum(): Promise<void> {
    this.index = InvertedIndex.restore(this.index.compacted());
    this.foldByLength.clear();
    this.foldBucketed = 0;
    this.initialsBuckets.clear();
    this.byInitials.clear();
    this.initialsIndexed = 0;
    this.initialsCountedAt = -1;
    this.fuzzyCache.clear();
  }

  /** The saved form: live passages only. */
  toJSON(): string {
    return encodeLexicalJson(this.index.compactSource(), FIELDS);
  }

  /** Folded terms one edit away from `term`, in vocabulary order. */
  private fuzzyVariants(term: string): string[] {
    const vocabulary = this.index.fields[FIELD.fold]?.terms ?? [];
    if (this.foldBucketed < vocabulary.length) {
      for (let i = this.foldBucketed; i < vocabulary.length; i++) {
        const t = vocabulary[i] ?? "";
        if (/^\d/.test(t)) continue;
        const bucket = this.foldByLength.get(t.length);
        if (bucket) bucket.push(t);
        else this.foldByLength.set(t.length, [t]);
      }
      this.foldBucketed = vocabulary.length;
      this.fuzzyCache.clear();
    }
    let variants = this.fuzzyCache.get(term);
    if (!variants) {
      variants = [];
      for (let length = term.length - 1; length <= term.length + 1; length++) {
        for (const candidate of this.foldByLength.get(length) ?? []) if (candidate !== term && withinOneEdit(term, candidate, false)) variants.push(candidate); // no swaps, as MiniSearch
      }
      if (this.fuzzyCache.size > 10_000) this.fuzzyCache.clear();
      this.fuzzyCache.set(term, variants);
    }
    return variants;
  }

  /**
   * Best passages for a query, highest score first; only those labelled `within`, when given (scored
   * with the whole index's term statistics, as in an unrestricted search).
   */
  search(query: LexicalQuery, k: number, within?: Iterable<number>): LexicalHit[] {
    const lookups: TermLookup[] = [];
    const queryTerms = new Map<string, number>();
    const add = (field: number, terms: readonly string[], boost: number, fuzzy: boolean): void => {
      for (const term of terms) {
        if (term.length === 0) continue;
        let queryTerm = queryTerms.get(term);
        if (queryTerm === undefined) {
          queryTerm = queryTerms.size;
          queryTerms.set(term, queryTerm);
        }
        lookups.push({ field, term, weight: boost, queryTerm });
        if (fuzzy && isFuzzy(term) && !this.index.hasLiveTerm(field, term)) {
          for (const variant of this.fuzzyVariants(term)) lookups.push({ field, term: variant, weight: ((BOOST.fuzzy * variant.length) / (variant.length + 1)) * boost, queryTerm });
        }
      }
    };
    // The order of the parts matters only for ties, which keep the order passages were first matched in.
    if (query.fold.length > 0) {
      add(FIELD.fold, query.fold, BOOST.fold, true);
      add(FIELD.ctx, query.fold, BOOST.foldInContext, false);
    }
    if (query.accent && query.accent.length > 0) add(FIELD.acc, query.accent, BOOST.accent, false);
    if (query.bigrams.length > 0) {
      add(FIELD.bi, query.bigrams, BOOST.bigram, false);
      add(FIELD.ctx, query.bigrams, BOOST.bigramInContext, false);
    }
    if (lookups.length === 0) return [];
    return this.index.search(lookups, queryTerms.size, k, within);
  }
}
