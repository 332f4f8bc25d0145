/**
 * Follow-up questions: reads a message against the previous question of the same conversation and,
 * when it is elliptical ("còn phường thì sao?", "thị trấn?", "and wards?") or refers back ("văn bản
 * đó ai ký?", "ở đó", "it"), rewrites it as a full question the engine answers like any other. A
 * message that is a question on its own is never merged. Pure: text and a small state in, text out.
 *
 * The vocabulary (what can be substituted, what marks a follow-up) is in followUpVocabulary.ts, the
 * tokens and elements in followUpText.ts, references ("đó", "it") in followUpReferences.ts.
 */
import { looksEnglish } from "../text/lexicon.js";
import { cleanUnicode, collapseSpaces, hasDiacritics } from "../text/normalize.js";
import { applyEdits, documentDescriptionEnd, inScriptOf, referredDocument, resolveReferences, type Edit } from "./followUpReferences.js";
import {
  capitalise,
  CONDITIONAL_OPENINGS,
  CONTINUATIONS,
  covered,
  DETERMINER_FOLDS,
  elementRuns,
  ENDINGS,
  FILLERS,
  findElements,
  longestAt,
  modifierEnd,
  OPENINGS,
  PREPOSITIONS,
  QUESTION_WORDS,
  slotGroup,
  stripEnd,
  stripStart,
  tokenize,
  list,
  type Element,
  type Token,
} from "./followUpText.js";
import * as V from "./followUpVocabulary.js";

export { readableTitle } from "./followUpReferences.js";

/** The document an answer cited. */
export interface ConversationDocument {
  docId: string;
  title: string;
}

/** One answered turn of a conversation. */
export interface ConversationTurn {
  /** The full question as understood (the rewritten one for a follow-up). */
  question: string;
  /** The document of the answer's first citation; null when it abstained or cited nothing. */
  document: ConversationDocument | null;
  /** The answer's text (what "đồng chí ấy" or "văn bản đó" may point to); null when it abstained. */
  answer: string | null;
  /** When it was asked, in ms (epoch or a fake clock: only differences matter). */
  atMs: number;
}

/** How a message was read. */
export type Resolution =
  /** A question on its own, asked as typed. */
  | { kind: "standalone"; question: string }
  /**
   * A follow-up rewritten as a full question: `substitution` replaced or added an element of the
   * previous question, `reference` replaced words pointing back, `fragment` gave a short question
   * the previous document or topic as its subject.
   */
  | { kind: "substitution" | "reference" | "fragment"; question: string; previous: string };

const DOCUMENT_PREDICATES = list(V.DOCUMENT_PREDICATES);
const LEVEL_WORDS = list(V.LEVEL_WORDS);

