/**
 * Named lists: "… gồm: Thị xã Buôn Hồ, 3 huyện: Buôn Đôn, Ea Súp, Krông Búk" or "7 đảng bộ trực thuộc
 * (Khối Doanh nghiệp tỉnh, TP. Buôn Ma Thuột, …)". Each member becomes the answer to "which of these is in
 * the list?", with proper names from elsewhere in the corpus, absent from the list, as wrong options.
 */
import type { StoredPassage } from "../index/store.js";
import { foldKey } from "../text/normalize.js";
import { splitSentences } from "../text/sentences.js";
import { capitalise, cutRest, removeParentheticals, stripMarkers } from "./phrasing.js";

/** A list of at least three proper names in a passage. Offsets are those of the passage's text. */
export interface NamedList {
  passage: StoredPassage;
  members: string[];
  /** The list itself, from its opening marker to its last member. */
  span: { start: number; end: number };
  /** The sentence around the list with the list taken out, as a statement ("Có 4 đảng bộ … ."). */
  statement: string;
}

const MIN_MEMBERS = 3;
const MAX_MEMBER_WORDS = 5;
const NAME = /^\p{Lu}[\p{L}\p{M}’'-]*(?:\s+\p{Lu}[\p{L}\p{M}’'-]*)*/u;
// Words naming administrative units or their party committees, dropped in front of a name.
const UNIT_PREFIX = /^(?:(?:các|\d+)\s+)?(?:huyện ủy|huyện uỷ|thị ủy|thị uỷ|thành ủy|thành uỷ|huyện|thị xã|thành phố|tp\.|quận|xã|phường|thị trấn|tỉnh)(?:\s+|$)/iu;
// A piece like "3 huyện" or "các huyện" that announces members without being one.
const UNIT_ONLY = /^(?:(?:các|\d+)\s+)?(?:huyện|thị xã|thành phố|quận|xã|phường|thị trấn|đơn vị|đảng bộ)$/iu;
const PROSE_WORD = /\s(?:do|để|nhằm|theo|với|là|được|có|không|đã|và|thì|mà)\s/u;
const UNIT_NAMES = /(?:huyện|Huyện ủy|Huyện uỷ|thị xã|Thị xã|Thị ủy|Thị uỷ|thành phố|Thành phố|Thành ủy|Thành uỷ|TP\.)\s+(\p{Lu}[\p{L}\p{M}’'-]*(?:\s+\p{Lu}[\p{L}\p{M}’'-]*)*)/gu;

function stripUnitPrefix(piece: string): string {
  let out = piece.trim();
  for (let m = out.match(UNIT_PREFIX); m && m[0].length > 0; m = out.match(UNIT_PREFIX)) out = out.slice(m[0].length);
  return out;
}

/**
 * Reads members from the text after a list marker. Returns the members and where the list ends, or
 * null when it is not a list of names.
 */
function readMembers(text: string, enclosed: boolean): { members: string[]; end: number } | null {
  const members: string[] = [];
  let end = 0;
  const pieces = [...text.matchAll(/[^,:;]+/g)];
  for (const [i, m] of pieces.entries()) {
    const raw = m[0];
    const offset = m.index ?? 0;
    // " và " joins the last two members.
    const parts = raw.split(/(?<=\S)\s+và\s+(?=\p{Lu})/u);
    let cursor = 0;
    let stop = false;
    for (const part of parts) {
      const at = raw.indexOf(part, cursor);
      cursor = at + part.length;
      const piece = part.trim();
      const name = stripUnitPrefix(piece);
      if (UNIT_ONLY.test(piece) || name === "") continue;
      const nameAt = offset + at + part.indexOf(name);
      const whole = name.split(/\s+/).length <= MAX_MEMBER_WORDS && /^\p{Lu}/u.test(name) && !PROSE_WORD.test(` ${name} `);
      if (whole && (enclosed || i < pieces.length - 1)) {
        members.push(name);
        end = nameAt + name.length;
        continue;
      }
      const run = name.match(NAME)?.[0];
      if (run && run.split(/\s+/).length <= MAX_MEMBER_WORDS) {
        members.push(run);
        end = nameAt + run.length;
      }
      stop = true;
      break;
    }
    if (stop) break;
  }
  return members.length >= MIN_MEMBERS ? { members, end } : null;
}

/** Lists of names in the passages. */
export function findNamedLists(passages: readonly StoredPassage[]): NamedList[] {
  const lists: NamedList[] = [];
  for (const p of passages) {
    for (const sentence of splitSentences(p.text)) {
      const s = sentence.text;
      const colon = s.match(/\sgồm\s*:\s*/u);
      if (colon?.index !== undefined) {
        const listStart = colon.index + colon[0].length;
        const read = readMembers(s.slice(listStart), false);
        if (read) {
          const lead = s.slice(0, colon.index);
          const tail = cutRest(s.slice(listStart + read.end));
          lists.push({ passage: p, members: read.members, span: { start: sentence.start + colon.index, end: sentence.start + listStart + read.end }, statement: statementOf(lead, tail) });
          continue;
        }
      }
      for (const m of s.matchAll(/\(([^()]+)\)/g)) {
        const read = readMembers(m[1] ?? "", true);
        const at = m.index ?? 0;
        if (!read || read.end < (m[1] ?? "").trim().length - 1) continue;
        const lead = removeParentheticals(s.slice(0, at));
        const tail = cutRest(removeParentheticals(s.slice(at + m[0].length)));
        lists.push({ passage: p, members: read.members, span: { start: sentence.start + at, end: sentence.start + at + m[0].length }, statement: statementOf(lead, tail) });
      }
    }
  }
  return lists;
}

function statementOf(lead: string, tail: string): string {
  const text = `${stripMarkers(lead).trim()}${tail}`.replace(/\s+/g, " ").replace(/[\s,;:.]+$/u, "");
  return `${capitalise(text)}.`;
}

/** Proper names of units anywhere in the corpus ("Krông Bông" from "Huyện ủy Krông Bông"), list members included. */
export function corpusNames(passages: readonly StoredPassage[], lists: readonly NamedList[]): string[] {
  const names = new Map<string, string>();
  for (const l of lists) for (const m of l.members) names.set(foldKey(m), m);
  for (const p of passages) for (const m of p.text.matchAll(UNIT_NAMES)) if (m[1]) names.set(foldKey(m[1]), m[1]);
  return [...names.values()];
}
