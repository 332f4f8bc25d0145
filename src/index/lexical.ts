/**
 * The lexical side of retrieval: a BM25 inverted index (MiniSearch) over pre-analysed Vietnamese terms.
 * Fields: accented syllables, folded syllables (typo-tolerant), phrase bigrams, and the passage's
 * section context. Terms are analysed once by `analyzeText`, so MiniSearch only splits on spaces.
 */
import MiniSearch, { type Query, type SearchResult } from "minisearch";
import { analyzeText } from "../text/analyze.js";

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
const splitOnSpace = (text: string): string[] => (text.length > 0 ? text.split(" ") : []);
const identity = (term: string): string => term;

function options(): ConstructorParameters<typeof MiniSearch<LexicalDoc>>[0] {
  return {
    fields: [...FIELDS],
    storeFields: [],
    tokenize: splitOnSpace,
    processTerm: identity,
    searchOptions: { tokenize: splitOnSpace, processTerm: identity },
    autoVacuum: false,
  };
}

/** Turns a passage (text plus section context) into the lexical document. */
export function toLexicalDoc(label: number, text: string, context: string): LexicalDoc {
  const view = analyzeText(text);
  const ctx = analyzeText(context);
  return { id: label, acc: view.accent.join(" "), fold: view.fold.join(" "), bi: view.bigrams.join(" "), ctx: [...ctx.fold, ...ctx.bigrams].join(" ") };
}

/** BM25 index over passages, addressed by integer label. */
export class LexicalIndex {
  private constructor(private readonly mini: MiniSearch<LexicalDoc>) {}

  /** An empty index. */
  static create(): LexicalIndex {
    return new LexicalIndex(new MiniSearch<LexicalDoc>(options()));
  }

  /** Restores an index saved with `toJSON`. */
  static fromJSON(json: string): LexicalIndex {
    return new LexicalIndex(MiniSearch.loadJSON<LexicalDoc>(json, options()));
  }

  get size(): number {
    return this.mini.documentCount;
  }

  add(doc: LexicalDoc): void {
    this.mini.add(doc);
  }

  addAll(docs: readonly LexicalDoc[]): void {
    this.mini.addAll(docs);
  }

  /** Removes passages by label (lazily; `vacuum` compacts). */
  discard(labels: readonly number[]): void {
    for (const label of labels) if (this.mini.has(label)) this.mini.discard(label);
  }

  async vacuum(): Promise<void> {
    await this.mini.vacuum();
  }

  toJSON(): string {
    return JSON.stringify(this.mini);
  }

  /** Best passages for a query, highest BM25 score first. */
  search(query: LexicalQuery, k: number): LexicalHit[] {
    const queries: Query[] = [];
    const fuzzyLong = (term: string): number | boolean => (term.length >= 5 && !/^\d/.test(term) ? 1 : false);
    if (query.fold.length > 0) {
      queries.push({ queries: [query.fold.join(" ")], fields: ["fold"], fuzzy: fuzzyLong, weights: { fuzzy: 0.4, prefix: 0 }, boost: { fold: 1 } });
      queries.push({ queries: [query.fold.join(" ")], fields: ["ctx"], boost: { ctx: 0.3 } });
    }
    if (query.accent && query.accent.length > 0) queries.push({ queries: [query.accent.join(" ")], fields: ["acc"], boost: { acc: 1.2 } });
    if (query.bigrams.length > 0) {
      queries.push({ queries: [query.bigrams.join(" ")], fields: ["bi"], boost: { bi: 1.5 } });
      queries.push({ queries: [query.bigrams.join(" ")], fields: ["ctx"], boost: { ctx: 0.4 } });
    }
    if (queries.length === 0) return [];
    const results: SearchResult[] = this.mini.search({ combineWith: "OR", queries });
    return results.slice(0, k).map((r) => ({ label: r.id as number, score: r.score }));
  }
}
