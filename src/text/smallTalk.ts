/**
 * Small talk: a message that is only a greeting, a thank-you or a goodbye ("chào bạn", "xin chào ạ",
 * "hello", "cảm ơn nhé", "tam biet"). Such a message has no question in it, so searching the documents
 * for it returns a random fragment; callers (terminal chat, bot, engine) answer it in kind instead.
 *
 * The whole message must be small talk: "chào bạn, có bao nhiêu xã có chi bộ cơ quan?" is a question.
 * Words may be typed with or without diacritics. What may be added here: greeting, thanking and
 * farewell phrases people actually type, and the polite words around them (addressing the bot, particles).
 */
import { foldKey } from "./normalize.js";

/** What kind of small talk a message is. */
export type SmallTalkKind = "greeting" | "thanks" | "goodbye" | "personal";

/** Phrases (folded, lower case, single spaces) and their kind. */
const PHRASES: ReadonlyArray<readonly [string, SmallTalkKind]> = [
  ["xin chao", "greeting"],
  ["chao", "greeting"],
  ["hello", "greeting"],
  ["helo", "greeting"],
  ["hi", "greeting"],
  ["hey", "greeting"],
  ["alo", "greeting"],
  ["good morning", "greeting"],
  ["good afternoon", "greeting"],
  ["good evening", "greeting"],
  ["chao buoi sang", "greeting"],
  ["chao buoi chieu", "greeting"],
  ["chao buoi toi", "greeting"],
  ["cam on", "thanks"],
  ["cam on nhieu", "thanks"],
  ["xin cam on", "thanks"],
  ["cam ta", "thanks"],
  ["thanks", "thanks"],
  ["thank you", "thanks"],
  ["thank", "thanks"],
  ["thx", "thanks"],
  ["tks", "thanks"],
  ["hom nay the nao", "greeting"],
  // ("Chào bạn, hôm nay bạn thế nào?", "dạo này bạn ra sao": how are you.)
  ["the nao", "greeting"],
  ["ra sao", "greeting"],
  ["khoe khong", "greeting"],
  ["co khoe khong", "greeting"],
  // ("Chào em, hôm nay có gì mới không?": what's new.)
  ["co gi moi khong", "greeting"],
  ["co gi moi", "greeting"],
  ["what s new", "greeting"],
  ["whats new", "greeting"],
  ["tam biet", "goodbye"],
  ["bye", "goodbye"],
  ["goodbye", "goodbye"],
  ["hen gap lai", "goodbye"],
];

/**
 * Words that may surround a phrase without making the message a question: who is addressed (bạn, anh,
 * chị, em, trợ lý, bot, mọi người), particles (ạ, nhé, nha, ơi, nhiều, rất, ok) and "hôm nay" ("hôm nay bạn
 * khỏe không").
 */
const POLITE_WORDS = new Set([
  "ban", "anh", "chi", "em", "co", "chu", "bac", "dong", "tro", "ly", "bot", "ad", "admin", "moi", "nguoi", "ca", "minh", "toi", "hom", "nay", "dao",
  "a", "nhe", "nha", "oi", "nhieu", "rat", "lam", "ok", "oke", "okay", "vang", "da", "u", "there", "all", "so", "much", "very",
]);

/** Longest message, in words, that can still be only small talk. */
const MAX_WORDS = 8;

const BY_PHRASE = new Map(PHRASES);
const LONGEST_PHRASE_WORDS = Math.max(...PHRASES.map(([p]) => p.split(" ").length));

/**
 * The kind of small talk `text` is, or null when it holds anything else (a question, a topic, a number).
 * @example detectSmallTalk("Chào bạn!") // "greeting"
 * @example detectSmallTalk("cam on nhe") // "thanks"
 * @example detectSmallTalk("chào bạn, có bao nhiêu xã?") // null
 */
export function detectSmallTalk(text: string): SmallTalkKind | null {
  if (isPersonalQuestion(text)) return "personal";
  if (/\d/.test(text)) return null;
  const words = foldKey(text).split(/[^\p{L}]+/u).filter(Boolean);
  if (words.length === 0 || words.length > MAX_WORDS) return null;
  let found: SmallTalkKind | null = null;
  let i = 0;
  while (i < words.length) {
    let matched = 0;
    // Longest phrase first: "xin chao" before "chao", "cam on nhieu" before "cam on".
    for (let n = Math.min(LONGEST_PHRASE_WORDS, words.length - i); n >= 1; n--) {
      const kind = BY_PHRASE.get(words.slice(i, i + n).join(" "));
      if (kind) {
        found ??= kind;
        matched = n;
        break;
      }
    }
    if (matched > 0) i += matched;
    else if (POLITE_WORDS.has(words[i] ?? "")) i += 1;
    else return null;
  }
  return found;
}

// "Bạn ăn cơm chưa?", "bạn là ai?", "bạn khỏe không": a short question to the assistant about itself.
const ADDRESSED = /^(?:bạn|bot|em|anh|chị|trợ lý)\s+(?:ơi\s+)?(?:(?:đã|có|đang|là|thấy|tên|khỏe|khoẻ|ăn|ngủ|bao nhiêu tuổi|ở đâu|làm gì|thích|biết không|nghĩ)(?![\p{L}]))/iu;
const ABOUT_THE_DOCUMENTS = /(?:tài liệu|văn bản|quy định|hướng dẫn|điều lệ|nghị quyết|đảng|chi bộ|cán bộ|cho (?:tôi|mình|em) hỏi)/iu;

// The same typed without diacritics, where "ban" is also a committee ("Ban có …", "Ban làm gì"): only the
// personal questions no committee is asked ("ban an com chua", "ban ten gi", "bot khoe khong").
const ADDRESSED_FOLDED = /^(?:ban|bot|em|anh|chi|tro ly)\s+(?:oi\s+)?(?:da\s+|co\s+)?(?:an (?:com|sang|trua|toi|chua|gi)|ngu|khoe|bao nhieu tuoi|ten (?:la|gi)|thich gi)(?![\p{L}])/u;
const ABOUT_THE_DOCUMENTS_FOLDED = /(?:tai lieu|van ban|quy dinh|huong dan|dieu le|nghi quyet|dang vien|dang uy|dang bo|chi bo|can bo|cho (?:toi|minh|em) hoi)/u;

/** A short question addressed to the assistant about itself, not about the documents. */
function isPersonalQuestion(text: string): boolean {
  const trimmed = text.trim().normalize("NFC");
  const words = trimmed.split(/\s+/).filter(Boolean);
  if (words.length > MAX_WORDS) return false;
  if (ADDRESSED.test(trimmed) && !ABOUT_THE_DOCUMENTS.test(trimmed)) return true;
  const folded = foldKey(trimmed);
  return folded === trimmed.toLowerCase() && ADDRESSED_FOLDED.test(folded) && !ABOUT_THE_DOCUMENTS_FOLDED.test(folded);
}
