/**
 * Query understanding: from a question as typed (Vietnamese with or without diacritics, abbreviations,
 * typos, or English) to a plan for retrieval and answer extraction.
 */
import { analyzeText } from "../text/analyze.js";
import { findSynonyms, isEnglishStopword, isStopAccent, isStopFold, looksEnglish, translateEnglish } from "../text/lexicon.js";
import { cleanUnicode, collapseSpaces, foldKey, hasDiacritics } from "../text/normalize.js";
import type { Token } from "../text/tokenize.js";

/** What kind of fact a question asks for. */
export type QuestionKind = "count" | "percent" | "date" | "duration" | "list" | "definition" | "other";

/** One way of writing a term: its folded key and, for accented input, its accent key. */
export interface TermKey {
  fold: string;
  /** Accent key, or null when the question had no diacritics (match folded). */
  accent: string | null;
}

/** A key term of the question, weighed by rarity when answers are checked. */
export interface QueryTerm extends TermKey {
  isNumber: boolean;
  /** Syllables of synonyms or other translations: the term also counts as found when one of these is. */
  alternatives: TermKey[];
}

/** The plan retrieval and answer extraction work from. */
export interface QueryPlan {
  question: string;
  language: "vi" | "en";
  kind: QuestionKind;
  /** Text for the embedding and the lexical index (translated for English questions). */
  searchText: string;
  accent: string[] | null;
  fold: string[];
  bigrams: string[];
  terms: QueryTerm[];
  /** Number keys in the question ("2013"), which an answer's passage must contain. */
  numbers: string[];
  /** 4 for "thứ tư", "fourth": the question asks for the n-th item of an enumerated list. */
  ordinal: number | null;
  /** English words the glossary did not know. */
  unknownWords: string[];
}

/** Questions longer than this are cut before analysis (Telegram allows 4,096 characters). */
export const MAX_QUESTION_CHARS = 500;

const PERCENT_WORDS = new Set(["phan", "tram", "ty", "ti", "le", "%"]);
const NUMERALS = ["", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"];
const ORDINAL_WORDS: Record<string, number> = { nhat: 1, hai: 2, ba: 3, tu: 4, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10 };

function detectKind(folded: string): QuestionKind {
  const has = (re: RegExp): boolean => re.test(folded);
  if (has(/phan tram|ty le|ti le|%|\bpercent|\bproportion|\bshare\b/)) return "percent";
  if (has(/ngay nao|ngay thang nao|khi nao|bao gio|nam nao|thoi diem nao|luc nao|thoi gian nao|\bwhen\b|what date|which year|what year|which date/)) return "date";
  if (has(/bao lau|may lan|bao nhieu lan|how often|how long|thuong le/)) return "duration";
  if (has(/bao nhieu|\bmay\b|so luong|how many|how much|what number/)) return "count";
  if (has(/gom nhung|nhung ai|nhung gi|bao gom|gom co|\bai\b|^nhung\b.*\bnao\b|\bwhich\b|\bwho\b|what are|\blist\b/)) return "list";
  if (has(/la gi|what is|what does|nghia la|the nao la/)) return "definition";
  return "other";
}

function detectOrdinal(folded: string): number | null {
  const vi = folded.match(/\bthu (nhat|hai|ba|tu|bon|nam|sau|bay|tam|chin|muoi|\d+)\b/);
  if (vi?.[1]) return ORDINAL_WORDS[vi[1]] ?? Number(vi[1]);
  const en = folded.match(/\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b/);
  if (en?.[1]) return ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"].indexOf(en[1]) + 1;
  return null;
}

/** Builds the plan for a question. */
export function understandQuestion(raw: string): QueryPlan {
  const question = collapseSpaces(cleanUnicode(raw)).slice(0, MAX_QUESTION_CHARS);
  const folded = foldKey(question);
  const english = looksEnglish(question);
  const accented = english || hasDiacritics(question);
  const kind = detectKind(folded);
  // Words that only name the kind of fact ("phần trăm" → a "%" in the text) are not key terms.
  const kindWords = kind === "percent" ? PERCENT_WORDS : null;
  const ordinal = detectOrdinal(folded);
  const numeral = ordinal !== null ? NUMERALS[ordinal] : undefined;

  // Each group is a phrase of the question with its alternatives (glossary translations, synonyms).
  let groups: string[][];
  let unknownWords: string[] = [];
  if (english) {
    const translation = translateEnglish(question);
    groups = translation.groups;
    unknownWords = translation.unknown;
  } else {
    groups = [[question]];
    for (const { found, others } of findSynonyms(folded)) groups.push([found, ...others].map((p, i) => (i === 0 ? `\u0000${p}` : p)));
  }
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  const keyOf = (t: Token): TermKey => ({ fold: t.fold, accent: accented ? t.accent : null });
  const isKeyTerm = (t: Token): boolean => {
    const stop = accented ? isStopAccent(t.accent) : isStopFold(t.fold);
    if (stop || (english && isEnglishStopword(t.lower)) || kindWords?.has(t.fold)) return false;
    return !(ordinal !== null && (t.fold === "thu" || ORDINAL_WORDS[t.fold] === ordinal || t.fold === String(ordinal)));
  };
  for (const group of groups) {
    const [primary = "", ...alternatives] = group;
    // A synonym found inside the question (marked with \u0000) only lends alternatives to its own terms.
    const isSynonymOfQuestion = primary.startsWith("\u0000");
    const altKeys = alternatives.flatMap((a) => analyzeText(a, false).tokens.map(keyOf));
    for (const t of analyzeText(primary.replace("\u0000", "")).tokens) {
      if (!isKeyTerm(t)) continue;
      const key = accented ? t.accent : t.fold;
      const existing = terms.find((x) => (accented ? x.accent : x.fold) === key);
      if (existing) {
        existing.alternatives.push(...altKeys);
        continue;
      }
      if (isSynonymOfQuestion || seen.has(key)) continue;
      seen.add(key);
      terms.push({ ...keyOf(t), isNumber: t.isNumber, alternatives: [...altKeys] });
    }
  }
  // Search with every phrase and alternative; commas keep bigrams inside phrases.
  let searchText = groups.flat().map((p) => p.replace("\u0000", "")).join(", ");
  // Enumerated lessons and duties are written "Bốn là, …": search for that form too.
  if (numeral) searchText = `${searchText}, ${numeral} là`;
  const view = analyzeText(searchText);
  return {
    question,
    language: english ? "en" : "vi",
    kind,
    searchText,
    accent: accented ? view.accent : null,
    fold: view.fold,
    bigrams: view.bigrams,
    terms,
    numbers: terms.filter((t) => t.isNumber).map((t) => t.fold),
    ordinal,
    unknownWords,
  };
}
