import { describe, expect, it } from "vitest";
import {
  escapeTelegramHtml,
  TELEGRAM_CAPTION_LIMIT,
  TELEGRAM_MESSAGE_LIMIT,
  validateTelegramHtml,
} from "../../testing/telegramHtml.js";

function errorOf(html: string): string {
  const result = validateTelegramHtml(html);
  if (result.ok) throw new Error(`expected ${JSON.stringify(html)} to be refused, got text ${JSON.stringify(result.text)}`);
  return result.error;
}

function parsed(html: string): { text: string; entities: unknown[] } {
  const result = validateTelegramHtml(html);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(html)} to parse, got ${result.error}`);
  return result;
}

describe("validateTelegramHtml", () => {
  it("accepts every tag Telegram supports and returns the plain text", () => {
    const html =
      '<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>' +
      '<span class="tg-spoiler">p</span><tg-spoiler>q</tg-spoiler><a href="https://example.org/?a=1&amp;b=2">l</a>' +
      '<code>c</code><pre>p</pre><pre><code class="language-ts">x</code></pre><blockquote>q</blockquote>' +
      '<blockquote expandable>x</blockquote><tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>';
    expect(parsed(html).text).toBe("bsieunskdpqlcpxqx👍");
  });

  it("reports entities with UTF-16 offsets, as Telegram does", () => {
    const { text, entities } = parsed("😀 <b>Điều 5</b> &amp; <i>x</i>");
    expect(text).toBe("😀 Điều 5 & x");
    expect(entities).toEqual([
      { type: "bold", offset: 3, length: 6 },
      { type: "italic", offset: 12, length: 1 },
    ]);
  });

  it("turns <pre><code class=\"language-x\"> into one pre entity with a language", () => {
    expect(parsed('<pre><code class="language-python">print(1)</code></pre>').entities).toEqual([
      { type: "pre", offset: 0, length: 8, language: "python" },
    ]);
    expect(parsed('<code class="language-python">x</code>').entities).toEqual([{ type: "code", offset: 0, length: 1 }]);
  });

  it("keeps the href of a link, decoding its entities", () => {
    expect(parsed('<a href="https://a.vn/?q=1&amp;r=2">x</a>').entities).toEqual([
      { type: "text_link", offset: 0, length: 1, url: "https://a.vn/?q=1&r=2" },
    ]);
  });

  it("marks <blockquote expandable> as an expandable blockquote", () => {
    expect(parsed("<blockquote expandable>x</blockquote>").entities).toEqual([
      { type: "expandable_blockquote", offset: 0, length: 1 },
    ]);
  });

  it("decodes the four named entities and numeric references", () => {
    expect(parsed("&lt;&gt;&amp;&quot; &#39; &#x1F600; &#7879;").text).toBe("<>&\" ' 😀 ệ");
  });

  it("accepts upper-case tag names", () => {
    expect(parsed("<B>x</B>").text).toBe("x");
  });

  it.each([
    ["<br>", 'Unsupported start tag "br" at byte offset 0'],
    ["<p>x</p>", 'Unsupported start tag "p" at byte offset 0'],
    ["a < b", 'Unsupported start tag "" at byte offset 2'],
    ["x <b", "Unclosed start tag at byte offset 2"],
    ["<a href", 'Unclosed start tag "a" at byte offset 0'],
    ['<a href="x"', "Unclosed start tag at byte offset 0"],
    ['<a ="x">y</a>', 'Empty attribute name in the tag "a" at byte offset 0'],
    ["<a href=x/>y</a>", "Unexpected end of name token at byte offset 8"],
    ["<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'],
    ["x</b>", "Unexpected end tag at byte offset 1"],
    ["<b>x</b", "Unclosed end tag at byte offset 4"],
    ["<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'],
    ["<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'],
    ["<b>x", `Can't find end tag corresponding to start tag "b"`],
    ['<tg-emoji emoji-id="x">y</tg-emoji>', "Invalid custom emoji identifier specified"],
  ])("refuses %j like Telegram: %s", (html, message) => {
    expect(errorOf(html)).toBe(`can't parse entities: ${message}`);
  });

  it("counts byte offsets in UTF-8, not in characters", () => {
    // "Đ" and "ề" take 2 and 3 bytes in UTF-8.
    expect(errorOf("Đề <x>")).toBe(`can't parse entities: Unsupported start tag "x" at byte offset 6`);
  });

  it.each(["AT&T", "a && b", "&nbsp;", "&amp", "&#;", '<a href="https://a.vn/?a=1&b=2">x</a>'])(
    "refuses a bare & in %j",
    (html) => {
      expect(errorOf(html)).toMatch(/^can't parse entities: Character "&" at byte offset \d+ does not start an HTML entity/);
    },
  );

  it("refuses references to surrogate code points", () => {
    expect(errorOf("&#xD83D;&#xDE00;")).toMatch(/invalid Unicode characters/);
  });

  it("lets a bare > through, as Telegram does", () => {
    expect(parsed("a > b").text).toBe("a > b");
  });

  it("measures the limit on the text after parsing, in UTF-16 code units", () => {
    const fits = `<b>${"a".repeat(TELEGRAM_MESSAGE_LIMIT)}</b>`;
    expect(validateTelegramHtml(fits).ok).toBe(true);
    expect(validateTelegramHtml(`${"a".repeat(TELEGRAM_MESSAGE_LIMIT)}b`)).toEqual({
      ok: false,
      error: "message is too long",
      reason: "too_long",
    });
    // 2048 emoji are 4096 UTF-16 code units; one more is too many.
    expect(validateTelegramHtml("😀".repeat(2048)).ok).toBe(true);
    expect(validateTelegramHtml("😀".repeat(2049)).ok).toBe(false);
  });

  it("takes a smaller limit for captions", () => {
    expect(validateTelegramHtml("a".repeat(TELEGRAM_CAPTION_LIMIT + 1), { maxLength: TELEGRAM_CAPTION_LIMIT }).ok).toBe(false);
  });
});

describe("escapeTelegramHtml", () => {
  it("makes any text safe to embed", () => {
    const raw = 'if a < b && c > d then "ok" <b>';
    expect(parsed(escapeTelegramHtml(raw)).text).toBe(raw);
  });
});
