/**
 * The text layer of follow-up reading: syllable tokens, vocabulary phrases matched with or without
 * diacritics, and the elements of a question a follow-up can replace (units, bodies, years, places,
 * documents…). Pure; used by conversation.ts (substitution) and followUpReferences.ts (references).
 */
import { foldKey, hasDiacritics, toneKey } from "../text/normalize.js";
import * as V from "./followUpVocabulary.js";

export interface Token {
  text: string;
  start: number;
  end: number;
  fold: string;
  accent: string;
  isAccented: boolean;
  /**
   * Matched with its tone marks: it has some, or the text around it does — in a message typed with
   * diacritics, a bare "quan" is "quan" (as in "cơ quan"), not "quận" typed without them.
   */
  isExact: boolean;
  /** First letter upper case and the rest not all upper case ("Gia", not "UBND"). */
  isCapitalised: boolean;
}

export const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[/.\-][\p{L}\p{M}\p{N}]+)*/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const isTextAccented = hasDiacritics(text);
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const lower = raw.toLowerCase();
    const first = raw.charAt(0);
    const isCapitalised = first !== first.toLowerCase() && (raw.length === 1 || raw.slice(1) !== raw.slice(1).toUpperCase() || !/\p{L}/u.test(raw.slice(1)));
    out.push({ text: raw, start: m.index, end: m.index + raw.length, fold: foldKey(raw), accent: toneKey(lower), isAccented: hasDiacritics(raw), isExact: isTextAccented, isCapitalised });
  }
  return out;
}

/** A vocabulary phrase as syllable keys. */
export interface Phrase {
  text: string;
  fold: string[];
  accent: string[];
}

function phrase(text: string): Phrase {
  const tokens = tokenize(text);
  return { text, fold: tokens.map((t) => t.fold), accent: tokens.map((t) => t.accent) };
}

export type PhraseList = ReadonlyArray<{ phrase: Phrase }>;

/** True when `p` is written at tokens[i…]; a token typed without diacritics matches on its folded form. */
export function matchesAt(tokens: readonly Token[], i: number, p: Phrase): boolean {
  if (p.fold.length === 0 || i < 0 || i + p.fold.length > tokens.length) return false;
  return p.fold.every((fold, j) => {
    const t = tokens[i + j];
    if (!t) return false;
    return t.isExact ? t.accent === p.accent[j] : t.fold === fold;
  });
}

/** The longest of `phrases` written at tokens[i…], or null. */
export function longestAt<T extends { phrase: Phrase }>(tokens: readonly Token[], i: number, phrases: readonly T[]): T | null {
  let best: T | null = null;
  for (const p of phrases) if (matchesAt(tokens, i, p.phrase) && (!best || p.phrase.fold.length > best.phrase.fold.length)) best = p;
  return best;
}

export const list = (words: readonly string[]): Array<{ phrase: Phrase }> => words.map((w) => ({ phrase: phrase(w) }));

/** Indices of tokens in [from, to) inside a match of one of `phrases`. */
export function covered(tokens: readonly Token[], from: number, to: number, phrases: PhraseList): Set<number> {
  const out = new Set<number>();
  for (let i = from; i < to; i++) {
    const m = longestAt(tokens, i, phrases);
    if (m && i + m.phrase.fold.length <= to) for (let j = 0; j < m.phrase.fold.length; j++) out.add(i + j);
  }
  return out;
}

export interface SlotEntry {
  phrase: Phrase;
  type: V.SlotType;
  word: V.SlotWord;
  isEnglish: boolean;
}

