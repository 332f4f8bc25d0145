import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readStructure } from "../../src/corpus/document.js";
import { loadFile } from "../../src/corpus/loaders.js";
import { AppError, type ErrorCode } from "../../src/errors.js";
import { findVietnameseFont, makeDocx, makePdf, makeTempDir, makeZip, toWindows1258Shape } from "../support/fixtures.js";

const NGHI_QUYET = "Nghị quyết số 22 về kiện toàn tổ chức cơ sở Đảng ở Đắk Lắk";
const CHI_BO = "Chi bộ là hạt nhân chính trị ở cơ sở, nơi đảng viên sinh hoạt thường xuyên.";
const VIETNAMESE_FONT = findVietnameseFont();

let dir = "";
let cleanup: () => Promise<void> = async () => {};

beforeAll(async () => {
  ({ dir, cleanup } = await makeTempDir("loaders-test"));
});

afterAll(async () => {
  await cleanup();
});

async function writeFixture(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function loadError(path: string, opts?: { maxBytes?: number }): Promise<AppError> {
  try {
    await loadFile(path, opts);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw new Error(`expected an AppError, got ${String(err)}`);
  }
  throw new Error(`expected loading ${path} to fail`);
}

async function expectLoadError(path: string, code: ErrorCode, opts?: { maxBytes?: number }): Promise<AppError> {
  const err = await loadError(path, opts);
  expect(err.code).toBe(code);
  expect(err.message).toContain(path.split("/").pop());
  return err;
}

describe("loadFile: text files", () => {
  it("loads a UTF-8 .txt as NFC even when it was saved decomposed", async () => {
    const path = await writeFixture("nfd.txt", `${NGHI_QUYET}\n\n${CHI_BO}`.normalize("NFD"));
    const loaded = await loadFile(path);
    expect(loaded).toEqual({ format: "txt", pages: [`${NGHI_QUYET}\n\n${CHI_BO}`], encoding: "utf-8" });
    expect(loaded.pages[0]?.normalize("NFC")).toBe(loaded.pages[0]);
  });

  it("keeps markdown syntax in .md files and turns CRLF into LF", async () => {
    const path = await writeFixture("ghi-chu.MD", `# Kinh nghiệm\r\n\r\n**Một là**, ${CHI_BO}\r\n`);
    const loaded = await loadFile(path);
    expect(loaded.format).toBe("md");
    expect(loaded.pages).toEqual([`# Kinh nghiệm\n\n**Một là**, ${CHI_BO}`]);
  });

  it("decodes a Windows-1258 text file to the right NFC text", async () => {
    const text = `${NGHI_QUYET}\n\n${CHI_BO}`;
    const bytes = iconv.encode(toWindows1258Shape(text), "windows1258");
    expect(bytes.includes(0xf2)).toBe(true); // the combining dot below of "ị": really Windows-1258 bytes
    const loaded = await loadFile(await writeFixture("cp1258.txt", bytes));
    expect(loaded.encoding).toBe("windows-1258");
    expect(loaded.pages).toEqual([text]);
  });

  it("decodes a TCVN3 (ABC) text file, restoring capitals typed in an H font", async () => {
    // TCVN3 has no codes for most toned capitals, so "ĐẢNG" was stored as "Đ" + lowercase "ả" + "NG".
    const bytes = iconv.encode(`ĐảNG BỘ TỈNH\n\n${CHI_BO}`, "tcvn");
    const loaded = await loadFile(await writeFixture("tcvn3.txt", bytes));
    expect(loaded.encoding).toBe("tcvn3");
    expect(loaded.pages).toEqual([`ĐẢNG BỘ TỈNH\n\n${CHI_BO}`]);
  });

  it("decodes a VNI-Windows text file", async () => {
    // "Đảng Cộng sản Việt Nam. Trường học." as VNI stores it: base letters followed by diacritic bytes.
    const bytes = Buffer.from("Ñaûng Coäng saûn Vieät Nam. Tröôøng hoïc.", "latin1");
    const loaded = await loadFile(await writeFixture("vni.txt", bytes));
    expect(loaded.encoding).toBe("vni-windows");
    expect(loaded.pages).toEqual(["Đảng Cộng sản Việt Nam. Trường học."]);
  });

  it("decodes UTF-16 text saved with a BOM", async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NGHI_QUYET, "utf16le")]);
    const loaded = await loadFile(await writeFixture("utf16.txt", bytes));
    expect(loaded).toEqual({ format: "txt", pages: [NGHI_QUYET], encoding: "utf-16le" });
  });
});

