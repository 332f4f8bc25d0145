/**
 * Numbered points written out in words — "Một là, … Hai là, …" or "Thứ nhất, … Thứ hai, …" — as in the
 * lessons ("bài học kinh nghiệm") closing a report. Each point becomes "… thứ ba là gì?", with the other
 * points of the same enumeration as wrong options.
 */
import type { StoredPassage } from "../index/store.js";
import { splitSentences } from "../text/sentences.js";
import { NUMBER_WORDS, ORDINAL_WORDS } from "../text/vietnamese.js";
import { capitalise, shortenAtWord } from "./phrasing.js";

/** One point of an enumeration. Offsets are those of its passage's text. */
export interface EnumerationItem {
  passage: StoredPassage;
  /** 1-based position in the enumeration. */
  ordinal: number;
  /** Where the marker ("Ba là,") starts. */
  markerStart: number;
  /** Where the point's own text starts and ends. */
  start: number;
  end: number;
}

/** A complete enumeration, numbered from one without gaps. */
export interface Enumeration {
  items: EnumerationItem[];
  /** What the points are ("bài học kinh nghiệm", "giải pháp"), from the section they stand in. */
  noun: string;
}

// "Một là, …" (capitalised number words) or "Thứ nhất, …" (ordinal words), opening a sentence or a clause.
const MARKER = new RegExp(String.raw`(?:^|(?<=[.;:]\s))(?:(${NUMBER_WORDS.map(capitalise).join("|")}) là|Thứ (${ORDINAL_WORDS.join("|")}))\s*[,:]\s*`, "gu");
const MIN_ITEMS = 3;
// Section words naming what a list of points is, most specific first.
const NOUNS: Array<[RegExp, string]> = [
  [/kinh nghiệm/iu, "bài học kinh nghiệm"],
  [/bài học/iu, "bài học"],
  [/giải pháp/iu, "giải pháp"],
  [/nhiệm vụ/iu, "nhiệm vụ"],
  [/nguyên nhân/iu, "nguyên nhân"],
  [/mục tiêu/iu, "mục tiêu"],
  [/yêu cầu/iu, "yêu cầu"],
  [/phương hướng/iu, "phương hướng"],
  [/hạn chế/iu, "hạn chế"],
];

function markersOf(p: StoredPassage): Array<{ ordinal: number; markerStart: number; start: number }> {
  const out: Array<{ ordinal: number; markerStart: number; start: number }> = [];
  for (const m of p.text.matchAll(MARKER)) {
    const ordinal = m[1] ? NUMBER_WORDS.indexOf(m[1].toLowerCase()) + 1 : ORDINAL_WORDS.indexOf(m[2] ?? "") + 1;
    if (ordinal > 0) out.push({ ordinal, markerStart: m.index ?? 0, start: (m.index ?? 0) + m[0].length });
  }
  return out;
}

/** Enumerations of at least three points, within one passage or over consecutive passages of one section. */
export function findEnumerations(passages: readonly StoredPassage[]): Enumeration[] {
  const items: EnumerationItem[] = [];
  for (const p of passages) {
    const markers = markersOf(p);
    markers.forEach((m, i) => items.push({ passage: p, ordinal: m.ordinal, markerStart: m.markerStart, start: m.start, end: markers[i + 1]?.markerStart ?? p.text.length }));
  }
  const runs: EnumerationItem[][] = [];
  let run: EnumerationItem[] = [];
  for (const item of items) {
    const last = run[run.length - 1];
    const continues =
      last !== undefined &&
      item.ordinal === last.ordinal + 1 &&
      item.passage.docId === last.passage.docId &&
      item.passage.section === last.passage.section &&
      item.passage.order - last.passage.order <= 1;
    if (continues) run.push(item);
    else {
      runs.push(run);
      run = item.ordinal === 1 ? [item] : [];
    }
  }
  runs.push(run);
  return runs
    .filter((r) => r.length >= MIN_ITEMS)
    .map((r) => {
      const first = r[0]?.passage;
      const label = `${first?.section ?? ""} ${first?.context ?? ""}`;
      return { items: r, noun: NOUNS.find(([re]) => re.test(label))?.[1] ?? "ý" };
    });
}

/** A point's first sentence, capitalised and shortened to fit a poll option. */
export function itemSummary(item: EnumerationItem, maxChars: number): string {
  const text = item.passage.text.slice(item.start, item.end);
  const first = splitSentences(text)[0]?.text ?? text;
  return shortenAtWord(capitalise(first.replace(/[.;:]+$/u, "")), maxChars);
}