export const SLOT_ENTRIES: SlotEntry[] = Object.entries(V.SLOT_WORDS).flatMap(([type, words]) =>
  words.flatMap((word) => [
    { phrase: phrase(word.vi), type: type as V.SlotType, word, isEnglish: false },
    ...(word.en ?? []).map((en) => ({ phrase: phrase(en), type: type as V.SlotType, word, isEnglish: true })),
  ]),
);
export const NOT_SLOT = list(V.NOT_SLOT_PHRASES);
const SECTION = list(V.SECTION_WORDS);
export const OPENINGS = list(V.SUBSTITUTION_OPENINGS);
export const ENDINGS = list(V.SUBSTITUTION_ENDINGS);
export const PREPOSITIONS = list(V.ELEMENT_PREPOSITIONS);
export const CONTINUATIONS = list(V.CONTINUATION_OPENINGS);
export const CONDITIONAL_OPENINGS = list(V.CONDITIONAL_OPENINGS);
export const QUESTION_WORDS = list(V.QUESTION_WORDS);
export const DOCUMENT_NOUNS = list(V.DOCUMENT_NOUNS);
export const FILLERS = list(V.FILLER_WORDS);
const BOUNDARY_WORDS = list(V.PHRASE_BOUNDARY_WORDS);
const LIST_JOINERS = list(V.LIST_JOINERS);
const LEVEL_WORD = list(V.LEVEL_WORDS);
export const GENERIC_DOCUMENT_NOUNS = new Set(["van ban", "tai lieu", "bai viet", "bai", "vb", "document", "text", "paper"]);
const ORDINAL_FOLDS = new Set(V.ORDINAL_NUMERALS.map(foldKey));
const ENGLISH_ORDINALS = new Set(V.ENGLISH_ORDINALS);

/** An element of a question that a follow-up can replace. */
export interface Element {
  type: V.SlotType;
  start: number;
  end: number;
  /** Token range [from, to). */
  from: number;
  to: number;
  word: V.SlotWord | null;
  isEnglish: boolean;
  /** A place written with its level ("huyện Krông Bông"): where the name starts. */
  nameStart: number | null;
}

export const isNumber = (t: Token | undefined): boolean => t !== undefined && /^\d+$/.test(t.text);
const isRoman = (t: Token | undefined): boolean => t !== undefined && /^[IVXLC]+$/i.test(t.text) && t.text.length <= 6;
const isYear = (t: Token | undefined): boolean => t !== undefined && /^(?:1[89]|20)\d\d$/.test(t.text);
const isDate = (t: Token | undefined): boolean => t !== undefined && /^\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?$/.test(t.text);
/** A document code: "87-KH/TU", "11-QĐi/TW", "2579/QĐ-UBND", or a bare number ("Nghị quyết 22"). */
export const isDocumentCode = (t: Token | undefined): boolean => t !== undefined && /\d/.test(t.text);

/** Capitalised tokens from i on that are not function words: the length of a proper name there. */
export function nameRunAt(tokens: readonly Token[], i: number): number {
  let n = 0;
  while (i + n < tokens.length) {
    const t = tokens[i + n];
    if (!t || !t.isCapitalised || /\d/.test(t.text)) break;
    if (longestAt(tokens, i + n, FILLERS) || longestAt(tokens, i + n, PREPOSITIONS) || longestAt(tokens, i + n, QUESTION_WORDS) || longestAt(tokens, i + n, OPENINGS)) break;
    if (n === 0 && longestAt(tokens, i, SLOT_ENTRIES)) break;
    n++;
  }
  return n;
}

/** Most words between a level word and the unit it names ("cấp trên trực tiếp cơ sở"). */
const MAX_LEVEL_MODIFIER_TOKENS = 3;

/** Where a level phrase starting at i ("cấp trên trực tiếp cơ sở", "cấp trực thuộc Trung ương") ends, or null. */
function levelPhraseEnd(tokens: readonly Token[], i: number): number | null {
  if (!longestAt(tokens, i, LEVEL_WORD)) return null;
  for (let j = i + 1; j <= i + 1 + MAX_LEVEL_MODIFIER_TOKENS && j < tokens.length; j++) {
    const slot = longestAt(tokens, j, SLOT_ENTRIES);
    if (slot && slot.type === "admin" && !slot.isEnglish) return j + slot.phrase.fold.length;
    if (slot || longestAt(tokens, j, QUESTION_WORDS) || longestAt(tokens, j, FILLERS) || longestAt(tokens, j, NOT_SLOT)) return null;
  }
  return null;
}

