/**
 * Hybrid retrieval as a LangChain retriever: BM25 over Vietnamese terms and HNSW over hashed embeddings,
 * fused by reciprocal rank. Query understanding (diacritics, abbreviations, English glossary) happens
 * before either index is asked.
 */
import { BaseRetriever, type BaseRetrieverInput } from "@langchain/core/retrievers";
import { Document } from "@langchain/core/documents";
import { reciprocalRankFusion } from "../index/fusion.js";
import type { LoadedIndex, StoredPassage } from "../index/store.js";
import { understandQuestion, type QueryPlan } from "./query.js";

/** Retrieval settings. */
export interface RetrievalOptions {
  /** Passages taken from each index before fusion. */
  perIndex: number;
  lexicalWeight: number;
  vectorWeight: number;
}

export const DEFAULT_RETRIEVAL: RetrievalOptions = { perIndex: 20, lexicalWeight: 1, vectorWeight: 0.6 };

/** A fused hit. */
export interface RetrievedPassage {
  passage: StoredPassage;
  score: number;
  /** The rank answer extraction gives a passage added beside the ranked ones (its own position when absent). */
  rankAs?: number;
}

/** LangChain retriever over the loaded index; `index()` is read per call so a hot reload takes effect at once. */
export class HybridRetriever extends BaseRetriever {
  lc_namespace = ["tro_ly_to_chuc", "retrievers"];
  private readonly index: () => LoadedIndex;
  private readonly options: RetrievalOptions;
  private readonly k: number;

  constructor(fields: BaseRetrieverInput & { index: () => LoadedIndex; k?: number; options?: Partial<RetrievalOptions> }) {
    super(fields);
    this.index = fields.index;
    this.k = fields.k ?? 8;
    this.options = { ...DEFAULT_RETRIEVAL, ...fields.options };
  }

  /** Fused passages for a planned query, best first. `index` pins one generation for the whole call. */
  async search(plan: QueryPlan, k = this.k, index: LoadedIndex = this.index()): Promise<RetrievedPassage[]> {
    const count = index.passages.length;
    if (count === 0) return [];
    // The vector search is asked first: run by a worker thread, it proceeds while the lexical one runs here.
    const width = Math.min(this.options.perIndex, index.vectors.count);
    const vectorHits = width > 0 ? index.vectors.search(index.embeddings.embedSync(plan.searchText), width) : Promise.resolve([]);
    let lexical: number[];
    try {
      lexical = index.lexical.search(plan, this.options.perIndex).map((h) => h.label);
    } catch (err) {
      vectorHits.catch(() => undefined); // the lexical failure is the one reported
      throw err;
    }
    const vectorLabels = (await vectorHits).map((h) => h.label);
    const fused = reciprocalRankFusion([
      { ids: lexical, weight: this.options.lexicalWeight },
      { ids: vectorLabels, weight: this.options.vectorWeight },
    ]);
    const out: RetrievedPassage[] = [];
    for (const { id, score } of fused) {
      const passage = index.byLabel.get(id);
      if (passage) out.push({ passage, score });
      if (out.length >= k) break;
    }
    return out;
  }

  override async _getRelevantDocuments(query: string): Promise<Document[]> {
    const hits = await this.search(understandQuestion(query));
    return hits.map(
      ({ passage, score }) =>
        new Document({ pageContent: passage.text, metadata: { id: passage.id, docId: passage.docId, title: passage.title, section: passage.section, score } }),
    );
  }
}
