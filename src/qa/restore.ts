/**
 * A question typed without diacritics given the accented forms of its syllables that the corpus and the
 * passages retrieved for it support (see `restoreAccents`): it is then matched as an accented question,
 * "tỉnh" no longer matching "tính".
 */
import type { TermStats } from "../index/termStats.js";
import { analyzeText } from "../text/analyze.js";
import { functionWordForms, isFunctionPhrasePair, isKnownAbbreviation, isLexiconPhrasePair, isLexiconSyllable, isStopAccent } from "../text/lexicon.js";
import { spellAccentKey, TONE_LETTER } from "../text/normalize.js";
import { rewriteSyllables, tokenize, type Token } from "../text/tokenize.js";
import { unitTokens } from "./termSets.js";
import { bestReading, restoreAccents, type RestorationModel } from "./diacritics.js";
import { levelsOf, nameSyllablesOf } from "./query.js";
import type { CheckedPlan } from "./spelling.js";

/**
 * The local half of the model: accent keys and adjacent pairs in the retrieved passages. Every key the
 * model is asked about is a form of one of the question's syllables, so only syllables with those
 * letters (`folds`) are counted.
 */
function localCounts(passages: readonly string[], folds: ReadonlySet<string>): { unigrams: Map<string, number>; bigrams: Map<string, number> } {
  const unigrams = new Map<string, number>();
  const bigrams = new Map<string, number>();
  for (const text of passages) {
    const tokens = unitTokens(text);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (!folds.has(t.fold)) continue;
      unigrams.set(t.accent, (unigrams.get(t.accent) ?? 0) + 1);
      const next = tokens[i + 1];
      if (next && folds.has(next.fold)) {
        const pair = `${t.accent} ${next.accent}`;
        bigrams.set(pair, (bigrams.get(pair) ?? 0) + 1);
      }
    }
  }
  return { unigrams, bigrams };
}

/** The restoration model for a question whose syllables have the letters `folds`. */
function restorationModel(passages: readonly string[], stats: TermStats, folds: ReadonlySet<string>): RestorationModel {
  const { unigrams, bigrams } = localCounts(passages, folds);
  return {
    variants: (folded) => (/^\d/.test(folded) ? [] : stats.accentVariants(folded)),
    count: (key) => stats.accent.get(key) ?? 0,
    localBigram: (a, b) => bigrams.get(`${a} ${b}`) ?? 0,
    localCount: (key) => unigrams.get(key) ?? 0,
  };
}

/** `plan` with accented keys on the terms whose accented form is clear; the plan itself when none is. */
export function withRestoredAccents(plan: CheckedPlan, passages: readonly string[], stats: TermStats): CheckedPlan {
  const tokens = analyzeText(plan.question).tokens;
  if (tokens.length < 2) return plan;
  const model = restorationModel(passages, stats, new Set(tokens.map((t) => t.fold)));
  // In a question typed with diacritics only the syllables whose tone is in doubt are read (see
  // `withToneSlipsRead`); the others stand as typed, and are the neighbours the doubtful ones are read
  // beside ("làm ăn xa": far, beside "ăn" as typed, not "xã" as in "công an xã").
  const doubtful = new Set(plan.terms.filter((t) => t.accent === null).map((t) => t.position));
  const keys =
    plan.accent === null
      ? restoreAccents(
          tokens.map((t) => t.fold),
          model,
        )
      : bestReading(
          tokens.map((t, i) => (/^\d/u.test(t.fold) ? [] : doubtful.has(i) ? model.variants(t.fold) : [t.accent])),
          model,
        ).map((key, i) => (doubtful.has(i) ? key : null));
  // Proper names keep matching folded (Đắk Lắk, Đăk Lăk, Dak Lak).
  const names = nameSyllablesOf(plan.names);
  let changed = false;
  const restored = plan.terms.map((term) => {
    const key = term.position !== undefined ? keys[term.position] : null;
    if (!key || term.accent !== null || term.phrase || names.has(term.fold) || tokens[term.position ?? -1]?.fold !== term.fold) return term;
    changed = true;
    return { ...term, accent: key };
  });
  // A level read in the folded question that the restored one does not name ("đi làm ăn xa", far, not "xã").
  const readLevels = levelsOf(tokens.map((t, i) => ({ fold: t.fold, lower: keys[i] ? spellAccentKey(keys[i] ?? "") : t.fold })), true);
  const levels = plan.levels.filter((level) => readLevels.includes(level) || level.split("_").some((syllable) => tokens.some((t, i) => t.fold === syllable && !keys[i])));
  if (!changed) return levels.length === plan.levels.length ? plan : { ...plan, levels };
  // A syllable read as a function word ("thi" → thì) is no key term after all.
  const kept = restored.map((term) => term.accent === null || !isStopAccent(term.accent));
  const newIndex: number[] = [];
  let next = 0;
  for (const k of kept) newIndex.push(k ? next++ : -1);
  const compounds = plan.compounds
    .filter(([a, b]) => kept[a] && kept[b])
    .map(([a, b]): [number, number] => [newIndex[a] ?? a, newIndex[b] ?? b]);
  const unknownTerms = new Set([...plan.unknownTerms].filter((i) => kept[i]).map((i) => newIndex[i] ?? i));
  return { ...plan, terms: restored.filter((_, i) => kept[i]), compounds, unknownTerms, levels };
}