/** The substitutable elements of a text, left to right. */
export function findElements(tokens: readonly Token[]): Element[] {
  const out: Element[] = [];
  const push = (type: V.SlotType, from: number, to: number, extra: Partial<Element> = {}): void => {
    const first = tokens[from];
    const last = tokens[to - 1];
    if (first && last) out.push({ type, from, to, start: first.start, end: last.end, word: null, isEnglish: false, nameStart: null, ...extra });
  };
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (!t) break;
    const blocked = longestAt(tokens, i, NOT_SLOT);
    if (blocked) {
      i += blocked.phrase.fold.length;
      continue;
    }
    if (longestAt(tokens, i, SECTION) && (isNumber(next) || isRoman(next))) {
      push("section", i, i + 2);
      i += 2;
      continue;
    }
    if (t.fold === "thu" && next && (ORDINAL_FOLDS.has(next.fold) || isNumber(next))) {
      push("ordinal", i, i + 2);
      i += 2;
      continue;
    }
    if (ENGLISH_ORDINALS.has(t.fold)) {
      push("ordinal", i, i + 1);
      i += 1;
      continue;
    }
    if (isDate(t)) {
      push("date", i, i + 1);
      i += 1;
      continue;
    }
    if ((t.fold === "nam" || t.fold === "year" || t.fold === "in") && isYear(next)) {
      push("year", i, i + 2);
      i += 2;
      continue;
    }
    if (isYear(t)) {
      push("year", i, i + 1);
      i += 1;
      continue;
    }
    const docNoun = longestAt(tokens, i, DOCUMENT_NOUNS);
    if (docNoun && !GENERIC_DOCUMENT_NOUNS.has(docNoun.phrase.fold.join(" "))) {
      const k = i + docNoun.phrase.fold.length + (tokens[i + docNoun.phrase.fold.length]?.fold === "so" ? 1 : 0);
      if (isDocumentCode(tokens[k])) {
        push("document", i, k + 1);
        i = k + 1;
        continue;
      }
    }
    const slot = longestAt(tokens, i, SLOT_ENTRIES);
    // "cấp trên trực tiếp cơ sở": a level with words between "cấp" and the unit is one element.
    const levelEnd = slot ? null : levelPhraseEnd(tokens, i);
    if (levelEnd !== null) {
      push("admin", i, levelEnd);
      i = levelEnd;
      continue;
    }
    if (slot) {
      const len = slot.phrase.fold.length;
      const name = slot.type === "admin" && !slot.isEnglish ? nameRunAt(tokens, i + len) : 0;
      if (name > 0) {
        push("place", i, i + len + name, { nameStart: tokens[i + len]?.start ?? null, word: slot.word });
        i += len + name;
      } else {
        push(slot.type, i, i + len, { word: slot.word, isEnglish: slot.isEnglish });
        i += len;
      }
      continue;
    }
    const name = nameRunAt(tokens, i);
    if (name >= 2) {
      push("place", i, i + name);
      i += name;
      continue;
    }
    const before = tokens[i - 1];
    if (isNumber(t) && !(before && (before.fold === "so" || before.fold === "number" || longestAt(tokens, i - 1, DOCUMENT_NOUNS)))) push("number", i, i + 1);
    i += 1;
  }
  return out;
}

/** Determiners and articles before a noun: not part of what it names ("các", "những", "the", "an"). */
export const DETERMINER_FOLDS: ReadonlySet<string> = new Set(["cac", "nhung", "moi", "the", "a", "an"]);

/** Kinds of element that name a noun phrase and can be listed together ("đảng bộ xã, phường"). */
const NOUN_TYPES: ReadonlySet<V.SlotType> = new Set(["admin", "party-unit", "body", "role", "place"]);

/** Types close enough to stand in for each other when no element of the same type is there. */
export function slotGroup(type: V.SlotType): string {
  if (type === "body" || type === "party-unit") return "organisation";
  if (type === "place") return "admin";
  return type;
}

