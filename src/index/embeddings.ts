/**
 * Offline, deterministic embeddings for Vietnamese: feature hashing of folded syllables, accented
 * syllables, phrase bigrams and character trigrams into a fixed-size, L2-normalised vector. No model,
 * no download; similar wording gives similar vectors, and trigrams give some tolerance to typos.
 */
import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import { analyzeText } from "../text/analyze.js";
import { stopMask } from "../text/lexicon.js";

/** Options of the hashed embeddings. */
export interface HashedEmbeddingsOptions extends EmbeddingsParams {
  /** Vector length. */
  dimensions?: number;
}

/** Name written into the index so a different embedding cannot be mixed in silently. */
export const HASHED_EMBEDDINGS_NAME = "hashed-vi-v2";
export const DEFAULT_DIMENSIONS = 256;

// 32-bit FNV-1a: fast, well spread and stable across runs and platforms.
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const WEIGHT = { fold: 1, accent: 0.5, bigram: 1.2, trigram: 0.25 } as const;

/** LangChain `Embeddings` computed locally by feature hashing. */
export class HashedEmbeddings extends Embeddings {
  readonly dimensions: number;

  constructor(options: HashedEmbeddingsOptions = {}) {
    super(options);
    this.dimensions = options.dimensions ?? DEFAULT_DIMENSIONS;
  }

  /** Embeds one text synchronously; the async LangChain methods wrap this. */
  embedSync(text: string): Float32Array {
    const vector = new Float32Array(this.dimensions);
    const add = (feature: string, weight: number): void => {
      const h = fnv1a(feature);
      const slot = h % this.dimensions;
      vector[slot] = (vector[slot] ?? 0) + (h & 0x80000000 ? -weight : weight);
    };
    const view = analyzeText(text);
    const stops = stopMask(view.tokens, false);
    view.tokens.forEach((token, i) => {
      if (stops[i]) return;
      const fold = token.fold;
      add(`f:${fold}`, WEIGHT.fold);
      if (token.accent !== fold) add(`a:${token.accent}`, WEIGHT.accent);
      if (fold.length >= 4) {
        const padded = `^${fold}$`;
        for (let j = 0; j + 3 <= padded.length; j++) add(`t:${padded.slice(j, j + 3)}`, WEIGHT.trigram);
      }
    });
    for (const bigram of view.bigrams) add(`b:${bigram}`, WEIGHT.bigram);
    // Sub-linear term frequency, then unit length so that cosine distance compares wording, not length.
    let norm = 0;
    for (let i = 0; i < vector.length; i++) {
      const v = vector[i] ?? 0;
      const damped = Math.sign(v) * Math.log1p(Math.abs(v));
      vector[i] = damped;
      norm += damped * damped;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] ?? 0) / norm;
    return vector;
  }

  override async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((d) => Array.from(this.embedSync(d)));
  }

  override async embedQuery(document: string): Promise<number[]> {
    return Array.from(this.embedSync(document));
  }
}
