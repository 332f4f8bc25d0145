/**
 * Substitution: "còn phường thì sao?", "thế hội nghị tỉnh ủy?", "and police party cells?", "còn vào
 * lưu trữ lịch sử?" — the message's elements, with the words qualifying them, put in place of the
 * matching part of the previous question, the rest kept. Pure.
 */
import { looksEnglish } from "../text/lexicon.js";
import { collapseSpaces, hasDiacritics } from "../text/normalize.js";
import { documentDescriptionEnd } from "./followUpDocuments.js";
import * as V from "./followUpVocabulary.js";
import {
  applyEdits,
  capitalise,
  covered,
  DETERMINER_FOLDS,
  elementRuns,
  ENDINGS,
  FILLERS,
  findElements,
  list,
  longestAt,
  modifierEnd,
  OPENINGS,
  PREPOSITIONS,
  QUESTION_WORDS,
  slotGroup,
  stripEnd,
  stripStart,
  tokenize,
  tokenRange,
  type Edit,
  type Element,
  type Token,
} from "./followUpText.js";

const LEVEL_WORDS = list(V.LEVEL_WORDS);

/** A preposition (not a determiner) at tokens[i], as typed, with its length; null when none. */
function prepositionAt(text: string, tokens: readonly Token[], i: number): { text: string; length: number } | null {
  const p = longestAt(tokens, i, PREPOSITIONS);
  const first = tokens[i];
  const last = p ? tokens[i + p.phrase.fold.length - 1] : undefined;
  if (!p || !first || !last || DETERMINER_FOLDS.has(p.phrase.fold.join(" "))) return null;
  return { text: text.slice(first.start, last.end), length: p.phrase.fold.length };
}

/** An element typed in a follow-up, as it should read in a question in the previous one's language. */
function elementText(e: Element, source: string, targetText: string, isEnglish: boolean, isAccented: boolean): string {
  const typed = source.slice(e.start, e.end);
  if (!e.word || e.type === "place") return typed;
  if (isEnglish) {
    if (e.isEnglish) return typed;
    const forms = e.word.en ?? [];
    const plural = /s$/i.test(targetText);
    return forms.find((f) => /s$/i.test(f) === plural) ?? forms[0] ?? e.word.vi;
  }
  // "phuong" typed without diacritics goes into an accented question as "phường".
  return e.isEnglish || (isAccented && !hasDiacritics(typed)) ? e.word.vi : typed;
}

/** The text that puts a lone element `e` (from `source`) in place of `target`. */
function replacementText(e: Element, source: string, target: Element, targetText: string, isEnglish: boolean, isAccented: boolean): string {
  const typed = source.slice(e.start, e.end);
  if (e.type === "year") return targetText.replace(/\d{4}/, typed.replace(/^\D+/, ""));
  if (e.type === "place" && e.nameStart === null && target.nameStart !== null) {
    // "còn Ea Kar?" after "huyện Krông Bông": the level stays.
    return `${targetText.slice(0, target.nameStart - target.start)}${typed}`;
  }
  return elementText(e, source, targetText, isEnglish, isAccented);
}

/** What to append for an element the previous question did not have. */
function additionText(e: Element, source: string, tokens: readonly Token[], isEnglish: boolean): string {
  const typed = source.slice(e.start, e.end);
  const before = tokens[e.from - 1];
  if (before && longestAt(tokens, e.from - 1, PREPOSITIONS)) return `${before.text} ${typed}`;
  if (e.type === "year" && /^\d/.test(typed)) return `${isEnglish ? "in" : "năm"} ${typed}`;
  if (e.type === "place") return `${isEnglish ? "in" : "ở"} ${typed}`;
  if (e.word && !isEnglish && e.isEnglish) return e.word.vi;
  return typed;
}

/** Puts `additions` before the question mark of `question`. */
export function appendToQuestion(question: string, additions: readonly string[]): string {
  if (additions.length === 0) return question;
  const m = /[\s?.!…]*$/u.exec(question);
  const cut = m ? m.index : question.length;
  const tail = question.slice(cut).trim() || "?";
  return `${question.slice(0, cut)} ${additions.join(" ")}${tail}`;
}

/** Syllables two element texts share ("tỉnh ủy" and "huyện ủy" share "ủy"). */
function sharedSyllables(a: string, b: string): number {
  const left = new Set(tokenize(a).map((t) => t.fold));
  return tokenize(b).filter((t) => left.has(t.fold)).length;
}

/** The parsed previous question a follow-up is merged into. */
export interface Previous {
  text: string;
  tokens: Token[];
  elements: Element[];
  isEnglish: boolean;
  isAccented: boolean;
}

