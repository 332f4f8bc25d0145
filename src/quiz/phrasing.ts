/**
 * Small pure helpers that turn document prose into question text: trimming discourse markers, finding
 * the noun a number counts, cutting a clause where its meaning ends, and shortening at word boundaries.
 */

// Connectives that open a sentence but mean nothing once the sentence stands alone as a question.
const DISCOURSE_MARKER = /^(?:kết quả|đồng thời|trong đó|cụ thể|theo đó|ngoài ra|bên cạnh đó|mặt khác|tuy nhiên|vì vậy|do đó|như vậy|hiện nay)\s*[,:]?\s+/iu;

// Words that end the noun phrase after a number: verbs, prepositions and conjunctions.
const NOUN_STOP = new Set([
  "có", "với", "là", "được", "đã", "đang", "sẽ", "do", "để", "trong", "thuộc", "ở", "tại", "của", "so", "và", "chiếm", "gồm",
  "nhằm", "từ", "đến", "xuống", "lên", "trên", "dưới", "theo", "cho", "bằng", "hơn", "khoảng", "thì", "mà", "nhưng", "hoặc",
  "hay", "vào", "ra", "như", "tăng", "giảm", "đạt", "còn", "mỗi", "nên", "phải", "không", "chưa", "bị", "về", "sau", "trước",
]);
// Words at which the rest of a clause stops being part of the fact a question asks about.
// "và" ends the fact only when a second statement follows ("và phải …", "và 100% …"), not inside a noun
// phrase ("tổ chức và hoạt động").
const REST_CUT = /\s(?:với|nhằm|để|do|mỗi|gồm|đồng thời|trong đó|nhưng|song|mà|cũng như)(?=[\s:,])|\svà(?=\s+(?:\d|phải|đã|được|có|cần|sẽ|đang|không|chưa|cũng)(?![\p{L}\p{M}]))/gu;
const NOUN_MAX_WORDS = 6;
const LIST_CONTINUATION_MAX_WORDS = 3;

// Words a predicate opens with when its subject stayed in an earlier clause or sentence
// ("…; đã thi hành kỷ luật 12 đảng viên"): a question built from it would not say who did what.
const SUBJECTLESS_OPENING = /^(?:đã|đang|sẽ|được|bị|vừa|mới|cũng|đều|tiếp tục|tiến hành|thi hành|kết nạp|xử lý|xem xét)(?![\p{L}\p{M}])/iu;
// Time and circumstance phrases before a comma, which are no subject ("Năm 2013, …", "Sau khi sắp xếp, …").
const LEADING_ADVERBIAL = /^(?:năm|trong|sau|trước|đến|tính đến|từ|qua|hiện nay|giai đoạn|nhiệm kỳ|riêng|nhìn chung|nhờ|với)(?![\p{L}\p{M}])[^,]*,\s*/iu;

/**
 * True when a clause's words before its fact have no subject: they open with a verb or an auxiliary
 * ("đã thi hành kỷ luật"), possibly after a time phrase ("Năm 2013, đã kết nạp"). Such a clause would
 * make a question that loses who it is about, so the quiz skips it.
 */
export function lacksSubject(lead: string): boolean {
  let rest = stripMarkers(lead).trim();
  for (let m = rest.match(LEADING_ADVERBIAL); m; m = rest.match(LEADING_ADVERBIAL)) rest = rest.slice(m[0].length);
  return SUBJECTLESS_OPENING.test(rest);
}

/** Removes leading connectives ("Kết quả,", "Đồng thời,", "Trong đó") from a sentence. */
export function stripMarkers(text: string): string {
  let out = text.trimStart();
  for (let m = out.match(DISCOURSE_MARKER); m; m = out.match(DISCOURSE_MARKER)) out = out.slice(m[0].length);
  return out;
}

/** Removes "( … )" asides. */
export function removeParentheticals(text: string): string {
  let out = text;
  for (let prev = ""; prev !== out; ) {
    prev = out;
    out = out.replace(/\s*\([^()]*\)/g, "");
  }
  return out;
}