const tokenRange = (e: Element): number[] => Array.from({ length: e.to - e.from }, (_, k) => e.from + k);

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
function appendToQuestion(question: string, additions: readonly string[]): string {
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
interface Previous {
  text: string;
  tokens: Token[];
  elements: Element[];
  isEnglish: boolean;
  isAccented: boolean;
}

function parsePrevious(text: string): Previous {
  const tokens = tokenize(text);
  return { text, tokens, elements: findElements(tokens), isEnglish: looksEnglish(text), isAccented: hasDiacritics(text) };
}

/**
 * The element of `previous` that the follow-up's `members` (a run of listed elements) replace: one
 * of the same type, else of the same group (a party unit for a body); among several, the one sharing
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
  return candidates((p, m) => p.type === m.type) ?? candidates((p, m) => slotGroup(p.type) === slotGroup(m.type) && (p.type === "body" || p.type === "party-unit" || p.type === "admin"));
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

/**
 * Rewrites `previous` with the elements of `source`: each run of listed elements ("hội nghị tỉnh
 * ủy", "xã, phường") with the words qualifying it ("chi bộ công an", "police party cells") replaces
 * the matching element of the previous question, or is added. Null when nothing could be placed.
 */
function substituteElements(previous: Previous, source: string): { question: string; placed: number; unplaced: string[]; isWhole: boolean } {
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
    const first = members[0];
    const last = members[members.length - 1];
    if (!first || !last) continue;
    const picked = pickTarget(previous, members, source, used);
    if (!picked) {
      unplaced.push(...members.map((e) => additionText(e, source, tokens, previous.isEnglish)));
      for (const e of members) for (const k of tokenRange(e)) consumed.add(k);
      continue;
    }
    const { target } = picked;
    used.add(target);
    // Qualifiers come after a Vietnamese noun ("chi bộ công an") and before an English one ("police party cells").
    const postEnd = first.isEnglish ? last.to : modifierEnd(source, tokens, last.to, elements, { crossElements: false });
    let preFrom = first.from;
    const isPlain = (k: number): boolean => DETERMINER_FOLDS.has(tokens[k]?.fold ?? "") || longestAt(tokens, k, FILLERS) !== null || longestAt(tokens, k, PREPOSITIONS) !== null;
    if (first.isEnglish) while (preFrom > (leading?.length ?? 0) && !elements.some((e) => e.from < preFrom && e.to >= preFrom) && !isPlain(preFrom - 1)) preFrom--;
    for (let k = preFrom; k < postEnd; k++) consumed.add(k);
    const targetText = previous.text.slice(target.start, target.end);
    const isLone = members.length === 1 && postEnd === last.to && preFrom === first.from;
    let text = isLone
      ? replacementText(first, source, target, targetText, previous.isEnglish, previous.isAccented)
      : [...members.flatMap((e, k) => {
          const between = k === 0 ? "" : source.slice(members[k - 1]?.end ?? e.start, e.start);
          return [between, elementText(e, source, targetText, previous.isEnglish, previous.isAccented)];
        })].join("");
    if (!isLone) {
      const pre = source.slice(tokens[preFrom]?.start ?? first.start, first.start);
      const post = source.slice(last.end, tokens[postEnd - 1]?.end ?? last.end);
      text = `${pre}${text}${post}`;
    }
    // A unit in place of a level ("cấp tỉnh" → "ở Trung ương", "cấp Trung ương"): the level word or the typed preposition stays.
    const isLevel = longestAt(previous.tokens, target.from, LEVEL_WORDS) !== null;
    if (isLevel && isLone && first.type === "admin" && !longestAt(tokens, first.from, LEVEL_WORDS)) text = `${leading?.text ?? previous.text.slice(target.start, previous.tokens[target.from]?.end ?? target.start)} ${text}`;
    const span = targetSpan(previous, target, {
      text: source.slice(first.start, last.end),
      members,
      preModifiers: first.from - preFrom,
      hasPostModifiers: postEnd > last.to,
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
      if (!restFirst || !restLast) return null;
      const rest = source.slice(restFirst.start, restLast.end);
      const before = prevTokens[at - 1];
      if (!before) return null;
      const start = end > at ? (prevTokens[at]?.start ?? before.end) : before.end;
      const stop = end > at ? (prevTokens[end - 1]?.end ?? before.end) : before.end;
      return collapseSpaces(applyEdits(text, [{ start, end: stop, text: end > at ? rest : ` ${rest}` }]));
    }
  }
  return null;
}

/** Most syllables a substitution may have besides its opening and ending ("còn … thì sao"). */
const MAX_SUBSTITUTION_TOKENS = 12;
/** Of those, most that are not part of a known element ("tài liệu vĩnh viễn của" in "… của Quân ủy Trung ương"). */
const MAX_SUBSTITUTION_OTHER_TOKENS = 6;
/** Most words of a short question that takes the previous question's frame ("bao nhiêu phường?"). */
const MAX_SHORT_QUESTION_TOKENS = 4;
/** Most words a continuation ("với bao nhiêu đảng viên?") may have. */
const MAX_CONTINUATION_TOKENS = 7;
/** Most content syllables (all asking about a document: "ký thay mặt cơ quan") a short question may have to take the previous subject. */
const MAX_FRAGMENT_CONTENT_TOKENS = 5;

/** "…, nếu ít hơn thì sao?": the previous question with the message after it. */
function continuation(previous: string, text: string): string {
  return `${previous.replace(/[\s?.!…]+$/u, "")}, ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

/** Reads "còn X (thì sao)?", "thế X?", "X?", "and X?" as X put into the previous question; null when it is not one. */
function resolveSubstitution(text: string, tokens: readonly Token[], previous: Previous): string | null {
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

/**
 * Reads `message` against the conversation so far (`turns`, oldest first; empty when there is
 * none or it expired) and returns the question to answer.
 *
 * @example resolveFollowUp("còn phường thì sao?", [{ question: "Có bao nhiêu xã có chi bộ cơ quan?", … }])
 *   // → { kind: "substitution", question: "Có bao nhiêu phường có chi bộ cơ quan?", … }
 */
export function resolveFollowUp(message: string, turns: readonly ConversationTurn[]): Resolution {
  // Lone surrogates (\p{Cs} matches only unpaired ones in a u-regex) would make the rewritten text unsendable.
  const text = collapseSpaces(cleanUnicode(message).replace(/\p{Cs}/gu, ""));
  const last = turns[turns.length - 1];
  if (!last || text === "") return { kind: "standalone", question: text };
  const tokens = tokenize(text);
  if (tokens.length === 0) return { kind: "standalone", question: text };
  const followUp = (kind: "substitution" | "reference" | "fragment", question: string): Resolution => ({ kind, question, previous: last.question });
  const asks = (from: number): boolean => covered(tokens, from, tokens.length, QUESTION_WORDS).size > 0;

  const referred = resolveReferences(text, tokens, turns);
  if (referred !== null) return followUp("reference", referred);

  // "nếu ít hơn thì sao?": a condition on the previous question, never a substitution.
  const condition = longestAt(tokens, 0, CONDITIONAL_OPENINGS);
  if (condition && tokens.length <= MAX_CONTINUATION_TOKENS && asks(condition.phrase.fold.length)) return followUp("fragment", continuation(last.question, text));

  // "còn phường thì sao?", "thị trấn?", "and wards?", "năm 2020 thì sao".
  const previous = parsePrevious(last.question);
  const substituted = resolveSubstitution(text, tokens, previous);
  if (substituted !== null) return followUp("substitution", substituted);

  // A short question continuing the last one: "với bao nhiêu đảng viên?", "trong đó có mấy phường?".
  const opening = longestAt(tokens, 0, CONTINUATIONS);
  if (opening && tokens.length <= MAX_CONTINUATION_TOKENS && asks(opening.phrase.fold.length)) return followUp("fragment", continuation(last.question, text));

  // A short question without a subject: "ai ký?", "ban hành ngày nào?", "bao nhiêu phường?".
  const questionWords = covered(tokens, 0, tokens.length, QUESTION_WORDS);
  if (questionWords.size > 0) {
    const elements = findElements(tokens);
    const inElements = new Set(elements.flatMap(tokenRange));
    const functional = covered(tokens, 0, tokens.length, [...PREPOSITIONS, ...FILLERS, ...OPENINGS]);
    const content = tokens.map((_, k) => k).filter((k) => !questionWords.has(k) && !functional.has(k) && !inElements.has(k));
    const predicates = covered(tokens, 0, tokens.length, DOCUMENT_PREDICATES);
    // Only a short one ("bao nhiêu phường?", "ở huyện nào?"): a full question is never merged.
    if (tokens.length <= MAX_SHORT_QUESTION_TOKENS && elements.length > 0 && content.length === 0 && elements.every((e) => previous.elements.some((p) => p.type === e.type))) {
      const merged = substituteElements(previous, text);
      if (merged.placed > 0 && merged.isWhole) return followUp("substitution", collapseSpaces(appendToQuestion(merged.question, merged.unplaced)));
    }
    const isEnglish = looksEnglish(text);
    const name = referredDocument(turns, null, isEnglish);
    if (name && content.length > 0 && content.length <= MAX_FRAGMENT_CONTENT_TOKENS && elements.length === 0 && content.every((k) => predicates.has(k))) {
      return followUp("fragment", isEnglish ? `${text.replace(/[\s?.!]*$/u, "")} (${name})?` : `${capitalise(inScriptOf(text, name))} ${text.charAt(0).toLowerCase()}${text.slice(1)}`);
    }
  }
  return { kind: "standalone", question: text };
}
