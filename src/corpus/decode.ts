/**
 * Turns the bytes of a text file into a Unicode (NFC) string, whatever encoding an office PC saved it in:
 * UTF-8 or UTF-16 (with or without a BOM), Windows-1258, or the two pre-Unicode Vietnamese font encodings
 * still found in old party documents, TCVN3 (ABC) and VNI-Windows.
 */
import iconv from "iconv-lite";
import { AppError } from "../errors.js";

/** Decoded text (NFC) and the label of the encoding it was read as. */
export interface DecodedText {
  text: string;
  /** "utf-8", "utf-16le", "utf-16be", "windows-1258", "tcvn3" or "vni-windows". */
  encoding: string;
}

/** Above this share of control characters (other than tab, newlines, form feed) the input is binary. */
const MAX_CONTROL_SHARE = 0.05;
/** UTF-16 without a BOM: at least this share of the code units have a zero high byte (ASCII text)… */
const UTF16_MIN_ZERO_SHARE = 0.3;
/** …and at most this share have a zero low byte. */
const UTF16_MAX_OTHER_ZERO_SHARE = 0.05;

/**
 * Decodes a text file's bytes. Order: BOM, strict UTF-8, UTF-16 without BOM, then the legacy Vietnamese
 * encoding whose decoding reads most like Vietnamese. Throws FILE_UNREADABLE when the bytes look binary.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  if (hasPrefix(buf, [0xef, 0xbb, 0xbf])) return checked(utf8(buf.subarray(3)), "utf-8");
  if (hasPrefix(buf, [0xff, 0xfe])) return checked(iconv.decode(buf.subarray(2), "utf16le"), "utf-16le");
  if (hasPrefix(buf, [0xfe, 0xff])) return checked(iconv.decode(buf.subarray(2), "utf16be"), "utf-16be");

  const utf8Text = tryUtf8(buf);
  if (utf8Text !== null) return checked(utf8Text, "utf-8");

  const utf16 = sniffUtf16(buf);
  if (utf16 !== null) return checked(iconv.decode(buf, utf16 === "utf-16le" ? "utf16le" : "utf16be"), utf16);

  if (looksBinary(buf)) throw binaryError();
  return bestLegacyDecoding(buf);
}

function hasPrefix(buf: Buffer, prefix: number[]): boolean {
  return buf.length >= prefix.length && prefix.every((byte, i) => buf[i] === byte);
}

function utf8(buf: Buffer): string {
  return new TextDecoder("utf-8").decode(buf);
}

function tryUtf8(buf: Buffer): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    return null;
  }
}

function checked(text: string, encoding: string): DecodedText {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    if (isControl(text.charCodeAt(i))) controls++;
  }
  if (text.includes("\u0000") || controls > text.length * MAX_CONTROL_SHARE) throw binaryError();
  return { text: text.normalize("NFC"), encoding };
}

function looksBinary(buf: Buffer): boolean {
  if (buf.includes(0)) return true;
  let controls = 0;
  for (const byte of buf) {
    if (isControl(byte)) controls++;
  }
  return controls > buf.length * MAX_CONTROL_SHARE;
}

/** C0 controls and DEL, except tab, line feed, vertical tab (Word's line break), form feed, carriage return. */
function isControl(code: number): boolean {
  return (code < 0x20 && (code < 0x09 || code > 0x0d)) || code === 0x7f;
}

function binaryError(): AppError {
  return new AppError("FILE_UNREADABLE", "looks binary, not text: save it as UTF-8 text, .docx or .pdf");
}

/** Windows "Unicode" text saved without a BOM: every other byte of its ASCII characters is zero. */
function sniffUtf16(buf: Buffer): "utf-16le" | "utf-16be" | null {
  if (buf.length < 4 || buf.length % 2 !== 0) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < buf.length; i += 2) {
    if (buf[i] === 0) zeroEven++;
    if (buf[i + 1] === 0) zeroOdd++;
  }
  const units = buf.length / 2;
  if (zeroOdd >= units * UTF16_MIN_ZERO_SHARE && zeroEven <= units * UTF16_MAX_OTHER_ZERO_SHARE) return "utf-16le";
  if (zeroEven >= units * UTF16_MIN_ZERO_SHARE && zeroOdd <= units * UTF16_MAX_OTHER_ZERO_SHARE) return "utf-16be";
  return null;
}

/**
 * Legacy bytes carry no label, so each candidate decoding is scored by how many of its words are
 * well-formed Vietnamese syllables; Windows-1258 wins ties since it is the likeliest on a modern PC.
 */
