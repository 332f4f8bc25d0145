/** Sentence and clause splitting for Vietnamese prose, keeping offsets into the source text. */

/** A span of a larger text. */
export interface Span {
  text: string;
  start: number;
  end: number;
}

// Abbreviations that end with a dot but do not end a sentence ("TP. Buôn Ma Thuột").
const NON_TERMINAL = new Set(["tp", "tx", "tt", "ts", "ths", "pgs", "gs", "bs", "ks", "q", "p", "st", "nxb", "đ/c", "ông", "bà", "v.v", "tr", "k", "đ", "x"]);

function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start] ?? "")) start++;
  while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
  return end > start ? { text: text.slice(start, end), start, end } : null;
}

/** Splits prose into sentences on . ! ? … followed by a space and a capital, digit or quote. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const boundary = /([.!?…]+)(["”’)]*)(\s+)(?=[\p{Lu}\d“"‘(])/gu;
  for (const m of text.matchAll(boundary)) {
    const dotAt = m.index ?? 0;
    const before = text.slice(start, dotAt);
    const lastWord = (before.match(/[\p{L}/.]+$/u)?.[0] ?? "").toLowerCase();
    if (m[1] === "." && NON_TERMINAL.has(lastWord)) continue;
    const end = dotAt + (m[1]?.length ?? 0) + (m[2]?.length ?? 0);
    const span = trimSpan(text, start, end);
    if (span) spans.push(span);
    start = end;
  }
  const last = trimSpan(text, start, text.length);
  if (last) spans.push(last);
  return spans;
}

/**
 * Splits a sentence into clauses at semicolons; a short lead-in that ends with a colon ("Cụ thể:") is
 * dropped from the clause that follows it. Offsets are those of the sentence's source text.
 */
export function splitClauses(sentence: Span): Span[] {
  const out: Span[] = [];
  let offset = 0;
  for (const piece of sentence.text.split(";")) {
    let from = offset;
    const lead = piece.match(/^\s*[\p{L}\s]{1,20}:\s+/u);
    if (lead && lead[0].trim().split(/\s+/).length <= 3) from += lead[0].length;
    const span = trimSpan(sentence.text, from, offset + piece.length);
    if (span) out.push({ text: span.text, start: span.start + sentence.start, end: span.end + sentence.start });
    offset += piece.length + 1;
  }
  return out;
}
