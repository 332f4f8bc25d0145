/**
 * A question typed without diacritics given the accented forms of its syllables that the corpus and the
 * passages retrieved for it support (see `restoreAccents`): it is then matched as an accented question,
 * "tỉnh" no longer matching "tính".
 */
import type { TermStats } from "../index/termStats.js";
import { analyzeText } from "../text/analyze.js";
import { isStopAccent } from "../text/lexicon.js";
import { restoreAccents, type RestorationModel } from "./diacritics.js";
import type { CheckedPlan } from "./spelling.js";

/** The local half of the model: accent keys and adjacent pairs in the retrieved passages. */
function localCounts(passages: readonly string[]): { unigrams: Map<string, number>; bigrams: Map<string, number> } {
  const unigrams = new Map<string, number>();
  const bigrams = new Map<string, number>();
  for (const text of passages) {
    const tokens = analyzeText(text, false).tokens;
    tokens.forEach((t, i) => {
      unigrams.set(t.accent, (unigrams.get(t.accent) ?? 0) + 1);
      const next = tokens[i + 1];
      if (next) bigrams.set(`${t.accent} ${next.accent}`, (bigrams.get(`${t.accent} ${next.accent}`) ?? 0) + 1);
    });
  }
  return { unigrams, bigrams };
}

/** `plan` with accented keys on the terms whose accented form is clear; the plan itself when none is. */
export function withRestoredAccents(plan: CheckedPlan, passages: readonly string[], stats: TermStats): CheckedPlan {
  const tokens = analyzeText(plan.question).tokens;
  if (tokens.length < 2) return plan;
  const { unigrams, bigrams } = localCounts(passages);
  const model: RestorationModel = {
    variants: (folded) => (/^\d/.test(folded) ? [] : stats.accentVariants(folded)),
    count: (key) => stats.accent.get(key) ?? 0,
    localBigram: (a, b) => bigrams.get(`${a} ${b}`) ?? 0,
    localCount: (key) => unigrams.get(key) ?? 0,
  };
  const keys = restoreAccents(
    tokens.map((t) => t.fold),
    model,
  );
  // Proper names keep matching folded (Đắk Lắk, Đăk Lăk, Dak Lak).
  const nameSyllables = new Set(plan.names.flatMap((run) => run.flatMap((bigram) => bigram.split("_"))));
  let changed = false;
  const restored = plan.terms.map((term) => {
    const key = term.position !== undefined ? keys[term.position] : null;
    if (!key || term.accent !== null || term.phrase || nameSyllables.has(term.fold) || tokens[term.position ?? -1]?.fold !== term.fold) return term;
    changed = true;
    return { ...term, accent: key };
  });
  if (!changed) return plan;
  // A syllable read as a function word ("thi" → thì) is no key term after all.
  const kept = restored.map((term) => term.accent === null || !isStopAccent(term.accent));
  const newIndex: number[] = [];
  let next = 0;
  for (const k of kept) newIndex.push(k ? next++ : -1);
  const compounds = plan.compounds
    .filter(([a, b]) => kept[a] && kept[b])
    .map(([a, b]): [number, number] => [newIndex[a] ?? a, newIndex[b] ?? b]);
  const unknownTerms = new Set([...plan.unknownTerms].filter((i) => kept[i]).map((i) => newIndex[i] ?? i));
  return { ...plan, terms: restored.filter((_, i) => kept[i]), compounds, unknownTerms };
}
