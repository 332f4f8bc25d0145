import { describe, expect, it } from "vitest";
import { photoFileName, safeFileName } from "../../src/bot/fileNames.js";

describe("safeFileName", () => {
  it("keeps a plain Vietnamese name (NFC) and lower-cases the extension", () => {
    expect(safeFileName("Điều lệ Đảng.PDF")).toBe("Điều lệ Đảng.pdf");
    expect(safeFileName("Quy đinh".normalize("NFD") + ".docx")).toBe("Quy đinh.docx");
  });

  it("keeps only the last path segment, so nothing escapes the corpus folder", () => {
    expect(safeFileName("../../etc/passwd.txt")).toBe("passwd.txt");
    expect(safeFileName("..\\..\\Windows\\win.ini.md")).toBe("win.ini.md");
    expect(safeFileName("/abs/path/x.html")).toBe("x.html");
    expect(safeFileName("../.txt")).toBe("tai-lieu.txt");
  });

  it("never starts with a dot (the ingest ignores hidden files) and has no control characters", () => {
    expect(safeFileName(".hidden.txt")).toBe("hidden.txt");
    expect(safeFileName("...txt.md")).toBe("txt.md");
    expect(safeFileName("a\u0000b\nc\u202e.txt")).toBe("a_b_c_.txt");
    expect(safeFileName("tên <xấu>|*?.md")).toBe("tên _xấu_.md");
  });

  it("refuses extensions the ingest does not read", () => {
    for (const name of ["virus.exe", "script.sh", "noextension", "archive.tar.gz", "doc.pdf.exe", "x.txt "]) {
      expect(safeFileName(name) === null || safeFileName(name)?.endsWith(".txt")).toBe(true);
    }
    expect(safeFileName("virus.exe")).toBeNull();
    expect(safeFileName("noextension")).toBeNull();
    expect(safeFileName("doc.pdf.exe")).toBeNull();
  });

  it("clips very long names", () => {
    const name = safeFileName(`${"a".repeat(500)}.txt`);
    expect(name?.length).toBeLessThanOrEqual(104);
  });
});

describe("photoFileName", () => {
  it("names a photo after the first line of its caption, as a .jpg", () => {
    expect(photoFileName("Báo cáo quý I/2025\nbản chụp", 1_741_939_502)).toBe("Báo cáo quý I-2025.jpg");
  });

  it("names a photo without a usable caption after the time it was sent (UTC)", () => {
    expect(photoFileName(undefined, 1_741_939_502)).toBe("anh-20250314-080502.jpg");
    expect(photoFileName("  \n", 1_741_939_502)).toBe("anh-20250314-080502.jpg");
    expect(photoFileName("...", 1_741_939_502)).toBe("anh-20250314-080502.jpg");
  });
});
