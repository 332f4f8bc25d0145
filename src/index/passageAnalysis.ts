/**
 * What indexing a passage needs that depends on its own text alone — its embedding and its matching
 * terms — so that any thread can compute it and the single writer only adds it to the indexes. Packed
 * for a postMessage as one vector buffer (transferred, not copied) and one string per document.
 */
import { analyzeText, type TermView } from "../text/analyze.js";
import type { HashedEmbeddings } from "./embeddings.js";

/** The term lists the lexical index and the term statistics read. */
export type TermKeys = Pick<TermView, "accent" | "fold" | "bigrams">;

/** One passage analysed: its vector and the terms of its text, section context and document title. */
export interface PassageAnalysis {
  vector: Float32Array;
  text: TermKeys;
  context: TermKeys;
  title: TermKeys;
}

/** A document's analyses packed for another thread. */
export interface PackedAnalyses {
  count: number;
  /** Row i is passage i's vector. */
  vectors: Float32Array;
  /** Every term list of every passage, separated by control characters the tokenizer never keeps. */
  terms: string;
}

const SEP = { term: "\u0001", list: "\u0002", passage: "\u0003" } as const;
const LISTS_PER_PASSAGE = 9;

function keysOf(view: TermView): TermKeys {
  return { accent: view.accent, fold: view.fold, bigrams: view.bigrams };
}

/**
 * Analyses a document's passages in order; section contexts and the title, which repeat within a
 * document, are analysed once each.
 */
export function analysePassages(passages: ReadonlyArray<{ text: string; context: string; title: string }>, embeddings: HashedEmbeddings): PassageAnalysis[] {
  const shared = new Map<string, TermKeys>();
  const part = (text: string): TermKeys => {
    let keys = shared.get(text);
    if (!keys) {
      keys = keysOf(analyzeText(text));
      shared.set(text, keys);
    }
    return keys;
  };
  return passages.map((p) => {
    const view = analyzeText(p.text);
    return { vector: embeddings.embedView(view), text: keysOf(view), context: part(p.context), title: part(p.title) };
  });
}

export function packAnalyses(analyses: readonly PassageAnalysis[], dimensions: number): PackedAnalyses {
  const vectors = new Float32Array(analyses.length * dimensions);
  const passages: string[] = [];
  analyses.forEach((a, row) => {
    vectors.set(a.vector, row * dimensions);
    const lists = [a.text, a.context, a.title].flatMap((k) => [k.accent, k.fold, k.bigrams]);
    passages.push(lists.map((list) => list.join(SEP.term)).join(SEP.list));
  });
  return { count: analyses.length, vectors, terms: passages.join(SEP.passage) };
}

export function unpackAnalyses(packed: PackedAnalyses, dimensions: number): PassageAnalysis[] {
  if (packed.count === 0) return [];
  const split = (list: string): string[] => (list === "" ? [] : list.split(SEP.term));
  return packed.terms.split(SEP.passage).map((passage, row) => {
    const lists = passage.split(SEP.list).map(split);
    if (lists.length !== LISTS_PER_PASSAGE) throw new Error(`packed analysis of passage ${row} has ${lists.length} term lists, not ${LISTS_PER_PASSAGE}`);
    const keys = (at: number): TermKeys => ({ accent: lists[at] ?? [], fold: lists[at + 1] ?? [], bigrams: lists[at + 2] ?? [] });
    return { vector: packed.vectors.subarray(row * dimensions, (row + 1) * dimensions), text: keys(0), context: keys(3), title: keys(6) };
  });
}