describe("loadFile: HTML", () => {
  const page = `<!doctype html><html><head><title>Tiêu đề trang</title><style>p { color: red }</style></head>
<body>
  <header><a href="/">Báo Điện tử</a> Trang chủ</header>
  <nav><a href="/a">Chuyên mục</a></nav>
  <script>var tracking = "không được xuất hiện";</script>
  <article>
    <h2>Kinh nghiệm thực hiện</h2>
    <p>${NGHI_QUYET}, xem <a href="https://example.vn/nq22">toàn văn</a>.</p>
    <img src="anh.jpg" alt="ảnh minh họa">
    <div>${CHI_BO}</div>
    <table><tr><th>Đơn vị</th><th>Số đảng viên</th></tr><tr><td>Phường 1</td><td>262</td></tr></table>
  </article>
  <footer>Bản quyền thuộc về tòa soạn</footer>
</body></html>`;

  it("keeps headings as markdown lines ('## ' for an <h2>) in their original case and paragraphs as blank-line blocks", async () => {
    const loaded = await loadFile(await writeFixture("bai-viet.html", page));
    expect(loaded.format).toBe("html");
    expect(loaded.pages).toEqual([
      [
        "## Kinh nghiệm thực hiện",
        `${NGHI_QUYET}, xem toàn văn.`,
        CHI_BO,
        "| Đơn vị | Số đảng viên |\n|---|---|\n| Phường 1 | 262 |",
      ].join("\n\n"),
    ]);
  });

  it("titles a page without a formal header by its <h1>, not by the lines of the site's top bar above it", async () => {
    const saved = `<html><body><div class="topbar"><span>Thứ Ba, 13/01/2026</span> <span>Báo in – Truyền hình – RSS – Đặt báo</span></div>
      <article><h1>Ủy ban Kiểm tra Huyện ủy Bình Nhạn: Năm 2025 thi hành kỷ luật 29 đảng viên</h1>
      <p>Khánh Vy – 13/01/2026 16:40</p>
      <h2>Kiểm tra, giám sát có trọng tâm</h2>
      <p>Ngày 12/01/2026, Ban Thường vụ Huyện ủy Bình Nhạn tổ chức hội nghị tổng kết công tác kiểm tra, giám sát năm 2025.</p></article></body></html>`;
    const [text = ""] = (await loadFile(await writeFixture("tin-ubkt.html", saved))).pages;
    const structure = readStructure({ format: "html", pages: [text], encoding: "utf-8" }, "tin-ubkt.html");
    expect(structure.title).toBe("Ủy ban Kiểm tra Huyện ủy Bình Nhạn: Năm 2025 thi hành kỷ luật 29 đảng viên");
  });

  it("writes tables as markdown rows: a cell's lines joined by <br>, a rule under a header row", async () => {
    const saved = `<html><body><article>
      <table class="doc-header"><tr><td><p>ĐẢNG BỘ TỈNH BÌNH AN<br><strong>ĐẢNG ỦY XÃ HÒA BÌNH</strong><br>*</p><p>Số 146-TB/ĐU</p></td>
      <td><p><strong>ĐẢNG CỘNG SẢN VIỆT NAM</strong><br>---------------</p><p><em>Hòa Bình, ngày 10 tháng 7 năm 2026</em></p></td></tr></table>
      <p>THÔNG BÁO KẾT LUẬN</p>
      <table><thead><tr><th>TT</th><th>Nội dung thu</th><th>Thực hiện | 6 tháng</th></tr></thead>
      <tbody><tr><td>1</td><td>Lệ phí trước bạ</td><td>3.410</td></tr></tbody></table>
    </article></body></html>`;
    const [text = ""] = (await loadFile(await writeFixture("thong-bao.html", saved))).pages;
    expect(text).toContain("| ĐẢNG BỘ TỈNH BÌNH AN<br>ĐẢNG ỦY XÃ HÒA BÌNH<br>*<br>Số 146-TB/ĐU | ĐẢNG CỘNG SẢN VIỆT NAM<br>---------------<br>Hòa Bình, ngày 10 tháng 7 năm 2026 |");
    expect(text).toContain("| TT | Nội dung thu | Thực hiện / 6 tháng |\n|---|---|---|\n| 1 | Lệ phí trước bạ | 3.410 |");
    // Read as a document: the header table gives the header, the data table a record per row.
    const structure = readStructure({ format: "html", pages: [text], encoding: "utf-8" }, "thong-bao.html");
    expect(structure.header).toMatchObject({ number: "146-TB/ĐU", date: "10/07/2026" });
    expect(structure.header?.issuer).toMatch(/^Đảng ủy xã Hòa Bình$/iu);
    expect(structure.blocks.map((b) => b.text)).toContain("1. Nội dung thu: Lệ phí trước bạ; Thực hiện / 6 tháng: 3.410.");
  });

  it("names each column of a table whose header rows stack under a merged cell, and spreads merged cells", async () => {
    const saved = `<html><body><article><table><thead>
      <tr><th rowspan="2">TT</th><th rowspan="2">Đơn vị</th><th rowspan="2">Số đảng viên</th><th colspan="2">Biến động trong năm 2025</th></tr>
      <tr><th>Kết nạp mới</th><th>Chuyển đi</th></tr></thead>
      <tbody><tr><td>1</td><td>Đảng bộ xã Phước Mỹ</td><td>426</td><td>14</td><td>2</td></tr>
      <tr><td colspan="2">Cộng</td><td>426</td><td>14</td><td>2</td></tr></tbody></table>
      <table><tr><th>Chỉ tiêu</th><th>2026</th></tr><tr><th>Tỷ lệ nữ bí thư chi bộ (%)</th><th>12,5</th></tr></table>
    </article></body></html>`;
    const [text = ""] = (await loadFile(await writeFixture("bao-cao.html", saved))).pages;
    expect(text).toContain("| TT | Đơn vị | Số đảng viên | Kết nạp mới (Biến động trong năm 2025) | Chuyển đi (Biến động trong năm 2025) |\n|---|---|---|---|---|\n| 1 | Đảng bộ xã Phước Mỹ | 426 | 14 | 2 |\n| Cộng |  | 426 | 14 | 2 |");
    // Rows all marked as headers without a merged cell (as a Word file's converter may): the first heads the rest.
    expect(text).toContain("| Chỉ tiêu | 2026 |\n|---|---|\n| Tỷ lệ nữ bí thư chi bộ (%) | 12,5 |");
    const structure = readStructure({ format: "html", pages: [text], encoding: "utf-8" }, "bao-cao.html");
    expect(structure.blocks.map((b) => b.text)).toContain("1. Đơn vị: Đảng bộ xã Phước Mỹ; Số đảng viên: 426; Kết nạp mới (Biến động trong năm 2025): 14; Chuyển đi (Biến động trong năm 2025): 2.");
  });

  it("drops a page's sidebars, breadcrumbs, share buttons, comments and related links", async () => {
    const saved = `<html><body><div class="breadcrumb">Trang chủ › Tin tức</div><aside class="col-md-3"><div class="box">Tin mới nhất: Hội nghị báo cáo viên</div></aside>
      <article><p>Đảng ủy phường đã kiểm tra 7 đảng viên.</p><div class="share-tools">Chia sẻ Facebook</div>
      <div class="comments">Bình luận (2): rất hay</div><div class="related-news">Tin cùng chuyên mục</div><div class="ads">Quảng cáo</div></article></body></html>`;
    const [text = ""] = (await loadFile(await writeFixture("bai-bao.html", saved))).pages;
    expect(text.trim()).toBe("Đảng ủy phường đã kiểm tra 7 đảng viên.");
  });

  it("drops scripts, styles, navigation, header, footer, images and link URLs", async () => {
    const [text = ""] = (await loadFile(await writeFixture("chrome.htm", page))).pages;
    for (const dropped of ["tracking", "color", "Chuyên mục", "Trang chủ", "Bản quyền", "example.vn", "ảnh minh họa", "anh.jpg"]) {
      expect(text).not.toContain(dropped);
    }
  });

  it("makes each list item a paragraph of its own, numbered as in the source", async () => {
    const html = `<ol start="2"><li>${CHI_BO}</li><li>Khoản kế tiếp</li></ol><ul><li>Ý một</li></ul>`;
    const loaded = await loadFile(await writeFixture("danh-sach.html", html));
    expect(loaded.pages).toEqual([`2. ${CHI_BO}\n\n3. Khoản kế tiếp\n\n- Ý một`]);
  });

  it("reads .HTM regardless of the extension's case", async () => {
    const loaded = await loadFile(await writeFixture("HOA.HTM", `<p>${CHI_BO}</p>`));
    expect(loaded.pages).toEqual([CHI_BO]);
  });
});

