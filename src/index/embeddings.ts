/**
 * Offline, deterministic embeddings for Vietnamese: feature hashing of folded syllables, accented
 * syllables, phrase bigrams and character trigrams into a fixed-size, L2-normalised vector. No model,
 * no download; similar wording gives similar vectors, and trigrams give some tolerance to typos.
 */
import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import { analyzeText, type TermView } from "../text/analyze.js";
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
/** Cached tokens or bigrams before a cache is emptied. */
const FEATURE_CACHE_LIMIT = 200_000;

/** LangChain `Embeddings` computed locally by feature hashing. */
export class HashedEmbeddings extends Embeddings {
  readonly dimensions: number;

  constructor(options: HashedEmbeddingsOptions = {}) {
    super(options);
    this.dimensions = options.dimensions ?? DEFAULT_DIMENSIONS;
  }

  // Feature slots and signed weights per token and per bigram, in the order they are added: hashing the
  // feature strings was most of the cost of an embedding, and the vocabulary repeats. Bounded.
  private readonly tokenFeatures = new Map<string, Float64Array>();
  private readonly bigramFeatures = new Map<string, number>();

  /** Slot and signed weight of a feature, as [slot, weight]. */
  private feature(name: string, weight: number): [number, number] {
    const h = fnv1a(name);
    return [h % this.dimensions, h & 0x80000000 ? -weight : weight];
  }

  /** Features of a token; its keys are a function of its lower-case form, which is the cache key. */
  private featuresOfToken(lower: string, fold: string, accent: string): Float64Array {
    let features = this.tokenFeatures.get(lower);
    if (!features) {
      const list: number[] = [];
      list.push(...this.feature(`f:${fold}`, WEIGHT.fold));
      if (accent !== fold) list.push(...this.feature(`a:${accent}`, WEIGHT.accent));
      if (fold.length >= 4) {
        const padded = `^${fold}$`;
        for (let j = 0; j + 3 <= padded.length; j++) list.push(...this.feature(`t:${padded.slice(j, j + 3)}`, WEIGHT.trigram));
      }
      features = Float64Array.from(list);
      if (this.tokenFeatures.size >= FEATURE_CACHE_LIMIT) this.tokenFeatures.clear();
      this.tokenFeatures.set(lower, features);
    }
    return features;
  }

  /** Embeds one text synchronously; the async LangChain methods wrap this. */
  embedSync(text: string): Float32Array {
    return this.embedView(analyzeText(text));
  }

  /** Embeds a text already analysed with `analyzeText` (the ingest analyses each passage once). */
  embedView(view: TermView): Float32Array {
    const vector = new Float32Array(this.dimensions);
    const stops = stopMask(view.tokens, false);
    view.tokens.forEach((token, i) => {
      if (stops[i]) return;
      const features = this.featuresOfToken(token.lower, token.fold, token.accent);
      for (let j = 0; j < features.length; j += 2) {
        const slot = features[j] ?? 0;
        vector[slot] = (vector[slot] ?? 0) + (features[j + 1] ?? 0);
      }
    });
    for (const bigram of view.bigrams) {
      let coded = this.bigramFeatures.get(bigram);
      if (coded === undefined) {
        const [slot, weight] = this.feature(`b:${bigram}`, WEIGHT.bigram);
        coded = weight < 0 ? -(slot + 1) : slot + 1;
        if (this.bigramFeatures.size >= FEATURE_CACHE_LIMIT) this.bigramFeatures.clear();
        this.bigramFeatures.set(bigram, coded);
      }
      const slot = Math.abs(coded) - 1;
      vector[slot] = (vector[slot] ?? 0) + (coded < 0 ? -WEIGHT.bigram : WEIGHT.bigram);
    }
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