/**
 * An accented question's syllables typed with no tone mark where the corpus writes them more often with one
 * ("phương" for "phường", "đươc" for "được": a tone slip on a phone) are matched folded, like a question
 * typed without diacritics, and then read in the retrieved passages (`withRestoredAccents`). Syllables the
 * corpus mostly writes without a tone ("viên", "trung") keep their key, and so does a syllable the passages
 * give no clear reading for. The plan itself when none is.
 */
export function withToneSlipsRead(plan: CheckedPlan, passages: readonly string[], stats: TermStats): CheckedPlan {
  const uncertain = withUncertainTones(plan, stats);
  if (uncertain === plan) return plan;
  const read = withRestoredAccents(uncertain, passages, stats);
  // Without clear evidence in the passages the syllable is taken as typed ("kiêm" stays "kiêm", not any "kiem").
  const typed = new Map(plan.terms.map((t) => [`${t.position}:${t.fold}`, t.accent]));
  return { ...read, terms: read.terms.map((t) => (t.accent === null ? { ...t, accent: typed.get(`${t.position}:${t.fold}`) ?? null } : t)) };
}

function withUncertainTones(plan: CheckedPlan, stats: TermStats): CheckedPlan {
  if (plan.accent === null) return plan;
  const names = nameSyllablesOf(plan.names);
  let changed = false;
  const terms = plan.terms.map((term) => {
    if (term.accent === null || term.isNumber || term.phrase || TONE_LETTER.test(term.accent) || names.has(term.fold)) return term;
    const own = stats.accent.get(term.accent) ?? 0;
    const toned = stats.accentVariants(term.fold).filter((v) => TONE_LETTER.test(v) && v.replace(TONE_LETTER, "") === term.accent);
    if (!toned.some((v) => (stats.accent.get(v) ?? 0) > own)) return term;
    changed = true;
    return { ...term, accent: null };
  });
  return changed ? { ...plan, terms } : plan;
}

/**
 * The pairs a question asks with ("là ai", "ngày nào", "ở đâu"): a syllable typed bare beside its partner
 * ("Chủ tịch … la ai vậy", "… số mấy, ngay nào") is read as that pair says, though documents write the bare
 * form too ("La", "ngay") and seldom the pair.
 */
const ASKING_PAIRS: ReadonlySet<string> = new Set(
  ["là ai", "là gì", "là bao", "là mấy", "là ngày", "ngày nào", "tháng nào", "năm nào", "khi nào", "lúc nào", "ở đâu", "bao giờ", "thế nào", "như thế", "vì sao", "tại sao", "làm gì"].map((pair) =>
    tokenize(pair)
      .map((t) => t.accent)
      .join(" "),
  ),
);

/** Times the retrieved passages must write a pair with other marks for the marks typed to be read as a slip. */
const MIN_SLIP_PAIRS = 2;

/**
 * A question typed partly with diacritics ("Có bao nhiêu chi bộ công an xã, phương, thi trấn?", "mây
 * tháng", "như thế nao") rewritten with the forms the retrieved passages and the corpus support, so that it
 * is then understood like a question typed in full: question words ("mấy", "nào"), phrases ("thị trấn"),
 * levels and counted nouns read as meant. A syllable typed with its tone mark is kept; one typed with its
 * vowel marks but no tone may take a tone ("phương" → phường); one typed bare may take any form of its
 * letters. A form replaces the typed one only with evidence (`bestReading`), or when the corpus never writes
 * the syllable as typed and writes its letters one way only. Null when nothing changes.
 * @example rereadQuestion("Đảng uỷ họp mây tháng một lần?", passages, stats) // "Đảng uỷ họp mấy tháng một lần?"
 */