function bestLegacyDecoding(buf: Buffer): DecodedText {
  const candidates: DecodedText[] = [
    { text: iconv.decode(buf, "windows1258").normalize("NFC"), encoding: "windows-1258" },
    // iconv-lite's "tcvn" is TCVN 5712 VN1, whose upper half matches the TCVN3 (ABC) fonts.
    { text: fixTcvn3Capitals(iconv.decode(buf, "tcvn").normalize("NFC")), encoding: "tcvn3" },
    { text: vniToUnicode(iconv.decode(buf, "windows1252")), encoding: "vni-windows" },
  ];
  let best = candidates[0] as DecodedText;
  let bestScore = vietnameseScore(best.text);
  for (const candidate of candidates.slice(1)) {
    const score = vietnameseScore(candidate.text);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const SYLLABLE_SKELETON = /^[bcdghklmnpqrstvx]{0,3}[aeiouy]{1,3}(?:c|ch|m|n|ng|nh|p|t)?$/u;
const VIETNAMESE_LETTERS = buildVietnameseLetters();
/** Non-ASCII punctuation that a correctly decoded document may contain without penalty. */
const ALLOWED_SYMBOLS = new Set("\u00a0“”‘’–—…•°");

function buildVietnameseLetters(): Set<string> {
  const letters = new Set<string>(["đ", "Đ"]);
  for (const vowel of "aăâeêioôơuưy") {
    for (const tone of ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]) {
      const letter = (vowel + tone).normalize("NFC");
      letters.add(letter);
      letters.add(letter.toUpperCase());
    }
  }
  return letters;
}

/** +1 per non-ASCII word that is a plausible syllable, −1 per one that is not and per stray symbol. */
function vietnameseScore(text: string): number {
  let score = 0;
  for (const word of text.match(/[\p{L}\p{M}]+/gu) ?? []) {
    if (!/[^\x00-\x7f]/u.test(word)) continue;
    score += isVietnameseSyllable(word) ? 1 : -1;
  }
  for (const char of text.match(/[^\x00-\x7f\p{L}\p{M}]/gu) ?? []) {
    if (!ALLOWED_SYMBOLS.has(char)) score--;
  }
  return score;
}

function isVietnameseSyllable(word: string): boolean {
  for (const char of word) {
    if (!/[A-Za-z]/u.test(char) && !VIETNAMESE_LETTERS.has(char)) return false;
  }
  const decomposed = word.normalize("NFD");
  if ((decomposed.match(TONE_MARKS) ?? []).length > 1) return false;
  const skeleton = decomposed.replace(/\p{M}/gu, "").toLowerCase().replace(/đ/gu, "d");
  return SYLLABLE_SKELETON.test(skeleton);
}

/**
 * TCVN3 has lowercase codes only for most toned letters: capitals were typed in a ".VnTimeH" font that
 * draws lowercase codes as capitals. A word whose ASCII letters are all capitals is therefore upper-cased.
 */
function fixTcvn3Capitals(text: string): string {
  return text.replace(/[\p{L}\p{M}]+/gu, (word) =>
    /[A-Z]/u.test(word) && !/[a-z]/u.test(word) ? word.toUpperCase() : word,
  );
}

/** VNI letters that are a single byte (read as Windows-1252) standing for a whole Vietnamese letter. */
const VNI_LETTERS: Record<string, string> = {
  ô: "ơ", Ô: "Ơ", ö: "ư", Ö: "Ư", ñ: "đ", Ñ: "Đ",
  æ: "ỉ", Æ: "Ỉ", ó: "ĩ", Ó: "Ĩ", ò: "ị", Ò: "Ị", î: "ỵ", Î: "Ỵ",
};

/**
 * VNI diacritic bytes (read as Windows-1252, lowercased) that follow a base vowel, as combining marks:
 * circumflex and breve come first, then the tone, so NFC composes them into one letter.
 */
const VNI_MARKS: Record<string, string> = {
  ù: "\u0301", ø: "\u0300", û: "\u0309", õ: "\u0303", ï: "\u0323",
  â: "\u0302", á: "\u0302\u0301", à: "\u0302\u0300", å: "\u0302\u0309", ã: "\u0302\u0303", ä: "\u0302\u0323",
  ê: "\u0306", é: "\u0306\u0301", è: "\u0306\u0300", ú: "\u0306\u0309", ü: "\u0306\u0303", ë: "\u0306\u0323",
};

const VNI_BASE_VOWELS = new Set("aeiouyơưAEIOUYƠƯ");

/** VNI-Windows writes a toned letter as a base letter followed by one diacritic byte. */
function vniToUnicode(latin: string): string {
  const out: string[] = [];
  let previous = "";
  for (const char of latin) {
    const mark = VNI_MARKS[char.toLowerCase()];
    // A mark only attaches to a bare vowel, so one vowel never takes two marks.
    const next = mark !== undefined && VNI_BASE_VOWELS.has(previous) ? mark : (VNI_LETTERS[char] ?? char);
    out.push(next);
    previous = next;
  }
  return out.join("").normalize("NFC");
}
