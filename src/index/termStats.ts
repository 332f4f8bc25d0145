/**
 * Document frequencies of matching terms, kept with the index: query understanding weighs question terms
 * by how rare they are (IDF) and spots terms the corpus never uses. Updated incrementally on re-ingest.
 */
import { analyzeText } from "../text/analyze.js";

/** Serialised form. */
export interface TermStatsJSON {
  passages: number;
  fold: Array<[string, number]>;
  accent: Array<[string, number]>;
}

/** Passage frequencies of folded and accented syllable keys. */
export class TermStats {
  passages = 0;
  readonly fold = new Map<string, number>();
  readonly accent = new Map<string, number>();

  static fromJSON(json: TermStatsJSON): TermStats {
    const stats = new TermStats();
    stats.passages = json.passages;
    for (const [k, v] of json.fold) stats.fold.set(k, v);
    for (const [k, v] of json.accent) stats.accent.set(k, v);
    return stats;
  }

  toJSON(): TermStatsJSON {
    return { passages: this.passages, fold: [...this.fold], accent: [...this.accent] };
  }

  private update(text: string, delta: 1 | -1): void {
    const view = analyzeText(text);
    this.passages += delta;
    for (const [map, keys] of [[this.fold, view.fold], [this.accent, view.accent]] as const) {
      for (const key of new Set(keys)) {
        const next = (map.get(key) ?? 0) + delta;
        if (next > 0) map.set(key, next);
        else map.delete(key);
      }
    }
  }

  /** Counts a passage (its text with section context). */
  add(text: string): void {
    this.update(text, 1);
  }

  remove(text: string): void {
    this.update(text, -1);
  }

  /** Smoothed inverse document frequency; unseen terms get the highest weight. */
  idf(key: string, accented: boolean): number {
    const df = (accented ? this.accent : this.fold).get(key) ?? 0;
    return Math.log(1 + (this.passages + 1) / (df + 0.5));
  }

  has(key: string, accented: boolean): boolean {
    return (accented ? this.accent : this.fold).has(key);
  }

  /** Folded vocabulary, for spelling correction. */
  foldVocabulary(): IterableIterator<string> {
    return this.fold.keys();
  }
}
