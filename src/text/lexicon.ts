/**
 * Domain lexicon: abbreviations, the English→Vietnamese glossary and stop words. The data lives in JSON
 * files beside this module so that admins can extend it without touching code.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { foldKey, hasDiacritics, toneKey } from "./normalize.js";
import { BODY_OR_ROLE, DOCUMENT_KIND_WORDS } from "./vietnamese.js";

const require = createRequire(import.meta.url);

function loadTable(file: string): Record<string, unknown> {
  const table = require(`./lexicon/${file}`) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(table).filter(([key]) => !key.startsWith("_")));
}

const abbreviationTable = loadTable("abbreviations.json") as Record<string, string>;
const glossaryTable = loadTable("glossary-en-vi.json") as Record<string, string>;
const stopwordTable = loadTable("stopwords.json") as { vi: string[]; en: string[]; foldAmbiguous: string[] };

/**
 * A fingerprint of the tables ingest analyses documents with (abbreviations are expanded in passages, stop
 * words shape the stored vectors): an index written under other tables is rebuilt, or a passage would keep
 * the old reading of "DTTS" while questions get the new one.
 */
export const INGEST_LEXICON_FINGERPRINT = createHash("sha256").update(JSON.stringify([abbreviationTable, stopwordTable])).digest("hex").slice(0, 16);

// Initial consonants, vowel nuclei and finals of Vietnamese syllables (folded), to tell a lower-case
// abbreviation ("ubnd", "btv") from an ordinary syllable ("tu", "hd" is not one either).
const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnpqrstvx])?(uye|uya|uyu|oai|oay|oeo|uay|uoi|uou|ieu|yeu|uoi|ươi|oa|oe|uy|ua|uo|ue|ui|ie|ye|ia|ai|ao|au|ay|eo|eu|oi|ou|iu|ua|[aeiouy])(ch|ng|nh|[cmnpt]|[iyou])?$/;

/** True when a folded lower-case word could be a Vietnamese syllable. */
export function isVietnameseSyllable(folded: string): boolean {
  return SYLLABLE.test(folded);
}

interface Abbreviation {
  short: string;
  full: string;
  foldedShort: string;
  matchesLowerCase: boolean;
}

const abbreviations: Abbreviation[] = Object.entries(abbreviationTable).map(([short, full]) => {
  const foldedShort = foldKey(short);
  return { short, full, foldedShort, matchesLowerCase: foldedShort.length >= 3 && !isVietnameseSyllable(foldedShort) };
});
const abbreviationByExact = new Map(abbreviations.map((a) => [a.short, a]));
const allFoldedAbbreviations = new Set(abbreviations.map((a) => a.foldedShort));

/** The full form of a known abbreviation given folded ("bch" → "ban chấp hành"), or null. */
export function abbreviationExpansion(folded: string): string | null {
  return abbreviations.find((a) => a.foldedShort === folded)?.full ?? null;
}

