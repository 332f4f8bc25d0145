/**
 * Document frequencies of matching terms, kept with the index: query understanding weighs question terms
 * by how rare they are (IDF) and spots terms the corpus never uses. Updated incrementally on re-ingest.
 */
import { analyzeText, type TermView } from "../text/analyze.js";
import { isVietnameseSyllable } from "../text/lexicon.js";
import { TONE_LETTER, foldKey, withinOneEdit } from "../text/normalize.js";

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

  private update(views: ReadonlyArray<Pick<TermView, "fold" | "accent">>, delta: 1 | -1): void {
    this.byLength = null;
    this.accentsByFold = null;
    this.passages += delta;
    for (const [map, keysOf] of [[this.fold, (v: Pick<TermView, "fold">) => v.fold], [this.accent, (v: Pick<TermView, "accent">) => v.accent]] as const) {
      const keys = new Set<string>();
      for (const view of views) for (const key of keysOf(view)) keys.add(key);
      for (const key of keys) {
        const next = (map.get(key) ?? 0) + delta;
        if (next > 0) map.set(key, next);
        else map.delete(key);
      }
    }
  }

  /** Counts a passage (its text with section context). */
  add(text: string): void {
    this.update([analyzeText(text)], 1);
  }

  /**
   * Counts a passage from its parts already analysed (text, context, title): the same as `add` of the
   * parts joined by line breaks, without analysing them again.
   */
  addAnalysed(parts: ReadonlyArray<Pick<TermView, "fold" | "accent">>): void {
    this.update(parts, 1);
  }

  remove(text: string): void {
    this.update([analyzeText(text)], -1);
  }

  /** Smoothed inverse document frequency; unseen terms get the highest weight. */
  idf(key: string, accented: boolean): number {
    const df = (accented ? this.accent : this.fold).get(key) ?? 0;
    return Math.log(1 + (this.passages + 1) / (df + 0.5));
  }

  has(key: string, accented: boolean): boolean {
    return (accented ? this.accent : this.fold).has(key);
  }

  private byLength: Map<number, string[]> | null = null;
  private accentsByFold: Map<string, string[]> | null = null;

  /** Accent keys the corpus uses whose letters fold to `folded` ("bo" → "bôj", "bôf", "bos" …). */
  accentVariants(folded: string): string[] {
    if (!this.accentsByFold) {
      this.accentsByFold = new Map();
      for (const key of this.accent.keys()) {
        const fold = foldKey(key.replace(TONE_LETTER, ""));
        const list = this.accentsByFold.get(fold) ?? [];
        list.push(key);
        this.accentsByFold.set(fold, list);
      }
    }
    return this.accentsByFold.get(folded) ?? [];
  }

  /**
   * The most frequent folded term one edit away from `folded` ("dnag" → "dang"), or null. Terms shorter
   * than 3 letters are never corrected: too many syllables are one edit apart.
   */
  correct(folded: string): string | null {
    return this.nearFolds(folded)[0] ?? null;
  }

  /**
   * Folded terms of the corpus one edit from `folded` (not itself), most common first — except that a
   * typed form no Vietnamese syllable has ("xog", "trog") is first read as a syllable with one letter left
   * out ("xong", "trong": the commonest slip on a phone, and how texting shortens words).
   */
  nearFolds(folded: string): string[] {
    if (folded.length < 3 || /\d/.test(folded)) return [];
    if (!this.byLength) {
      this.byLength = new Map();
      for (const key of this.fold.keys()) {
        const bucket = this.byLength.get(key.length) ?? [];
        bucket.push(key);
        this.byLength.set(key.length, bucket);
      }
    }
    const malformed = !isVietnameseSyllable(folded);
    const near: Array<{ key: string; df: number; omitted: boolean }> = [];
    for (let len = folded.length - 1; len <= folded.length + 1; len++) {
      for (const candidate of this.byLength.get(len) ?? []) {
        const df = this.fold.get(candidate) ?? 0;
        if (df > 0 && candidate !== folded && withinOneEdit(folded, candidate)) near.push({ key: candidate, df, omitted: malformed && candidate.length > folded.length && isVietnameseSyllable(candidate) });
      }
    }
    return near.sort((a, b) => Number(b.omitted) - Number(a.omitted) || b.df - a.df).map((n) => n.key);
  }
}

