/**
 * Diacritics restored from the corpus itself. A question typed without diacritics ("chi bo hop may lan")
 * is matched folded, where "tinh" is tỉnh, tính and tình alike. Its most likely accented reading is the
 * best path (Viterbi) through each syllable's accented forms in the corpus, scored by how often the corpus
 * uses each form and, above all, by which forms stand next to each other in the passages retrieved for the
 * question: the documents that will answer it say "chi bộ họp", never "chí bò hợp". Pure: the counts come in.
 */

/** What restoration knows about the corpus and about the passages retrieved for the question. */
export interface RestorationModel {
  /** Accent keys the corpus uses for a folded syllable ("bo" → "bôj", "bôf", "bos", …). */
  variants(folded: string): readonly string[];
  /** Passages (corpus-wide) with an accent key. */
  count(accentKey: string): number;
  /** Times two accent keys follow each other in the retrieved passages. */
  localBigram(previous: string, next: string): number;
  /** Times an accent key occurs in the retrieved passages. */
  localCount(accentKey: string): number;
}

/** How much a pair seen in the retrieved passages outweighs corpus-wide frequency. */
const LOCAL_BIGRAM_WEIGHT = 4;
const LOCAL_UNIGRAM_WEIGHT = 1;
/** How many times more neighbour support the chosen form needs than any other form of the syllable. */
const RIVAL_MARGIN = 2;

/**
 * The accent key of each folded syllable, or null where the corpus gives no form or no evidence for one
 * (the syllable then stays matched folded).
 * @example restoreAccents(["chi", "bo"], model) // ["chi", "bôj"]
 */
export function restoreAccents(folds: readonly string[], model: RestorationModel): Array<string | null> {
  return bestReading(
    folds.map((f) => model.variants(f)),
    model,
  );
}

/**
 * The best reading when each syllable has its own candidate keys (`restoreAccents` offers every form of
 * the folded syllable; a syllable typed with its vowel marks but no tone offers only its toned forms). Null
 * where no candidate has the evidence `restoreAccents` asks for.
 */
export function bestReading(candidates: ReadonlyArray<readonly string[]>, model: RestorationModel): Array<string | null> {
  // best[i][c]: best score of a path ending in candidate c at position i; back[i][c]: its predecessor.
  const best: number[][] = [];
  const back: number[][] = [];
  candidates.forEach((options, i) => {
    const scores: number[] = [];
    const from: number[] = [];
    const previous = i > 0 ? (candidates[i - 1] ?? []) : [];
    options.forEach((key) => {
      const emission = Math.log(1 + model.count(key)) + LOCAL_UNIGRAM_WEIGHT * Math.log(1 + model.localCount(key));
      if (previous.length === 0) {
        scores.push(emission);
        from.push(-1);
        return;
      }
      let top = -Infinity;
      let arg = -1;
      previous.forEach((p, j) => {
        const s = (best[i - 1]?.[j] ?? 0) + LOCAL_BIGRAM_WEIGHT * Math.log(1 + model.localBigram(p, key));
        if (s > top) {
          top = s;
          arg = j;
        }
      });
      scores.push(top + emission);
      from.push(arg);
    });
    // A syllable with no accented form (a number, a name the corpus lacks) breaks the chain.
    best.push(scores);
    back.push(from);
  });
  const path: Array<string | null> = candidates.map(() => null);
  let at = -1;
  for (let i = candidates.length - 1; i >= 0; i--) {
    const options = candidates[i] ?? [];
    if (options.length === 0) {
      at = -1;
      continue;
    }
    if (at < 0) {
      const scores = best[i] ?? [];
      at = scores.indexOf(Math.max(...scores));
    }
    path[i] = options[at] ?? null;
    at = back[i]?.[at] ?? -1;
  }
  // Keep a form only with evidence: next to its neighbour's form in the retrieved passages, clearly more
  // than any other form is ("phuong có": phường có and địa phương có are both there, so neither).
  return path.map((key, i) => {
    if (key === null) return null;
    const before = path[i - 1];
    const after = path[i + 1];
    const support = (k: string): number => (before ? model.localBigram(before, k) : 0) + (after ? model.localBigram(k, after) : 0);
    const mine = support(key);
    const others = (candidates[i] ?? []).filter((k) => k !== key);
    const rival = Math.max(0, ...others.map(support));
    // (Nor is a form one neighbour never stands beside when another form does: "khi sắp" is common, but
    // "sap nhap" is "sáp nhập" — the reading is in doubt.)
    const contradicted = others.some((k) => (after !== null && after !== undefined && model.localBigram(key, after) === 0 && model.localBigram(k, after) > 0) || (before !== null && before !== undefined && model.localBigram(before, key) === 0 && model.localBigram(before, k) > 0));
    if (mine > 0 && mine >= RIVAL_MARGIN * rival && !contradicted) return key;
    // Without a neighbour, only a syllable with a single form in the corpus is restored.
    return (candidates[i] ?? []).length === 1 ? key : null;
  });
}