/** True when a folded word is one of the known abbreviations ("bch", "tccsd"). */
export function isKnownAbbreviation(folded: string): boolean {
  return allFoldedAbbreviations.has(folded);
}
const abbreviationByFolded = new Map<string, Abbreviation>();
for (const a of abbreviations) if (a.matchesLowerCase) abbreviationByFolded.set(a.foldedShort, a);
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// Every word `expandAbbreviations` would expand, and more (case ignored): a text without a match has none.
const ANY_ABBREVIATION = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:${[...abbreviations.map((a) => escapeRegExp(a.short)), ...[...abbreviationByFolded.keys()].map((k) => escapeRegExp(k).replace(/d/g, "[dđ]"))].join("|")})(?![\\p{L}\\p{M}-])`,
  "iu",
);

/**
 * Appends the full form after every abbreviation: "số TCCSĐ" → "số TCCSĐ tổ chức cơ sở đảng". Applied to
 * documents and questions alike, so either spelling finds the other. Upper-case abbreviations always
 * match; lower-case ones only when they cannot be an ordinary syllable ("tccsd" yes, "tu" no).
 */
export function expandAbbreviations(text: string): string {
  // Most texts hold none: one scan for any of them spares the word-by-word look-up.
  if (!ANY_ABBREVIATION.test(text)) return text;
  return text.replace(/[\p{L}][\p{L}\p{M}-]*/gu, (word) => {
    const exact = abbreviationByExact.get(word);
    if (exact && /\p{Lu}.*\p{Lu}/u.test(word)) return `${word} ${exact.full}`;
    // Lower-case abbreviations are ASCII (plus đ): a cheap key avoids Unicode decomposition per word.
    const folded = word.length <= 12 ? abbreviationByFolded.get(word.toLowerCase().replace(/đ/g, "d")) : undefined;
    return folded ? `${word} ${folded.full}` : word;
  });
}

// Single-syllable stop words, and multi-syllable stop phrases ("như thế nào", "toàn bộ") that are stop
// words only as a whole: "bộ" alone is a content word ("chi bộ").
const viStopAccent = new Set<string>();
const viStopFold = new Set<string>();
const viStopPhrases: Array<{ accent: string[]; fold: string[] }> = [];
for (const phrase of stopwordTable.vi) {
  const syllables = phrase.toLowerCase().split(/\s+/);
  if (syllables.length === 1) {
    viStopAccent.add(toneKey(syllables[0] ?? ""));
    viStopFold.add(foldKey(syllables[0] ?? ""));
  } else {
    viStopPhrases.push({ accent: syllables.map(toneKey), fold: syllables.map(foldKey) });
  }
}
for (const ambiguous of stopwordTable.foldAmbiguous) viStopFold.delete(ambiguous);
/** The stop phrases by their first key, accented and folded (see `stopMask`). */
const stopPhrasesByAccent = new Map<string, string[][]>();
const stopPhrasesByFold = new Map<string, string[][]>();
const NO_PHRASES: readonly string[][] = [];
for (const { accent, fold } of viStopPhrases) {
  for (const [byFirst, keys] of [[stopPhrasesByAccent, accent], [stopPhrasesByFold, fold]] as const) {
    const first = keys[0] ?? "";
    const list = byFirst.get(first);
    if (list) list.push(keys);
    else byFirst.set(first, [keys]);
  }
}
const enStop = new Set(stopwordTable.en);
// Every syllable of the stop table, single or in a phrase, by its folded letters.
const stopFormsByFold = new Map<string, string[]>();
for (const syllable of new Set(stopwordTable.vi.flatMap((phrase) => phrase.toLowerCase().split(/\s+/)))) {
  const forms = stopFormsByFold.get(foldKey(syllable)) ?? [];
  if (!forms.includes(toneKey(syllable))) forms.push(toneKey(syllable));
  stopFormsByFold.set(foldKey(syllable), forms);
}

const stopPhrasePairs = new Set(viStopPhrases.flatMap(({ accent }) => accent.slice(1).map((key, i) => `${accent[i] ?? ""} ${key}`)));

/** True when two syllables (tone keys) stand together in a function-word phrase ("bao nhiêu", "thế nào"). */
export function isFunctionPhrasePair(previous: string, next: string): boolean {
  return stopPhrasePairs.has(`${previous} ${next}`);
}

/**
 * Accent keys of the function and question words (alone or in a stop phrase) written with these folded
 * letters ("may" → mấy; "nao" → nào): forms a question may mean although documents seldom write them.
 */
export function functionWordForms(foldedKey: string): readonly string[] {
  return stopFormsByFold.get(foldedKey) ?? [];
}

/** Whether a texting reading is a function or question word, or a stop phrase ("bạn", "bao nhiêu", "được"). */
function isFunctionReading(full: string): boolean {
  const keys = full.toLowerCase().split(/\s+/).map(toneKey);
  return keys.length === 1 ? viStopAccent.has(keys[0] ?? "") : keys.slice(1).every((key, i) => stopPhrasePairs.has(`${keys[i] ?? ""} ${key}`));
}

/** True when a syllable (given as its tone key) is a function or question word. */
export function isStopAccent(accentKey: string): boolean {
  return viStopAccent.has(accentKey);
}

/** True when a folded syllable is a function word in some accent ("co" = có, cô, cơ …): checked loosely. */
export function isStopFold(foldedKey: string): boolean {
  return viStopFold.has(foldedKey);
}

/**
 * Which tokens are stop words: single stop syllables, and every syllable of a stop phrase found whole.
 * `accented` compares accent keys, otherwise folded keys.
 */
export function stopMask(tokens: ReadonlyArray<{ accent: string; fold: string }>, accented: boolean): boolean[] {
  const singles = accented ? viStopAccent : viStopFold;
  const byFirst = accented ? stopPhrasesByAccent : stopPhrasesByFold;
  const keys = accented ? tokens.map((t) => t.accent) : tokens.map((t) => t.fold);
  const mask = keys.map((k) => singles.has(k));
  // (Only the phrases that open with each key are tried, in plain loops: this runs for every unit of every
  // candidate passage, and a closure per phrase and position was a fifth of an answer's allocations.)
  for (let i = 0; i < keys.length; i++) {
    for (const target of byFirst.get(keys[i] as string) ?? NO_PHRASES) {
      if (i + target.length > keys.length) continue;
      let whole = true;
      for (let j = 1; j < target.length && whole; j++) whole = keys[i + j] === target[j];
      if (whole) for (let j = 0; j < target.length; j++) mask[i + j] = true;
    }
  }
  return mask;
}

/** True for English words with no domain meaning. */
export function isEnglishStopword(word: string): boolean {
  return enStop.has(word);
}

interface GlossaryEntry {
  words: string[];
  vi: string[];
}

const glossary = new Map<string, GlossaryEntry>();
const glossaryFirstWords = new Set<string>();
let longestGlossaryKey = 1;
for (const [en, vi] of Object.entries(glossaryTable)) {
  // Possessives are dropped on both sides: "people's committee" is looked up as "people committee".
  const words = en.toLowerCase().replace(/['’]s\b/g, "").split(/\s+/);
  longestGlossaryKey = Math.max(longestGlossaryKey, words.length);
  glossary.set(words.join(" "), { words, vi: vi.split("|").map((v) => v.trim()) });
  for (const w of words) glossaryFirstWords.add(w);
}

/** True when an English word (lower case) starts a glossary entry: it is a word, not a Vietnamese name. */
export function isGlossaryWord(word: string): boolean {
  return glossaryFirstWords.has(word) || isEnglishStopword(word);
}

/** Whether English words (any case, plurals as `singularize` reads them) make one glossary entry ("certificates of merit"). */
export function isGlossaryPhrase(words: readonly string[]): boolean {
  const key = words.map((w) => w.toLowerCase().replace(/['’]s$/u, ""));
  return glossary.has(key.join(" ")) || glossary.has([...key.slice(0, -1), singularize(key[key.length - 1] ?? "")].join(" ")) || glossary.has(key.map(singularize).join(" "));
}

/** English plural and verb endings reduced to a dictionary form: "communes" → "commune", "cells" → "cell". */
export function singularize(word: string): string {
  if (glossary.has(word)) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("es") && glossary.has(word.slice(0, -2))) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/**
 * The glossary's form of an inflected English word: a plural as `singularize` reads it, else a verb or
 * adverb ending removed ("listed" → "list", "welcoming" → "welcome", "planned" → "plan", "newly" →
 * "new", "electronically" → "electronic") when the glossary uses the shorter word; else the word.
 */
export function dictionaryForm(word: string): string {
  // "listed", "stated" in "which forms are listed": the question's own wording, not a noun ("list").
  if (glossary.has(word) || isEnglishStopword(word)) return word;
  const singular = singularize(word);
  if (glossaryFirstWords.has(singular)) return singular;
  for (const candidate of withoutEnding(word)) if (glossaryFirstWords.has(candidate)) return candidate;
  return singular;
}

/** Candidate dictionary forms of a word with an -ed, -ing or -ly ending, most likely first. */
function withoutEnding(word: string): string[] {
  const out: string[] = [];
  const verb = /^(\p{L}{2,}?)(?:ed|ing)$/u.exec(word)?.[1];
  if (verb) {
    if (word.endsWith("ied")) out.push(`${word.slice(0, -3)}y`);
    out.push(verb, `${verb}e`);
    if (/([^aeiouls])\1$/u.test(verb)) out.push(verb.slice(0, -1));
  }
  const adverb = /^(\p{L}{3,}?)ly$/u.exec(word)?.[1];
  if (adverb) {
    // "-ically" comes from "-ic" ("economically" → "economic"); "-ally" otherwise keeps its "-al" ("normally"
    // is "normal", not "norm").
    out.push(adverb);
    if (adverb.endsWith("ical")) out.push(adverb.slice(0, -2));
    if (adverb.endsWith("i")) out.push(`${adverb.slice(0, -1)}y`);
    out.push(`${adverb}e`);
  }
  return out;
}

const ENGLISH_MARKERS = new Set(["how", "what", "which", "who", "whom", "whose", "when", "where", "why", "is", "are", "the", "of", "many", "much", "does", "do", "did", "was", "were", "can", "could", "must", "should", "may", "has", "have", "an", "in", "to", "for", "by", "with", "according"]);

/**
 * True when a question reads as English: mostly ASCII words (Vietnamese names like "Buôn Hồ" may stand
 * in it), with English function words, and not mostly words that are Vietnamese syllables or
 * abbreviations ("quyet dinh 2579 cua ubnd can tho ban hanh ngay nao" is Vietnamese typed without
 * diacritics, "can" notwithstanding).
 */
export function looksEnglish(question: string): boolean {
  // (Capitalised words after the first are names, which say nothing of the language: "Which commune does
  // Vương Đình Lộc follow?")
  const all = question.match(/[\p{L}']+/gu) ?? [];
  const unnamed = all.filter((w, i) => i === 0 || !/^\p{Lu}/u.test(w));
  const words = (unnamed.length > 0 ? unnamed : all).map((w) => w.toLowerCase());
  if (words.length === 0) return false;
  const ascii = words.filter((w) => /^[a-z']+$/.test(w));
  if (ascii.length / words.length < 0.6) return false;
  const markers = ascii.filter((w) => ENGLISH_MARKERS.has(w)).length;
  const vietnamese = words.filter((w) => isVietnameseSyllable(foldKey(w)) || allFoldedAbbreviations.has(foldKey(w)) || textingKeys.has(w)).length;
  return markers >= 1 && ascii.some((w) => w.length > 3 && !isVietnameseSyllable(w)) && vietnamese / words.length < 0.7;
}

/** The result of translating an English question through the glossary. */
export interface Translation {
  /** One group per matched glossary entry or kept word: its alternative Vietnamese phrases, in question order. */
  groups: string[][];
  /** Content words the glossary did not know (names and numbers are kept as they are). */
  unknown: string[];
  /**
   * The groups of glossary phrases the question capitalises mid-sentence, two words or more ("the provincial
   * Business Bloc"): the name of a particular body, which a passage about it names.
   */
  named: string[][];
}

/**
 * English contractions as their words: "doesn't" → "does not", "can't" → "can not", "won't" → "will not";
 * a pronoun's "'re", "'ve", "'ll", "'d", "'m" go (function words all).
 */
export function expandContractions(text: string): string {
  return text
    .replace(/\b(ca|wo|sha)n['’]t\b/giu, (_, stem: string) => `${({ ca: "can", wo: "will", sha: "shall" } as Record<string, string>)[stem.toLowerCase()] ?? stem} not`)
    .replace(/\b(\p{L}+)n['’]t\b/giu, "$1 not")
    .replace(/\b(I|you|we|they|he|she|it|there|that|who|what)['’](?:re|ve|ll|d|m)\b/giu, "$1");
}

const QUARTERS = ["first", "second", "third", "fourth"];

/** A quarter written short as its words: "Q1 2027" → "first quarter 2027" (the glossary's "quý I"). */
export function expandQuarters(text: string): string {
  return text.replace(/\bQ([1-4])\b/gu, (_, n: string) => `${QUARTERS[Number(n) - 1] ?? ""} quarter`);
}

/** A lower-case word written as a Vietnamese syllable with its diacritics ("bộ", "đảng"; not "chi"). */
function isAccentedSyllable(word: { raw: string; lower: string }): boolean {
  return word.raw === word.lower && /[^\x00-\x7F]/u.test(word.lower) && isVietnameseSyllable(foldKey(word.lower));
}

/** A lower-case word that may be an unaccented Vietnamese syllable beside an accented one ("chi" in "chi bộ"): no English word of its own. */
function mayBeUnaccentedSyllable(word: { raw: string; lower: string } | undefined): boolean {
  return word !== undefined && word.raw === word.lower && /^[a-z]+$/u.test(word.lower) && isVietnameseSyllable(word.lower) && !isEnglishStopword(word.lower) && !glossary.has(dictionaryForm(word.lower));
}

/**
 * How many words from `at` are a Vietnamese term written into an English question ("the tổ dân phố", "the
 * chi bộ's meetings", "the dân vận plan"): lower-case syllables, at least one with its diacritics (an
 * unaccented run is too easily English). 0 when the word there is none. The term is kept as the question
 * wrote it, a phrase to find, not an unknown English word.
 */
function vietnameseRunAt(words: ReadonlyArray<{ raw: string; lower: string }>, at: number): number {
  let end = at;
  while (end < words.length) {
    const word = words[end];
    if (word === undefined || !(isAccentedSyllable(word) || mayBeUnaccentedSyllable(word))) break;
    end++;
  }
  return words.slice(at, end).some(isAccentedSyllable) ? end - at : 0;
}

/** "last" as a verb, and the auxiliaries a question asking how long something lasts has before it. */
const LAST_VERB = new Set(["last", "lasts", "lasted"]);
const AUXILIARIES = new Set(["does", "do", "did", "will", "would", "should", "must", "can", "could", "may", "might"]);
/** Words after "once" that make it a count ("once a month", "once every quarter"). */
const ONCE_COUNTED_BY = new Set(["a", "an", "every", "each", "per", "more", "again", "or"]);
/** Words that open a clause's subject: after "once" mid-question, they make it the conjunction. */
const CLAUSE_SUBJECT_OPENERS = new Set(["the", "it", "they", "he", "she", "this", "that", "these", "those", "its", "their", "his", "her", "we", "you"]);

/** Greedy longest-match translation of an English question into Vietnamese domain phrases. */
/** A gloss in parentheses, a few lower-case words restating the word before it ("full (official) members"). */
const PARENTHESISED_GLOSS = /\s*\((?:[a-z]+\s?){1,3}\)/gu;

export function translateEnglish(question: string): Translation {
  // (The gloss is left out: the words around it may make one glossary phrase, "full party members".)
  const words = (expandQuarters(expandContractions(question.replace(PARENTHESISED_GLOSS, ""))).match(/\p{L}[\p{L}\p{M}'’-]*|\d+(?:[.,/-]\d+)*%?(?:st|nd|rd|th)?(?!\p{L})/gu) ?? [])
    // Quotation marks around a phrase ("'completed well'") and a possessive ("Can Tho's") are not part of the word.
    .map((w) => w.replace(/^['’]+|['’]+$/gu, "").replace(/['’]s$/u, ""))
    // A hyphenated word the glossary does not hold is read as its parts ("e-consultation", "law-making").
    .flatMap((w) => (w.includes("-") && !glossary.has(dictionaryForm(w.toLowerCase())) ? w.split("-") : [w]))
    .filter((w) => w.length > 0)
    .map((w) => ({ raw: w, lower: w.toLowerCase() }));
  const groups: string[][] = [];
  const unknown: string[] = [];
  const named: string[][] = [];
  // Capitalised words mid-question are names (Buon Ho, Krong Bong), even a function word that starts one ("Can Tho").
  // The first word is capitalised anyway: it is a name only as the start of one that no English word opens
  // ("Vi Văn Khải was appointed …", not "Does Hoa Binh …").
  const isName = (k: number): boolean => {
    const word = words[k];
    if (!word || !/^\p{Lu}/u.test(word.raw)) return false;
    if (k === 0) return !isEnglishStopword(word.lower) && !glossaryFirstWords.has(dictionaryForm(word.lower)) && isName(1);
    if (!isEnglishStopword(word.lower)) return true;
    const next = words[k + 1];
    return next !== undefined && /^\p{Lu}/u.test(next.raw) && !isEnglishStopword(next.lower) && !glossaryFirstWords.has(dictionaryForm(next.lower));
  };
  // "How long does the drive last?": "last" closing a question with an auxiliary is the verb, which says no
  // more than "how long" does (not the adjective of "the last meeting", "cuối cùng").
  const lastIsVerb = (k: number): boolean => {
    const after = words[k + 1]?.lower;
    return LAST_VERB.has(words[k]?.lower ?? "") && (after === undefined || after === "for" || after === "until") && words.slice(0, k).some((w) => AUXILIARIES.has(w.lower));
  };
  // "Once the company gets its own party committee, …": "once" opening a question is the conjunction (khi),
  // not "một lần" ("once a month"); so is "once" before a clause's subject ("… once the decision arrives").
  const onceIsConjunction = (k: number): boolean => {
    if (words[k]?.lower !== "once") return false;
    const next = words[k + 1]?.lower ?? "";
    return k === 0 ? !ONCE_COUNTED_BY.has(next) : CLAUSE_SUBJECT_OPENERS.has(next);
  };
  let i = 0;
  while (i < words.length) {
    if (lastIsVerb(i)) {
      i++;
      continue;
    }
    if (onceIsConjunction(i)) {
      i++;
      continue;
    }
    let matched = false;
    for (let n = Math.min(longestGlossaryKey, words.length - i); n >= 1; n--) {
      const slice = words.slice(i, i + n).map((w) => w.lower);
      const key = slice.join(" ");
      // (A word that opens longer entries, "newly" of "newly built", is still read alone by its stem: "new".)
      const entry = glossary.get(key) ?? glossary.get(slice.map(dictionaryForm).join(" ")) ?? (n === 1 && !isEnglishStopword(key) ? withoutEnding(key).map((stem) => glossary.get(stem)).find((e) => e !== undefined) : undefined);
      if (entry) {
        groups.push(entry.vi);
        const phrase = words.slice(i, i + n);
        if (n >= 2 && i > 0 && phrase.every((w) => /^\p{Lu}/u.test(w.raw) || isEnglishStopword(w.lower)) && phrase.some((w) => /^\p{Lu}/u.test(w.raw))) named.push(entry.vi);
        i += n;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const vietnamese = vietnameseRunAt(words, i);
    if (vietnamese > 0) {
      groups.push([words.slice(i, i + vietnamese).map((w) => w.lower).join(" ")]);
      i += vietnamese;
      continue;
    }
    const word = words[i];
    i++;
    if (!word) continue;
    if (/^\d/.test(word.raw)) groups.push([word.raw.replace(/(?:st|nd|rd|th)$/u, "")]);
    else if (isName(i - 1)) groups.push([word.raw]);
    else if (isEnglishStopword(word.lower) || withoutEnding(word.lower).some(isEnglishStopword)) continue;
    else unknown.push(word.lower);
  }
  return { groups: withHeadTitles(groups), unknown, named };
}

/** What "head" and "head of" translate to first: no office of their own. */
const GENERIC_HEADS = new Set(["người đứng đầu", "trưởng"]);
/**
 * The office that heads a body, by the body's name (folded, at its start): an inspection commission's head is
 * its Chủ nhiệm, a people's committee's or a front's its Chủ tịch, a party committee's or cell's its Bí thư, a
 * board's its Trưởng ban, a department's its Giám đốc.
 */
const HEAD_TITLES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:uy ban kiem tra|ubkt)\b/u, "chủ nhiệm"],
  [/^(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd|mat tran|uy ban mat tran|hoi\b)/u, "chủ tịch"],
  [/^(?:dang uy|huyen uy|tinh uy|thanh uy|quan uy|thi uy|chi bo|dang bo|cap uy|chi uy|ban chap hanh|ban thuong vu|doan thanh nien|chi doan)\b/u, "bí thư"],
  [/^ban\b/u, "trưởng ban"],
  [/^so\b/u, "giám đốc"],
];

/**
 * "Who heads the commune's party inspection commission?": "head" is said by the office that heads the body
 * named after it (its Chủ nhiệm), so that office joins the generic renderings.
 */
function withHeadTitles(groups: string[][]): string[][] {
  return groups.map((group, at) => {
    if (!GENERIC_HEADS.has(group[0] ?? "")) return group;
    for (const later of groups.slice(at + 1)) {
      const title = HEAD_TITLES.find(([body]) => later.some((phrase) => body.test(foldKey(phrase))))?.[1];
      if (title !== undefined) return group.includes(title) ? group : [...group, title];
    }
    return group;
  });
}

const synonymTable = loadTable("synonyms.json") as { groups: string[][] };
const syllablesOf = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}%]+/u).filter((w) => w.length > 0);
const synonymGroups = synonymTable.groups.map((group) =>
  group.map((phrase) => ({ phrase, folded: foldKey(phrase), syllables: syllablesOf(phrase).map((w) => ({ fold: foldKey(w), tone: toneKey(w) })) })),
);

// The phrases of the synonym groups are words of the language ("tối đa", "ít nhất", "không quá"), whether
// or not a corpus writes them: their syllables, and the pairs they make, by accent key.
const lexiconPhraseKeys = synonymGroups.flatMap((group) => group.map((member) => member.syllables.map((m) => m.tone)));
const lexiconSyllables = new Set(lexiconPhraseKeys.flat());
const lexiconPairs = new Set(lexiconPhraseKeys.flatMap((keys) => keys.slice(1).map((key, i) => `${keys[i] ?? ""} ${key}`)));

/** True when a syllable (accent key) is one of a synonym group's phrases: a word of the language. */
export function isLexiconSyllable(accentKey: string): boolean {
  return lexiconSyllables.has(accentKey);
}

/** True when two syllables (accent keys) stand together in a synonym group's phrase ("tối đa"). */
export function isLexiconPhrasePair(previous: string, next: string): boolean {
  return lexiconPairs.has(`${previous} ${next}`);
}

/**
 * Synonym groups whose members occur in a question: for each occurrence, the phrase found and the other
 * members of its group. A syllable typed with diacritics must be the member's own ("trường hợp" holds no
 * "họp"); one typed without them matches whatever it folds to.
 */
export function findSynonyms(question: string): Array<{ found: string; others: string[] }> {
  // "đ" alone marks no tone: "đa" typed may be any "đa", "đã", "đá".
  const words = syllablesOf(question).map((w) => ({ fold: foldKey(w), tone: toneKey(w), marked: hasDiacritics(w.replace(/đ/g, "d")) }));
  const padded = ` ${words.map((w) => w.fold).join(" ")} `;
  const out: Array<{ found: string; others: string[] }> = [];
  for (const group of synonymGroups) {
    for (const member of group) {
      if (!padded.includes(` ${member.folded} `)) continue;
      const typedAt = (i: number): boolean =>
        member.syllables.every((m, j) => {
          const w = words[i + j];
          return w !== undefined && w.fold === m.fold && (!w.marked || w.tone === m.tone);
        });
      if (member.syllables.length > 0 && words.some((_, i) => typedAt(i))) out.push({ found: member.phrase, others: group.filter((m) => m !== member).map((m) => m.phrase) });
    }
  }
  return out;
}

const DOCUMENT_KINDS = new Set<string>(DOCUMENT_KIND_WORDS);
const textingTable = require("./lexicon/texting.json") as { entries: Record<string, string>; ambiguous: Record<string, string[]>; beforeName: Record<string, string>; notNames: string[] };
const titleBeforeName = new Map(Object.entries(textingTable.beforeName).map(([k, v]) => [k.toLowerCase(), v]));
// A capitalised word (not in capitals throughout, as "UBND" is) and the word after it.
const CAPITALISED_NEXT = /^\s+(\p{Lu}\p{Ll}*)(?!\p{L})(?:\s+(\p{L}+))?/u;
const NOT_NAMES = new RegExp(`^(?:${[...textingTable.notNames, ...DOCUMENT_KIND_WORDS].join("|")})(?!\\p{L})`, "iu");

/** Whether the text after a word opens with a personal name: capitalised, and no body, role, document kind or capitalised term. */
function nameFollows(after: string): boolean {
  const next = CAPITALISED_NEXT.exec(after);
  if (!next) return false;
  const words = `${next[1] ?? ""} ${next[2] ?? ""}`.trim().toLowerCase();
  return !BODY_OR_ROLE.test(words) && !NOT_NAMES.test(words);
}
const textingKeys = new Set([...Object.keys(textingTable.entries), ...Object.keys(textingTable.ambiguous)].map((k) => k.toLowerCase()));
const textingEntries = new Map(Object.entries(textingTable.entries).map(([k, v]) => [k.toLowerCase(), [v]]));
for (const [k, candidates] of Object.entries(textingTable.ambiguous)) if (!textingEntries.has(k.toLowerCase())) textingEntries.set(k.toLowerCase(), candidates);

/** Two letters or more, then the digits of a number typed against them ("kp5"; not "h30", "k12"). */
const SHORTHAND_WITH_NUMBER = /(?<![\p{L}\p{N}])(\p{L}{2,5})(\d{1,3})(?![\p{L}\p{N}])/gu;

/** Letters a shorthand typed as initials may have ("dp", "htt", "hssv", "hdqt"). */
const INITIALS = /^[a-zđ]{2,5}$/iu;
/** How many times more passages the commonest reading of initials must have than the next, when nothing beside them decides. */
const INITIALS_DOMINANCE = 2;
/** Partial readings of initials kept while they are extended syllable by syllable. */
const INITIALS_BEAM = 30;

/**
 * Whether a word may be a shorthand typed as initials: letters only, no syllable nor one missing its vowel
 * ("dnh" is "định" mistyped), no known abbreviation, not in the corpus, not a name.
 */
function mayBeInitials(word: string, knows: (folded: string) => boolean): boolean {
  const folded = foldKey(word);
  return INITIALS.test(word) && !/^\p{Lu}\p{Ll}+$/u.test(word) && !isVietnameseSyllable(folded) && !(folded.length >= 3 && missesAVowel(folded)) && !allFoldedAbbreviations.has(folded) && !knows(folded);
}

/** Whether a folded word is a syllable with one vowel left out ("dnh" → "dinh"). */
function missesAVowel(folded: string): boolean {
  for (let i = 0; i <= folded.length; i++) for (const vowel of "aeiouy") if (isVietnameseSyllable(`${folded.slice(0, i)}${vowel}${folded.slice(i)}`)) return true;
  return false;
}

/**
 * The phrases the corpus writes whose syllables open with the initials (folded, "dp" → "dan pho"), each with
 * how many passages have all its bigrams, commonest first: chains of the corpus's bigrams, at least
 * MIN_READING_EVIDENCE passages each.
 */
function initialsReadings(initials: string, byInitials: (initials: string) => ReadonlyArray<{ bigram: string; passages: number }>, together: (foldedBigrams: readonly string[]) => number): Array<{ phrase: string; passages: number }> {
  const letters = [...initials];
  let partial: string[][] = byInitials(`${letters[0]}${letters[1]}`).slice(0, INITIALS_BEAM).map((b) => [b.bigram]);
  for (let k = 2; k < letters.length && partial.length > 0; k++) {
    // (The next pairs by their first syllable, commonest first: a chain goes on with those its last syllable opens.)
    const next = new Map<string, string[]>();
    for (const { bigram } of byInitials(`${letters[k - 1]}${letters[k]}`)) {
      const first = bigram.slice(0, bigram.indexOf("_"));
      const list = next.get(first);
      if (list) list.push(bigram);
      else next.set(first, [bigram]);
    }
    partial = partial
      .flatMap((chain) => (next.get((chain[chain.length - 1] ?? "").split("_")[1] ?? "") ?? []).map((bigram) => [...chain, bigram]))
      .slice(0, INITIALS_BEAM);
  }
  return partial
    .map((chain) => ({ phrase: [...chain.map((b) => b.split("_")[0]), (chain[chain.length - 1] ?? "").split("_")[1]].join(" "), passages: together(chain) }))
    .filter((r) => r.passages >= MIN_READING_EVIDENCE)
    .sort((a, b) => b.passages - a.passages)
    .slice(0, 5);
}

/**
 * Passages that must write a reading beside the question's words for it to replace the usual one: one
 * passage that happens to hold both ("vi phạm" and "tham gia") is chance, not usage.
 */
const MIN_READING_EVIDENCE = 2;

/**
 * Texting shorthand in a Vietnamese question written out: "đv ko đc" → "đảng viên không được". A shorthand
 * with several readings ("cs": chính sách, cơ sở) takes the one whose syllables join the question's words
 * on either side (not function words) in the phrase the corpus writes most (`together`: how many passages
 * have all of a phrase's folded bigrams; "đảng bộ cs" → "bộ cơ sở", not "bộ chính sách"),
 * else the first whose syllables `knows` (the corpus vocabulary, folded); "đc" before a capitalised
 * personal name or "nào" is "đồng chí" (texting.json `beforeName`); formal abbreviations
 * (abbreviations.json) are left to `expandAbbreviations`. In a question typed without diacritics the full
 * form is written without them too, so that the question stays one to match folded.
 */
export function expandTexting(
  question: string,
  knows: (folded: string) => boolean = () => true,
  together: (foldedBigrams: readonly string[]) => number = () => 0,
  byInitials: (initials: string) => ReadonlyArray<{ bigram: string; passages: number }> = () => [],
): string {
  if (looksEnglish(question)) return question;
  // A shorthand typed with its number attached ("kp5", "tdp12") is the shorthand and the number: "khu phố 5".
  question = question.replace(SHORTHAND_WITH_NUMBER, (whole, word: string, number: string) => (textingKeys.has(word.toLowerCase()) ? `${word} ${number}` : whole));
  const unaccented = !/[^\x00-\x7F]/.test(question.replace(/[đĐ]/g, "d"));
  const WORD = /(?<![\p{L}\p{N}/])[\p{L}][\p{L}/]*(?![\p{L}\p{N}])/gu;
  const words = [...question.matchAll(WORD)].map((m) => ({ at: m.index ?? 0, fold: foldKey(m[0]) }));
  return question.replace(WORD, (word, at: number) => {
    if (abbreviationByExact.has(word) && /\p{Lu}.*\p{Lu}/u.test(word)) return word;
    const title = titleBeforeName.get(word.toLowerCase());
    // (… and before "nào": "đc nào phụ trách …" asks which comrade.)
    if (title !== undefined && (nameFollows(question.slice(at + word.length)) || /^\s+n[àa]o(?![\p{L}\p{N}])/iu.test(question.slice(at + word.length)))) return unaccented ? foldKey(title) : title;
    const listed = textingEntries.get(word.toLowerCase());
    // A shorthand no table lists, typed as initials ("tổ dp", "htt nv", "HĐQT"), reads as the phrases the
    // corpus writes with those initials.
    const initials = listed === undefined && mayBeInitials(word, knows) ? initialsReadings(foldKey(word), byInitials, together) : [];
    const candidates = listed ?? initials.map((r) => r.phrase);
    if (candidates.length === 0) return word;
    // (A function or question word — "bao nhiêu" — is known whether or not the corpus writes it: documents
    // state facts, they seldom ask.)
    const known = candidates.filter((full) => isFunctionReading(full) || full.split(/\s+/).every((syllable) => knows(foldKey(syllable))));
    // A word the corpus writes as typed beside its neighbour is no shorthand there ("Xã Ea Tu": a name).
    const i = words.findIndex((w) => w.at === at);
    const typed = foldKey(word);
    const writtenBeside = (w: { fold: string } | undefined, before: boolean): boolean => w !== undefined && !isStopFold(w.fold) && together([before ? `${w.fold}_${typed}` : `${typed}_${w.fold}`]) >= MIN_READING_EVIDENCE;
    if (/^\p{Lu}/u.test(word) && (writtenBeside(words[i - 1], true) || writtenBeside(words[i + 1], false))) return word;
    let chosen = known[0] ?? candidates[0] ?? word;
    // Before a number, or written in capitals as documents' codes are ("KL của …"), a shorthand that can
    // name a document kind names it: "kh 0124" is Kế hoạch số 0124.
    const asCode = /^\s*(?:số\s+)?\d/iu.test(question.slice(at + word.length)) || (word.length >= 2 && word === word.toUpperCase());
    const kindNamed = asCode ? known.find((full) => DOCUMENT_KINDS.has(full)) : undefined;
    if (kindNamed) chosen = kindNamed;
    else if (known.length > 1) {
      // A function word beside it ("kl của …") says nothing of which reading is meant.
      const content = (w: { fold: string } | undefined): string | undefined => (w && !isStopFold(w.fold) ? w.fold : undefined);
      const before = content(words[i - 1]);
      const after = content(words[i + 1]);
      const readings = known.map((full) => full.split(/\s+/).map(foldKey));
      // (A function-word reading — "bạn", "những", "được" — is told by no neighbour: folded, "trước bạn" is
      // "trước Ban …". It stays the usual reading unless a content reading has the evidence.)
      const scores = readings.map((syllables, k) => {
        if (isFunctionReading(known[k] ?? "")) return 0;
        const inner = syllables.slice(1).map((syllable, j) => `${syllables[j]}_${syllable}`);
        return (before ? together([`${before}_${syllables[0]}`, ...inner]) : 0) + (after ? together([...inner, `${syllables[syllables.length - 1]}_${after}`]) : 0);
      });
      // Nothing beside it decides ("báo cáo vs cb ít nhất …", or both readings as often): the reading the
      // corpus writes in the same passages as the question's other two-word terms ("làm ăn xa") does.
      const top = Math.max(...scores);
      if (top === 0 || scores.filter((n) => n === top).length > 1) {
        const pairs = words.flatMap((w, j) => {
          const next = words[j + 1];
          return j !== i && j + 1 !== i && next && !isStopFold(w.fold) && !isStopFold(next.fold) && !textingEntries.has(w.fold) && !textingEntries.has(next.fold) ? [`${w.fold}_${next.fold}`] : [];
        });
        readings.forEach((syllables, k) => {
          if (syllables.length >= 2 && (scores[k] ?? 0) === top) scores[k] = top + pairs.reduce((sum, pair) => sum + together([`${syllables[0]}_${syllables[1]}`, pair]), 0);
        });
      }
      const best = Math.max(...scores);
      if (best >= MIN_READING_EVIDENCE && scores.filter((n) => n === best).length === 1) chosen = known[scores.indexOf(best)] ?? chosen;
      // (Initials nothing beside them decides are read as the phrase the corpus writes clearly most, or not at all.)
      else if (initials.length > 1 && (initials[0]?.passages ?? 0) < INITIALS_DOMINANCE * (initials[1]?.passages ?? 0)) return word;
    }
    return unaccented ? foldKey(chosen) : chosen;
  });
}
