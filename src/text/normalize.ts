/**
 * Text normalisation for Vietnamese. Quoted text keeps the document's own spelling; matching uses
 * canonical forms in which tone-mark placement ("uỷ" vs "ủy", "hoà" vs "hòa") and, for the folded form,
 * all diacritics no longer matter.
 */

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// C0/C1 controls except tab and newline.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** NFC, no zero-width or control characters, CRLF → LF, non-breaking spaces → spaces. */
export function cleanUnicode(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(ZERO_WIDTH, "")
    .replace(CONTROL, "")
    .replace(/[\u00A0\u2007\u202F\u3000]/g, " ");
}

/** Collapses runs of white space to one space and trims. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

// The five Vietnamese tone marks as combining characters, mapped to their Telex letters.
const TONE_MARKS: Record<string, string> = {
  "\u0300": "f", // huyền
  "\u0301": "s", // sắc
  "\u0309": "r", // hỏi
  "\u0303": "x", // ngã
  "\u0323": "j", // nặng
};
const TONE_MARK_PATTERN = /[\u0300\u0301\u0309\u0303\u0323]/g;
// Every other combining mark (circumflex, breve, horn).
const COMBINING = /[\u0300-\u036f]/g;

/**
 * A syllable's canonical matching key: its letters with vowel shapes (â, ă, ơ, ư, ê, ô) but without the
 * tone mark, followed by the tone's Telex letter. "ủy" and "uỷ" both become "uyr"; "hòa" and "hoà" "hoaf".
 * Input must already be lower case.
 */
export function toneKey(syllable: string): string {
  const decomposed = syllable.normalize("NFD");
  let tone = "";
  const bare = decomposed.replace(TONE_MARK_PATTERN, (mark) => {
    tone = TONE_MARKS[mark] ?? "";
    return "";
  });
  return bare.normalize("NFC") + tone;
}

const TONE_OF_LETTER: Record<string, string> = { f: "\u0300", s: "\u0301", r: "\u0309", x: "\u0303", j: "\u0323" };
const VOWEL = /[aăâeêioôơuưy]/;
const SHAPED_VOWEL = /[ăâêôơư]/;

/**
 * The written syllable of an accent key (`toneKey`'s inverse): "mâys" → "mấy", "hoaf" → "hoà". The mark
 * goes on the last shaped vowel (ơ in "ươ", ê in "iê"); else, in a vowel group, on the last vowel before a
 * final consonant, on the second of "oa", "oe", "uy" and the middle of three, otherwise on the first; "qu"
 * and "gi" before a vowel are consonants. Keys match whatever the placement, so only readability rides on it.
 */
export function spellAccentKey(key: string): string {
  const toneLetter = TONE_LETTER.exec(key)?.[0];
  if (!toneLetter) return key;
  const bare = key.slice(0, -1);
  const onset = /^(?:qu|gi(?=[aăâeêoôơuưy]))/.exec(bare)?.[0].length ?? 0;
  const letters = [...bare];
  const vowels: number[] = [];
  letters.forEach((c, i) => {
    if (i >= onset && VOWEL.test(c)) vowels.push(i);
  });
  if (vowels.length === 0) return key;
  const shaped = vowels.filter((i) => SHAPED_VOWEL.test(letters[i] ?? ""));
  const last = vowels[vowels.length - 1] ?? 0;
  const group = vowels.map((i) => letters[i]).join("");
  let at: number;
  if (shaped.length > 0) at = shaped[shaped.length - 1] ?? last;
  else if (last < letters.length - 1 || vowels.length === 1) at = last;
  else if (vowels.length === 3) at = vowels[1] ?? last;
  else at = /^(?:oa|oe|uy)$/.test(group) ? last : (vowels[0] ?? last);
  letters[at] = `${letters[at] ?? ""}${TONE_OF_LETTER[toneLetter] ?? ""}`.normalize("NFC");
  return letters.join("");
}

/** The tone's Telex letter that ends an accent key ("uyr"); Vietnamese syllables never end with these otherwise. */
export const TONE_LETTER = /[fsrxj]$/;

/** Removes every diacritic and maps đ → d: "Đảng ủy" → "Dang uy". */
export function foldDiacritics(text: string): string {
  const table = FOLDED_CHARS;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const folded = table[text.charCodeAt(i)];
    if (folded === undefined) return foldByNormalising(text);
    out += folded;
  }
  return out;
}

/** The definition of folding, for any text: decomposed, marks dropped, recomposed. */
function foldByNormalising(text: string): string {
  return text.normalize("NFD").replace(COMBINING, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC");
}

/**
 * Each character's folded form, for the ranges Vietnamese text is written in (Latin up to the combining
 * marks, Latin Extended Additional with "ả", "ộ", "ữ", general punctuation), in which no character
 * composes with its neighbours once the marks are gone: folding such a text character by character
 * gives what `foldByNormalising` gives for the whole, at a fraction of the cost (folding is most of what
 * answering and the quiz bank spend on text). Other characters (or combining marks) take the slow path.
 */
const FOLDED_CHARS: ReadonlyArray<string | undefined> = (() => {
  const table: Array<string | undefined> = new Array<string | undefined>(0x2070).fill(undefined);
  const ranges: Array<[number, number]> = [
    [0x0000, 0x0300],
    [0x1e00, 0x1f00],
    [0x2000, 0x2070],
  ];
  for (const [from, to] of ranges) {
    for (let code = from; code < to; code++) {
      const folded = foldByNormalising(String.fromCharCode(code));
      // Kept only when the folded form is plain: no combining mark left to meet a neighbour.
      if (!/[\u0300-\u036f]/u.test(folded) && folded.normalize("NFC") === folded) table[code] = folded;
    }
  }
  return table;
})();

/** True when the text carries any Vietnamese diacritic (or đ). */
export function hasDiacritics(text: string): boolean {
  return foldDiacritics(text) !== text.normalize("NFC");
}

/** Lower case, folded: the loosest matching form. */
export function foldKey(text: string): string {
  return foldDiacritics(text.toLowerCase());
}

/**
 * True when two strings are at most one edit (insert, delete, substitute, and with `allowSwap` a swap
 * of neighbours) apart.
 */
export function withinOneEdit(a: string, b: string, allowSwap = true): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    // substitution, or a swap of two neighbours ("chbi" ↔ "chib")
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return allowSwap && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la < lb ? a.slice(i) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i);
}