export function parsePrevious(text: string): Previous {
  const tokens = tokenize(text);
  return { text, tokens, elements: findElements(tokens), isEnglish: looksEnglish(text), isAccented: hasDiacritics(text) };
}

/**
 * The element of `previous` that the follow-up's `members` (a run of listed elements) replace: one
 * of the same type, else another organisation (a party unit for a body); among several, the one sharing
 * a syllable with the new element, else the first. Null when there is none.
 */
function pickTarget(previous: Previous, members: readonly Element[], source: string, used: ReadonlySet<Element>): { target: Element; member: Element } | null {
  const candidates = (same: (p: Element, m: Element) => boolean): { target: Element; member: Element } | null => {
    for (const member of members) {
      const fitting = previous.elements.filter((p) => !used.has(p) && same(p, member));
      if (fitting.length === 0) continue;
      const memberText = source.slice(member.start, member.end);
      const score = (p: Element): number => sharedSyllables(memberText, previous.text.slice(p.start, p.end));
      const target = fitting.reduce((best, p) => (score(p) > score(best) ? p : best));
      return { target, member };
    }
    return null;
  };
  // A place never takes the place of a unit level ("còn Ea Kar?" after "bao nhiêu xã" adds "ở Ea Kar").
  const isOrganisation = (e: Element): boolean => slotGroup(e.type) === "organisation";
  return candidates((p, m) => p.type === m.type) ?? candidates((p, m) => isOrganisation(p) && isOrganisation(m));
}

/**
 * What of `previous` the new noun phrase replaces, from its `target` element: the whole run of
 * listed organisations ("Hội nghị tỉnh ủy") unless the new element matches one of them by a shared
 * syllable; a document with its issuer and subject; a body with its owner when a named body replaces
 * it; the target's own qualifiers when the new phrase brings qualifiers of its own.
 */
function targetSpan(previous: Previous, target: Element, phrase: { text: string; members: readonly Element[]; preModifiers: number; hasPostModifiers: boolean; isNamed: boolean }): { from: number; to: number } {
  const { tokens, text } = previous;
  let from = target.from;
  let to = target.to;
  const run = elementRuns(text, tokens, previous.elements, true)
    .map((r) => r.map((k) => previous.elements[k]).filter((e): e is Element => e !== undefined))
    .find((r) => r.includes(target));
  if (run && run.length > 1) {
    const inGroup = phrase.members.filter((m) => slotGroup(m.type) === slotGroup(target.type)).length;
    const matchesOne = run.some((e) => sharedSyllables(phrase.text, text.slice(e.start, e.end)) > 0);
    if (inGroup > 1 || !matchesOne) [from, to] = [run[0]?.from ?? from, run[run.length - 1]?.to ?? to];
  }
  if (target.type === "document") to = documentDescriptionEnd(text, tokens, to - 1);
  if (phrase.isNamed && target.type === "body" && tokens[to]?.fold === "cua") {
    let k = to + 1;
    while (k < tokens.length && tokens[k]?.isCapitalised) k++;
    if (k > to + 1) to = k;
  }
  if (phrase.hasPostModifiers) to = modifierEnd(text, tokens, to, previous.elements, { crossElements: false });
  for (let n = 0; n < phrase.preModifiers; n++) {
    const k = from - 1;
    const t = tokens[k];
    if (!t || previous.elements.some((e) => e.to > k && e.from <= k) || DETERMINER_FOLDS.has(t.fold) || longestAt(tokens, k, FILLERS) || longestAt(tokens, k, QUESTION_WORDS) || longestAt(tokens, k, PREPOSITIONS)) break;
    from = k;
  }
  return { from, to };
}

/** A run of listed elements in a follow-up with the words qualifying it: what goes into the previous question. */
interface NewPhrase {
  members: Element[];
  /** Token range [from, to) of the whole phrase, qualifiers included. */
  from: number;
  to: number;
}

/** The phrase around `members`: qualifiers come after a Vietnamese noun ("chi bộ công an") and before an English one ("police party cells"). */
function readPhrase(source: string, tokens: readonly Token[], elements: readonly Element[], members: Element[], leadingLength: number): NewPhrase | null {
  const first = members[0];
  const last = members[members.length - 1];
  if (!first || !last) return null;
  if (!first.isEnglish) return { members, from: first.from, to: modifierEnd(source, tokens, last.to, elements, { crossElements: false }) };
  const isPlain = (k: number): boolean => DETERMINER_FOLDS.has(tokens[k]?.fold ?? "") || longestAt(tokens, k, FILLERS) !== null || longestAt(tokens, k, PREPOSITIONS) !== null;
  let from = first.from;
  while (from > leadingLength && !elements.some((e) => e.from < from && e.to >= from) && !isPlain(from - 1)) from--;
  return { members, from, to: last.to };
}