export function rereadQuestion(question: string, passages: readonly string[], stats: TermStats): string | null {
  const tokens = tokenize(question);
  if (tokens.length < 2) return null;
  const local = restorationModel(passages, stats, new Set(tokens.map((t) => t.fold)));
  // Function-word phrases are pairs of the language, whether or not the passages use them ("thế nào").
  // (So are the lexicon's phrases: "tối đa", "ít nhất".)
  const model: RestorationModel = { ...local, localBigram: (a, b) => local.localBigram(a, b) + (isFunctionPhrasePair(a, b) || isLexiconPhrasePair(a, b) ? 1 : 0) };
  // A function word typed stays when it stands with a neighbour as typed ("bao nhiêu", "tôi là"), not
  // when neither pair is known ("tôi đa", typed for tối đa).
  const standsAsTyped = (i: number): boolean => {
    const [before, t, after] = [tokens[i - 1], tokens[i], tokens[i + 1]];
    return t !== undefined && ((before !== undefined && model.localBigram(before.accent, t.accent) > 0) || (after !== undefined && model.localBigram(t.accent, after.accent) > 0));
  };
  // An abbreviation typed in capitals ("HU", "TU", "ĐU") is one, not a syllable typed bare ("Hư").
  const typedAbbreviation = (t: (typeof tokens)[number]): boolean => {
    const typed = question.slice(t.start, t.end);
    return typed.length >= 2 && typed === typed.toUpperCase() && /\p{Lu}/u.test(typed) && isKnownAbbreviation(t.fold);
  };
  // A syllable typed with a tone mark that, beside a neighbour, makes a pair the passages never write, where
  // they write its letters with other marks beside that neighbour again and again ("chính thúc" where the
  // passages say "chính thức"): the marks slipped, as on a phone.
  const toneSlip = (i: number): string | null => {
    const t = tokens[i];
    if (t === undefined || isStopAccent(t.accent)) return null;
    const [before, after] = [tokens[i - 1], tokens[i + 1]];
    const content = (n: (typeof tokens)[number] | undefined): n is (typeof tokens)[number] => n !== undefined && !n.isNumber && !isStopAccent(n.accent);
    if ((content(before) && model.localBigram(before.accent, t.accent) > 0) || (content(after) && model.localBigram(t.accent, after.accent) > 0)) return null;
    const slips = model.variants(t.fold).filter((v) => v !== t.accent && ((content(before) && model.localBigram(before.accent, v) >= MIN_SLIP_PAIRS) || (content(after) && model.localBigram(v, after.accent) >= MIN_SLIP_PAIRS)));
    // (Only for a form the corpus writes more often than the one typed: "chuẩn y" is no slip for a "chuấn y"
    // a document misspelt.)
    const slip = slips.length === 1 ? (slips[0] ?? null) : null;
    return slip !== null && model.count(slip) > model.count(t.accent) ? slip : null;
  };
  const candidates = tokens.map((t, i): string[] => {
    if (TONE_LETTER.test(t.accent) && !t.isNumber && !typedAbbreviation(t)) {
      const slip = toneSlip(i);
      if (slip !== null) return [slip];
    }
    if (t.isNumber || TONE_LETTER.test(t.accent) || (isStopAccent(t.accent) && standsAsTyped(i)) || typedAbbreviation(t)) return [t.accent];
    const forms = [...model.variants(t.fold), ...functionWordForms(t.fold)].filter((v) => t.accent === t.fold || v.replace(TONE_LETTER, "") === t.accent);
    return [...new Set([t.accent, ...forms])];
  });
  // A form is known when the corpus writes it, it is a function word (documents seldom write "mấy") or a
  // syllable of the lexicon's phrases ("đa" of "tối đa").
  const isKnown = (key: string): boolean => model.count(key) > 0 || isStopAccent(key) || isLexiconSyllable(key);
  const reading = bestReading(candidates, model);
  // A form known as typed ("đa" in "tối đa là bao nhiêu") is read otherwise only beside a content
  // word: that the passages write "đã là" says nothing of "tối đa".
  const besideContent = (i: number, key: string): boolean => {
    const [before, after] = [tokens[i - 1], tokens[i + 1]];
    const neighbour = (n: (typeof tokens)[number] | undefined, at: number): string | null => (n === undefined || n.isNumber ? null : (reading[at] ?? n.accent));
    const b = neighbour(before, i - 1);
    const a = neighbour(after, i + 1);
    return (b !== null && !isStopAccent(b) && model.localBigram(b, key) > 0) || (a !== null && !isStopAccent(a) && model.localBigram(key, a) > 0);
  };
  // A syllable typed bare that makes an asking pair with its neighbour in one of its forms ("la ai", "ngay
  // nào") is read that way, whatever the counts say of the bare form.
  const asking = (i: number): string | undefined => {
    const t = tokens[i];
    if (t === undefined || t.accent !== t.fold || t.isNumber) return undefined;
    const [before, after] = [tokens[i - 1], tokens[i + 1]];
    const as = (n: (typeof tokens)[number] | undefined, at: number): string | null => (n === undefined ? null : (reading[at] ?? n.accent));
    const [b, a] = [as(before, i - 1), as(after, i + 1)];
    return (candidates[i] ?? []).find((form) => form !== t.accent && ((b !== null && ASKING_PAIRS.has(`${b} ${form}`)) || (a !== null && ASKING_PAIRS.has(`${form} ${a}`))));
  };
  return rewriteSyllables(question, (t, i) => {
    const pair = asking(i);
    if (pair !== undefined) return spellAccentKey(pair);
    const known = (candidates[i] ?? []).filter(isKnown);
    const unknownAsTyped = !isKnown(t.accent) && known.length === 1 ? (known[0] ?? null) : null;
    const read = reading[i];
    const key = (read !== null && read !== undefined && read !== t.accent && isKnown(t.accent) && !besideContent(i, read) ? null : read) ?? unknownAsTyped;
    return key === null || key === t.accent ? null : spellAccentKey(key);
  }, tokens);
}