describe("loadFile: DOCX", () => {
  it("keeps headings as '# ' lines and Vietnamese text intact", async () => {
    const docx = await makeDocx([
      { heading: "Chương I. Đảng viên", text: CHI_BO },
      { text: NGHI_QUYET.normalize("NFD") },
    ]);
    const loaded = await loadFile(await writeFixture("dieu-le.docx", docx));
    expect(loaded.format).toBe("docx");
    expect(loaded.pages).toEqual([`# Chương I. Đảng viên\n\n${CHI_BO}\n\n${NGHI_QUYET}`]);
  });
});

describe("loadFile: PDF", () => {
  it("gives one page entry per PDF page, in order, blank pages included", async () => {
    const pdf = await makePdf([["First page."], [], ["Third page."]], { fontPath: null });
    const loaded = await loadFile(await writeFixture("ascii.pdf", pdf));
    expect(loaded.format).toBe("pdf");
    expect(loaded.pages).toEqual(["First page.", "", "Third page."]);
  });

  it.skipIf(VIETNAMESE_FONT === null)(`keeps Vietnamese text and paragraph breaks on each page${VIETNAMESE_FONT === null ? " (skipped: no TTF font with Vietnamese glyphs installed, e.g. fonts-dejavu)" : ""}`, async () => {
    const longParagraph = `${CHI_BO} ${CHI_BO} ${CHI_BO}`;
    const pdf = await makePdf([["Điều 1. Chi bộ", longParagraph, NGHI_QUYET], [CHI_BO]]);
    const loaded = await loadFile(await writeFixture("vi.pdf", pdf));
    expect(loaded.pages).toHaveLength(2);
    const [first = "", second = ""] = loaded.pages;
    const paragraphs = first.split("\n\n").map((paragraph) => paragraph.replace(/\n/gu, " "));
    expect(paragraphs).toEqual(["Điều 1. Chi bộ", longParagraph, NGHI_QUYET]);
    expect(second).toBe(CHI_BO);
    expect(first.normalize("NFC")).toBe(first);
  });

  it("reports a PDF without a text layer as FILE_EMPTY", async () => {
    const pdf = await makePdf([[], []], { fontPath: null });
    const err = await expectLoadError(await writeFixture("scan.pdf", pdf), "FILE_EMPTY");
    expect(err.message).toContain("OCR");
  });
});