/** How `phrase` reads in place of `target`: listed elements in the previous question's language and script, qualifiers as typed. */
function phraseText(phrase: NewPhrase, source: string, tokens: readonly Token[], previous: Previous, target: Element, leading: { text: string } | null): string {
  const { members, from, to } = phrase;
  const first = members[0];
  const last = members[members.length - 1];
  if (!first || !last) return "";
  const targetText = previous.text.slice(target.start, target.end);
  const isLone = members.length === 1 && from === first.from && to === last.to;
  if (!isLone) {
    const listed = members.map((e, k) => `${k === 0 ? "" : source.slice(members[k - 1]?.end ?? e.start, e.start)}${elementText(e, source, targetText, previous.isEnglish, previous.isAccented)}`).join("");
    return `${source.slice(tokens[from]?.start ?? first.start, first.start)}${listed}${source.slice(last.end, tokens[to - 1]?.end ?? last.end)}`;
  }
  const text = replacementText(first, source, target, targetText, previous.isEnglish, previous.isAccented);
  // A unit in place of a level ("cấp tỉnh" → "ở Trung ương", "cấp Trung ương"): the typed preposition or the level word stays.
  const levelWord = longestAt(previous.tokens, target.from, LEVEL_WORDS) ? previous.tokens[target.from] : undefined;
  if (levelWord && first.type === "admin" && !longestAt(tokens, first.from, LEVEL_WORDS)) return `${leading?.text ?? levelWord.text} ${text}`;
  return text;
}

/**
 * Rewrites `previous` with the elements of `source`: each run of listed elements ("hội nghị tỉnh
 * ủy", "xã, phường") with the words qualifying it ("chi bộ công an", "police party cells") replaces
 * the matching element of the previous question, or is added (`unplaced`). `isWhole` is false when
 * some words of `source` were neither placed nor added.
 */
export function substituteElements(previous: Previous, source: string): { question: string; placed: number; unplaced: string[]; isWhole: boolean } {
  const tokens = tokenize(source);
  const elements = findElements(tokens);
  const leading = prepositionAt(source, tokens, 0);
  const used = new Set<Element>();
  const edits: Edit[] = [];
  const unplaced: string[] = [];
  const consumed = covered(tokens, 0, tokens.length, [...PREPOSITIONS, ...FILLERS, ...QUESTION_WORDS]);
  tokens.forEach((t, k) => DETERMINER_FOLDS.has(t.fold) && consumed.add(k));
  for (const run of elementRuns(source, tokens, elements, false)) {
    const members = run.map((k) => elements[k]).filter((e): e is Element => e !== undefined);
    const phrase = readPhrase(source, tokens, elements, members, leading?.length ?? 0);
    const first = members[0];
    const last = members[members.length - 1];
    if (!phrase || !first || !last) continue;
    const picked = pickTarget(previous, members, source, used);
    if (!picked) {
      unplaced.push(...members.map((e) => additionText(e, source, tokens, previous.isEnglish)));
      for (const e of members) for (const k of tokenRange(e)) consumed.add(k);
      continue;
    }
    const { target } = picked;
    used.add(target);
    for (let k = phrase.from; k < phrase.to; k++) consumed.add(k);
    const text = phraseText(phrase, source, tokens, previous, target, leading);
    const span = targetSpan(previous, target, {
      text: source.slice(first.start, last.end),
      members,
      preModifiers: first.from - phrase.from,
      hasPostModifiers: phrase.to > last.to,
      isNamed: first.type === "body" && (tokens[first.from]?.isCapitalised ?? false),
    });
    const start = previous.tokens[span.from]?.start ?? target.start;
    const end = previous.tokens[span.to - 1]?.end ?? target.end;
    edits.push({ start, end, text: start === 0 ? capitalise(text) : text });
  }
  // Words neither placed nor added ("Mặt trận Tổ quốc" beside a level it replaces) would be lost.
  const isWhole = tokens.every((_, k) => consumed.has(k));
  return { question: collapseSpaces(applyEdits(previous.text, edits)), placed: edits.length, unplaced, isWhole };
}

/**
 * For a follow-up without a known element ("còn vào lưu trữ lịch sử?", "với tổ chức đảng?", "tài
 * liệu vĩnh viễn của …"): finds where its first words stand in the previous question and puts the
 * rest in place of what followed them there — the object of a shared preposition, or the qualifiers
 * of a shared noun (added after it when it had none). Null when the opening words are not there.
 */
