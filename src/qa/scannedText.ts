/**
 * A scanned passage read with the question's spelling. OCR misreads diacritics ("chuẩn y" comes out as
 * "chuấn y", "Đặng" as "Đạng", "chỉ" as "chi"), so a question spelled right would miss words the scan
 * does hold. Where two or more consecutive syllables of the scan are, letter for letter, consecutive
 * syllables of the question and differ from them only by diacritics, they are read as the question
 * writes them. A lone syllable is left as the scan has it: "chi" may well be another word than "chỉ".
 */
import { foldKey } from "../text/normalize.js";

const SYLLABLE = /\p{L}+/gu;

interface Syllable {
  text: string;
  start: number;
  fold: string;
}

function syllables(text: string): Syllable[] {
  return [...text.matchAll(SYLLABLE)].map((m) => ({ text: m[0], start: m.index ?? 0, fold: foldKey(m[0]) }));
}

/** Whether only white space separates two syllables (no punctuation: "… y. Chuẩn …" is no pair). */
function adjacent(text: string, a: Syllable, b: Syllable): boolean {
  return /^\s+$/u.test(text.slice(a.start + a.text.length, b.start));
}

/** `form` written in the case of `like`: "CHUẨN" for "CHUẤN", "Đặng" for "Đạng". */
function inCaseOf(form: string, like: string): string {
  if (like.length > 1 && like === like.toUpperCase()) return form.toUpperCase();
  const first = like.charAt(0);
  return first === first.toUpperCase() ? form.charAt(0).toUpperCase() + form.slice(1) : form;
}

/** `text` with runs of syllables the question spells differently only by diacritics read as it spells them. */
export function alignScannedText(text: string, question: string): string {
  const asked = syllables(question);
  // Consecutive question syllables, by their folded pair → the question's spelling of each.
  const pairs = new Map<string, [string, string]>();
  for (let i = 0; i + 1 < asked.length; i++) {
    const a = asked[i] as Syllable;
    const b = asked[i + 1] as Syllable;
    // (A pair typed without any diacritics says nothing about how it is spelled.)
    if (!adjacent(question, a, b) || (a.fold === a.text.toLowerCase() && b.fold === b.text.toLowerCase())) continue;
    pairs.set(`${a.fold} ${b.fold}`, [a.text.toLowerCase(), b.text.toLowerCase()]);
  }
  if (pairs.size === 0) return text;
  const found = syllables(text);
  const spelled = new Map<number, string>();
  for (let i = 0; i + 1 < found.length; i++) {
    const a = found[i] as Syllable;
    const b = found[i + 1] as Syllable;
    const pair = adjacent(text, a, b) ? pairs.get(`${a.fold} ${b.fold}`) : undefined;
    if (!pair) continue;
    spelled.set(i, pair[0]);
    spelled.set(i + 1, pair[1]);
  }
  if (spelled.size === 0) return text;
  let out = "";
  let at = 0;
  found.forEach((s, i) => {
    const form = spelled.get(i);
    if (form === undefined || form === s.text.toLowerCase()) return;
    out += text.slice(at, s.start) + inCaseOf(form, s.text);
    at = s.start + s.text.length;
  });
  return out + text.slice(at);
}