describe("loadFile: failures", () => {
  it("reports an empty file as FILE_EMPTY", async () => {
    await expectLoadError(await writeFixture("trong.txt", ""), "FILE_EMPTY");
  });

  it("reports a file of blank lines, or HTML with only scripts, as FILE_EMPTY", async () => {
    await expectLoadError(await writeFixture("blank.md", " \n\r\n\t\n"), "FILE_EMPTY");
    await expectLoadError(await writeFixture("script.html", "<script>alert(1)</script>"), "FILE_EMPTY");
  });

  it("reports binary junk named .pdf as FILE_UNREADABLE, naming the file", async () => {
    const err = await expectLoadError(await writeFixture("hong.pdf", randomBytes(4096)), "FILE_UNREADABLE");
    expect(err.message).toMatch(/^hong\.pdf /u);
  });

  it("reports binary junk named .txt as FILE_UNREADABLE", async () => {
    const junk = Buffer.concat([Buffer.from("abc"), randomBytes(4096), Buffer.from([0])]);
    const err = await expectLoadError(await writeFixture("rac.txt", junk), "FILE_UNREADABLE");
    expect(err.message).toContain("binary");
  });

  it("reports a .docx that is a zip of garbage as FILE_UNREADABLE", async () => {
    const zip = makeZip({ "rac.bin": randomBytes(256) });
    await expectLoadError(await writeFixture("rac.docx", zip), "FILE_UNREADABLE");
  });

  it("reports random bytes behind a zip signature named .docx as FILE_UNREADABLE", async () => {
    const bytes = Buffer.concat([Buffer.from("PK\u0003\u0004", "latin1"), randomBytes(2048)]);
    const err = await expectLoadError(await writeFixture("cu.docx", bytes), "FILE_UNREADABLE");
    expect(err.message).toContain("save it as .docx");
  });

  it("refuses a file over maxBytes as FILE_TOO_LARGE before trying to parse it", async () => {
    // Junk that would be FILE_UNREADABLE if it were parsed.
    const path = await writeFixture("lon.pdf", randomBytes(2048));
    await expectLoadError(path, "FILE_TOO_LARGE", { maxBytes: 1024 });
    await expectLoadError(path, "FILE_UNREADABLE", { maxBytes: 4096 });
  });

  it("refuses an unsupported extension as FILE_UNSUPPORTED, listing what is supported", async () => {
    const err = await expectLoadError(await writeFixture("bang.xlsx", "x"), "FILE_UNSUPPORTED");
    expect(err.message).toContain(".docx");
    await expectLoadError(await writeFixture("README", CHI_BO), "FILE_UNSUPPORTED");
  });

  it("reports a missing file as FILE_UNREADABLE", async () => {
    await expectLoadError(join(dir, "khong-co.txt"), "FILE_UNREADABLE");
  });
});