function substituteByAnchor(previous: Previous, source: string): string | null {
  const tokens = tokenize(source);
  const { tokens: prevTokens, text } = previous;
  const inSourceElement = new Set(findElements(tokens).flatMap(tokenRange));
  const inPreviousElement = new Set(previous.elements.flatMap(tokenRange));
  for (let length = tokens.length - 1; length >= 1; length--) {
    const anchor = tokens.slice(0, length);
    if (anchor.every((t, k) => longestAt(tokens, k, FILLERS) || longestAt(tokens, k, QUESTION_WORDS) || DETERMINER_FOLDS.has(t.fold))) continue;
    for (let p = 0; p + length <= prevTokens.length; p++) {
      // The same words read the same way: "xã" in "xã hội" (society) is not the commune "xã".
      if (!anchor.every((t, k) => prevTokens[p + k]?.fold === t.fold && inPreviousElement.has(p + k) === inSourceElement.has(k))) continue;
      const at = p + length;
      // After a shared preposition its whole object goes ("đối với đảng viên chính thức"); after a shared noun, only its qualifiers.
      const isPreposition = prepositionAt(source, tokens, 0)?.length === length;
      const end = modifierEnd(text, prevTokens, at, previous.elements, { crossElements: isPreposition });
      const restFirst = tokens[length];
      const restLast = tokens[tokens.length - 1];
      const anchorEnd = prevTokens[at - 1];
      const replaced = end > at ? { first: prevTokens[at], last: prevTokens[end - 1] } : null;
      if (!restFirst || !restLast || !anchorEnd) return null;
      const rest = source.slice(restFirst.start, restLast.end);
      const edit: Edit = replaced?.first && replaced.last ? { start: replaced.first.start, end: replaced.last.end, text: rest } : { start: anchorEnd.end, end: anchorEnd.end, text: ` ${rest}` };
      return collapseSpaces(applyEdits(text, [edit]));
    }
  }
  return null;
}

/** Most syllables a substitution may have besides its opening and ending ("còn … thì sao"). */
const MAX_SUBSTITUTION_TOKENS = 12;

/** Of those, most that are not part of a known element ("tài liệu vĩnh viễn của" in "… của Quân ủy Trung ương"). */
const MAX_SUBSTITUTION_OTHER_TOKENS = 6;

/** Reads "còn X (thì sao)?", "thế X?", "X?", "and X?" as X put into the previous question; null when it is not one. */
export function resolveSubstitution(text: string, tokens: readonly Token[], previous: Previous): string | null {
  const from = stripStart(tokens, 0, tokens.length, OPENINGS);
  const to = stripEnd(tokens, from, tokens.length, ENDINGS);
  const first = tokens[from];
  const last = tokens[to - 1];
  if (!first || !last || to - from > MAX_SUBSTITUTION_TOKENS) return null;
  const rest = text.slice(first.start, last.end);
  const restTokens = tokenize(rest);
  if (covered(restTokens, 0, restTokens.length, QUESTION_WORDS).size > 0) return null;
  // A message that is only a prepositional phrase ("ở Trung ương?", "với tổ chức đảng?") is elliptical.
  const hasMarker = from > 0 || to < tokens.length || prepositionAt(rest, restTokens, 0) !== null;
  const elements = findElements(restTokens);
  const inElements = new Set(elements.flatMap(tokenRange));
  if (restTokens.length - inElements.size > MAX_SUBSTITUTION_OTHER_TOKENS) return null;
  const functional = covered(restTokens, 0, restTokens.length, [...PREPOSITIONS, ...FILLERS]);
  const content = restTokens.filter((_, k) => !inElements.has(k) && !functional.has(k));
  if (!hasMarker) {
    // Without "còn … thì sao", only a lone element (or list) that replaces one of the same kind: "thị trấn?".
    const runs = elementRuns(rest, restTokens, elements, false);
    if (runs.length !== 1 || content.length > 0 || !elements.some((e) => previous.elements.some((p) => p.type === e.type))) return null;
  }
  const merged = elements.length > 0 ? substituteElements(previous, rest) : null;
  if (merged && merged.placed > 0 && merged.isWhole) return collapseSpaces(appendToQuestion(merged.question, merged.unplaced));
  if (!hasMarker) return null;
  const anchored = substituteByAnchor(previous, rest);
  if (anchored !== null) return anchored;
  // Some words placed and others not: better asked as typed than merged with words dropped.
  if (merged && merged.placed > 0) return null;
  // Only elements the previous question lacked ("năm 2020", "ở huyện Ea Kar") are added; other words
  // with nothing to replace ("tốt quá cảm ơn bạn", "lại") do not make a follow-up.
  if (!merged || content.length > 0) return null;
  return collapseSpaces(appendToQuestion(previous.text, merged.unplaced));
}