/** True when only spaces, commas or list words ("và", "hoặc", "and") lie between tokens[a-1] and tokens[b]. */
function joined(text: string, tokens: readonly Token[], a: number, b: number): boolean {
  const left = tokens[a - 1];
  const right = tokens[b];
  if (!left || !right || covered(tokens, a, b, LIST_JOINERS).size !== b - a) return false;
  return !/[?.!:;()“”"]/.test(text.slice(left.end, right.start));
}

/**
 * Runs of adjacent noun elements ("hội nghị tỉnh ủy", "đảng bộ xã, phường, đặc khu"), each as the
 * indices of its elements in `elements`. With `sameGroup`, a run only joins elements of one group.
 */
export function elementRuns(text: string, tokens: readonly Token[], elements: readonly Element[], sameGroup: boolean): number[][] {
  const runs: number[][] = [];
  elements.forEach((e, k) => {
    const run = runs[runs.length - 1];
    const last = run ? elements[run[run.length - 1] ?? -1] : undefined;
    const first = run ? elements[run[0] ?? -1] : undefined;
    const canJoin = last !== undefined && first !== undefined && NOUN_TYPES.has(e.type) && NOUN_TYPES.has(last.type) && joined(text, tokens, last.to, e.from) && (!sameGroup || slotGroup(first.type) === slotGroup(e.type));
    if (run && canJoin) run.push(k);
    else runs.push([k]);
  });
  return runs;
}

/**
 * Where the words qualifying the noun that ends at token `from` stop: at punctuation, a preposition,
 * a question or function word, a quantity word ("tối đa") or another element. Returns the token index.
 */
export function modifierEnd(text: string, tokens: readonly Token[], from: number, elements: readonly Element[], options: { crossElements: boolean }): number {
  let k = from;
  while (k < tokens.length) {
    const t = tokens[k];
    const before = tokens[k - 1];
    if (!t) break;
    if (before && /[^\s]/.test(text.slice(before.end, t.start))) break;
    if (longestAt(tokens, k, PREPOSITIONS) || longestAt(tokens, k, QUESTION_WORDS) || longestAt(tokens, k, FILLERS) || longestAt(tokens, k, BOUNDARY_WORDS)) break;
    const element = elements.find((e) => e.from === k);
    if (element) {
      if (!options.crossElements) break;
      k = element.to;
      continue;
    }
    k++;
  }
  return k;
}

/** Strips openings (`phrases`) from tokens[from…to), repeatedly, never cutting a slot phrase; returns the new start. */
export function stripStart(tokens: readonly Token[], from: number, to: number, phrases: PhraseList): number {
  let i = from;
  for (;;) {
    let cut = 0;
    for (const p of phrases) {
      const len = p.phrase.fold.length;
      if (len > cut && i + len <= to && matchesAt(tokens, i, p.phrase) && !cutsSlot(tokens, i, i + len)) cut = len;
    }
    if (cut === 0) return i;
    i += cut;
  }
}

/** Like {@link stripStart} at the end; returns the new end. */
export function stripEnd(tokens: readonly Token[], from: number, to: number, phrases: PhraseList): number {
  let end = to;
  for (;;) {
    let cut = 0;
    for (const p of phrases) {
      const len = p.phrase.fold.length;
      if (len > cut && end - len >= from && matchesAt(tokens, end - len, p.phrase) && !cutsSlot(tokens, from, end - len)) cut = len;
    }
    if (cut === 0) return end;
    end -= cut;
  }
}

/** True when a slot phrase starting in [from, to) runs past `to` (a marker must not cut "thế thì trấn" wrongly). */
function cutsSlot(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const slot = longestAt(tokens, i, SLOT_ENTRIES);
    if (slot && i + slot.phrase.fold.length > to) return true;
  }
  return false;
}

export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A replacement of [start, end) of a text. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = `${out.slice(0, e.start)}${e.text}${out.slice(e.end)}`;
  return out;
}

/** The token indices an element covers. */
export const tokenRange = (e: Element): number[] => Array.from({ length: e.to - e.from }, (_, k) => e.from + k);