/** Upper-cases the first letter. */
export function capitalise(text: string): string {
  return text.replace(/^([“"‘(]*)(\p{L})/u, (_m, lead: string, letter: string) => lead + letter.toUpperCase());
}

/** Lower-cases the first letter unless the first word is an acronym or looks like a name. */
export function decapitalise(text: string): string {
  const first = text.match(/^\p{L}+/u)?.[0] ?? "";
  if (first.length > 1 && first === first.toUpperCase()) return text;
  return text.replace(/^\p{L}/u, (c) => c.toLowerCase());
}

/** Tidies spacing and punctuation, capitalises and ends the text with a question mark. */
export function finishQuestion(text: string): string {
  const tidy = text
    .replace(/\s+/g, " ")
    .replace(/\s+([,;:.?)])/g, "$1")
    .replace(/\(\s+/g, "(")
    .replace(/,\s*,/g, ",")
    .trim()
    .replace(/[\s,;:.…–-]+$/u, "");
  return `${capitalise(tidy)}?`;
}

/** Cuts text to at most `maxChars` at a word boundary, ending with "…" when anything was cut. */
export function shortenAtWord(text: string, maxChars: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= maxChars) return clean;
  const room = clean.slice(0, maxChars); // leaves one character for the ellipsis
  const cut = room.lastIndexOf(" ");
  const head = (cut > maxChars / 2 ? room.slice(0, cut) : room.slice(0, maxChars - 1)).replace(/[\s,;:.–-]+$/u, "");
  return `${head}…`;
}

/** A quotation of `text` of at most `maxChars` that keeps `start`–`end` visible, with "…" where cut. */
export function quoteAround(text: string, start: number, end: number, maxChars: number): string {
  const clean = text.trim();
  if (clean.length <= maxChars) return clean;
  const budget = maxChars - 2;
  if (end - start >= budget) return shortenAtWord(text.slice(start), maxChars);
  let from = Math.max(0, start - Math.floor((budget - (end - start)) / 2));
  const to = Math.min(text.length, from + budget);
  from = Math.max(0, to - budget);
  let a = from;
  let b = to;
  if (a > 0) {
    const space = text.indexOf(" ", a);
    if (space >= 0 && space < start) a = space + 1;
  }
  if (b < text.length) {
    const space = text.lastIndexOf(" ", b);
    if (space >= end) b = space;
  }
  const body = text.slice(a, b).trim().replace(/[\s,;:–-]+$/u, "");
  return `${a > 0 ? "…" : ""}${body}${b < text.length ? "…" : ""}`;
}

/** Replaces the insides of quotations with placeholders so that their commas do not cut a clause. */
function maskQuotes(text: string): string {
  return text.replace(/“[^”]*”|"[^"]*"/g, (q) => q[0] + "x".repeat(Math.max(0, q.length - 2)) + q[q.length - 1]);
}

/**
 * True when the text after a comma continues a short list of place or unit words ("xã, phường, thị trấn"),
 * i.e. one to three lower-case words followed by a comma, a stop word or the end of the clause.
 */
function continuesShortList(afterComma: string): number {
  const m = afterComma.match(/^ ((?:[\p{Ll}\p{M}]+ ?){1,3})/u);
  if (!m?.[1]) return 0;
  const words = m[1].trim().split(" ");
  let taken = 0;
  for (const w of words) {
    if (NOUN_STOP.has(w)) break;
    taken++;
  }
  if (taken === 0 || taken > LIST_CONTINUATION_MAX_WORDS) return 0;
  const phrase = words.slice(0, taken).join(" ");
  const after = afterComma.slice(1 + phrase.length);
  if (after === "" || /^[,;:.)]/.test(after) || (/^ (\p{Ll}+)/u.test(after) && NOUN_STOP.has(after.match(/^ (\p{Ll}+)/u)?.[1] ?? ""))) return 1 + phrase.length;
  return 0;
}

/**
 * The noun phrase that a number counts, read from the text right after it ("chi bộ quân sự xã, phường,
 * thị trấn"), and how many characters of `after` it used.
 */
export function readNoun(after: string): { noun: string; length: number } {
  let pos = 0;
  let noun = "";
  for (let words = 0; words < NOUN_MAX_WORDS; words++) {
    const m = after.slice(pos).match(/^ ([\p{L}\p{M}’']+)/u);
    if (!m?.[1]) break;
    const word = m[1];
    const isAcronym = word.length > 1 && word === word.toUpperCase();
    if (NOUN_STOP.has(word) || (!isAcronym && !/^\p{Ll}/u.test(word))) break;
    noun += ` ${word}`;
    pos += m[0].length;
  }
  if (noun === "") return { noun: "", length: 0 };
  while (after[pos] === ",") {
    const more = continuesShortList(after.slice(pos + 1));
    if (more === 0) break;
    noun += `,${after.slice(pos + 1, pos + 1 + more)}`;
    pos += 1 + more;
  }
  return { noun: noun.trim(), length: pos };
}

/**
 * The part of a clause that still belongs to the fact: up to the first sentence punctuation, bracket,
 * comma (except inside a short list like "xã, phường, thị trấn") or connective ("với", "nhằm", "để", "do").
 */
export function cutRest(text: string): string {
  const masked = maskQuotes(text);
  let cut = masked.length;
  const punct = masked.search(/[;:!?(…]|\.(?=\s|$)/);
  if (punct >= 0) cut = Math.min(cut, punct);
  for (const m of masked.matchAll(REST_CUT)) {
    const at = m.index ?? 0;
    if (m[0].trim() === "với" && /\sso$/.test(masked.slice(0, at))) continue;
    cut = Math.min(cut, at);
    break;
  }
  for (let i = masked.indexOf(","); i >= 0 && i < cut; i = masked.indexOf(",", i + 1)) {
    const more = continuesShortList(masked.slice(i + 1));
    if (more === 0) {
      cut = i;
      break;
    }
    i += more;
  }
  return text.slice(0, cut).trimEnd();
}

/**
 * Shortens a long lead-in to its opening statement and its last words before the blank, joined by "…",
 * so a question stays readable and within Telegram's limit.
 */
export function shortenLead(lead: string, maxChars: number): string {
  if (lead.length <= maxChars) return lead;
  const opening = cutRest(lead.split(", ")[0] ?? "");
  const tailBudget = Math.max(40, maxChars - opening.length - 3);
  const segments = lead.split(", ");
  let tail = "";
  for (let i = segments.length - 1; i > 0; i--) {
    const next = tail ? `${segments[i]}, ${tail}` : (segments[i] ?? "");
    if (next.length > tailBudget) break;
    tail = next;
  }
  if (!tail) {
    const words = lead.split(" ");
    while (words.length > 1 && words.join(" ").length > tailBudget) words.shift();
    tail = words.join(" ");
  }
  return opening.length >= 20 && opening.length + tail.length + 3 <= maxChars ? `${opening} … ${tail}` : `… ${tail}`;
}
