/**
 * A notice assigning the duties of a standing committee's members, the way it is published: each member
 * a numbered lead naming the person and offices, then the duties as bullets or as one hard-wrapped
 * paragraph. A who-question is answered by the duty and must show whose it is.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QaEngine } from "../../src/qa/engine.js";
import { understandQuestion } from "../../src/qa/query.js";
import { expandTexting } from "../../src/text/lexicon.js";
import { engineForBlock, engineOver } from "../support/corpusEngine.js";

// Leads ending with a full stop, duties as bullets (a PDF copy); the first lead is longer than a title.
const BULLETED = [
  "TỈNH ỦY HÀ LINH THƯỢNG",
  "Số 248-TB/TU",
  "",
  "THÔNG BÁO",
  "về việc phân công nhiệm vụ các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy khóa XVIII",
  "",
  "I. PHÂN CÔNG NHIỆM VỤ CỤ THỂ",
  "",
  "1. Đồng chí Trương Quốc Thịnh - Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy, Trưởng Đoàn đại biểu Quốc hội tỉnh, Chủ tịch Hội đồng nhân dân tỉnh.",
  "- Lãnh đạo, chỉ đạo toàn diện hoạt động của Ban Chấp hành, Ban Thường vụ, Thường trực Tỉnh ủy; trực tiếp phụ trách công tác tổ chức - cán bộ, quốc phòng, an ninh, nội chính.",
  "- Bí thư Đảng ủy Quân sự tỉnh; Trưởng Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh.",
  "- Theo dõi, chỉ đạo Đảng bộ phường Hà Linh và Đảng bộ Công an tỉnh.",
  "",
  "2. Đồng chí Lê Anh Tuấn - Ủy viên Ban Thường vụ, Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh.",
  "- Giúp Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo lĩnh vực kế hoạch, tài chính, ngân sách, đất đai, môi trường; Trưởng Ban Chỉ đạo giải phóng mặt bằng các dự án trọng điểm của tỉnh.",
  "- Theo dõi, chỉ đạo Đảng bộ các xã: Khe Mó, Vạn Phúc Hạ, Yên Trạch.",
  "",
].join("\n");

// Leads ending with a colon, duties in one hard-wrapped paragraph well over an answer's length.
const WRAPPED = [
  "HUYỆN ỦY KIM SƠN HẠ",
  "Số 31-TB/HU",
  "",
  "THÔNG BÁO",
  "phân công nhiệm vụ các đồng chí Ủy viên Ban Thường vụ Huyện ủy",
  "",
  "1. Đồng chí Vũ Thị Lan, Phó Bí thư Thường trực Huyện ủy: Giúp Bí thư chỉ đạo,",
  "điều hành công việc hằng ngày của Thường trực Huyện ủy; phụ trách công tác",
  "xây dựng Đảng, dân vận, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội; chủ",
  "trì công tác thi đua, khen thưởng của Huyện ủy; theo dõi, chỉ đạo Đảng bộ xã Đông Khê.",
  "",
  "2. Đồng chí Ngô Thanh Bình, Ủy viên Ban Thường vụ, Chủ nhiệm Ủy ban Kiểm tra Huyện ủy:",
  "Phụ trách công tác kiểm tra, giám sát, thi hành kỷ luật trong Đảng; theo dõi, chỉ",
  "đạo Đảng bộ thị trấn Bình Khê.",
  "",
].join("\n");

// A notice as a site publishes it in markdown: each member a "###" heading naming the person alone, the office
// and duties as bullets of their own; the grounds name a commune and the standing committee as well.
const HEADED = [
  "ĐẢNG BỘ TỈNH NAM ĐOÀI",
  "**HUYỆN ỦY KIM LỘC**",
  "\\*",
  "Số 77-TB/HU",
  "",
  "**ĐẢNG CỘNG SẢN VIỆT NAM**",
  "",
  "*Kim Lộc, ngày 04 tháng 3 năm 2025*",
  "",
  "# THÔNG BÁO",
  "**Phân công nhiệm vụ các đồng chí Ủy viên Ban Thường vụ Huyện ủy Kim Lộc**",
  "",
  "Căn cứ Quyết định số 590-QĐ/HU ngày 20/01/2025 của Ban Thường vụ Huyện ủy Kim Lộc về việc thành lập Đảng bộ xã Hà Phong trên cơ sở hợp nhất hai xã;",
  "",
  "Ban Thường vụ Huyện ủy phân công nhiệm vụ như sau:",
  "",
  "## II. Phân công cụ thể",
  "",
  "### 1. Đồng chí Nông Văn Thiều",
  "",
  "- Chức vụ: Bí thư Huyện ủy, Chủ tịch Hội đồng nhân dân huyện.",
  "- Phụ trách công tác tổ chức - cán bộ, quốc phòng, an ninh.",
  "- Theo dõi Đảng ủy Quân sự huyện và Đảng bộ xã Tân Mỹ.",
  "",
  "### 2. Đồng chí Bế Thị Hạnh",
  "",
  "- Chức vụ: Ủy viên Ban Thường vụ Huyện ủy, Trưởng Ban Tuyên giáo Huyện ủy.",
  "- Phụ trách công tác tuyên giáo, khoa giáo, văn hóa, văn nghệ.",
  "- Theo dõi Đảng bộ xã Hà Phong và Đảng bộ thị trấn Kim Lộc.",
  "",
  "### 3. Đồng chí Lục Văn Toàn",
  "",
  "- Chức vụ: Ủy viên Ban Thường vụ Huyện ủy, Chủ nhiệm Ủy ban Kiểm tra Huyện ủy.",
  "- Phụ trách công tác kiểm tra, giám sát và thi hành kỷ luật trong Đảng.",
  "- Theo dõi Đảng bộ xã Bản Nhùng.",
  "",
  // Members whose duties share every word a question about another member's commune uses.
  ...["Hoàng Văn Pao", "Ma Thị Dịu", "Triệu Văn Sình", "Lý Thị Mai", "Vi Văn Hùng", "Sầm Văn Khải"].flatMap((name, i) => [
    `### ${i + 4}. Đồng chí ${name}`,
    "",
    `- Chức vụ: Ủy viên Ban Thường vụ Huyện ủy, Trưởng Ban ${["Dân vận", "Tổ chức", "Nội chính", "Kinh tế", "Văn hóa", "Y tế"][i]} Huyện ủy.`,
    "- Giúp Ban Thường vụ phụ trách công tác dân vận và các đoàn thể chính trị - xã hội của huyện.",
    `- Theo dõi Đảng bộ xã ${["Nà Hang", "Khuổi Lầy", "Pác Bó", "Cốc Pài", "Bình Ca", "Lũng Vài"][i]}.`,
    "",
  ]),
  "T/M BAN THƯỜNG VỤ",
  "BÍ THƯ",
  "Nông Văn Thiều",
].join("\n");

let engine: QaEngine;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ engine, cleanup } = await engineOver("duties", { "tb-248.txt": BULLETED, "tb-31.txt": WRAPPED }));
});

afterAll(async () => {
  await cleanup();
});

describe("a notice of members' duties", () => {
  it("names the member whose bullet states the duty asked", async () => {
    const r = await engine.ask("Ai theo dõi, chỉ đạo Đảng bộ xã Yên Trạch?");
    expect(r.abstained).toBe(false);
    expect(r.answer).toContain("Lê Anh Tuấn");
    expect(r.answer).toContain("Yên Trạch");
  });

  it("names the member even where the lead is too long to be a title and the bullets stand apart", async () => {
    const r = await engine.ask("Ai làm Bí thư Đảng ủy Quân sự tỉnh Hà Linh Thượng?");
    expect(r.answer).toContain("Trương Quốc Thịnh");
  });

  it("answers who holds an office from the lead itself", async () => {
    const r = await engine.ask("Ai là Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh Hà Linh Thượng?");
    expect(r.answer).toContain("Lê Anh Tuấn");
  });

  it("keeps the member's name when a long paragraph of duties is cut to the one asked", async () => {
    const r = await engine.ask("Who directs the party committee of Đông Khê commune?");
    expect(r.answer).toMatch(/^Đồng chí Vũ Thị Lan/u);
    expect(r.answer).toContain("Đảng bộ xã Đông Khê");
  });

  it("cuts a named member's duties to the ones asked", async () => {
    const r = await engine.ask("Đồng chí Vũ Thị Lan theo dõi, chỉ đạo đảng bộ xã nào?");
    expect(r.answer).toMatch(/^Đồng chí Vũ Thị Lan.*Đảng bộ xã Đông Khê/su);
  });
});

describe("a notice whose members are headings over bullets of their own", () => {
  let headed: QaEngine;
  let cleanupHeaded: () => Promise<void>;
  beforeAll(async () => {
    ({ engine: headed, cleanup: cleanupHeaded } = await engineOver("duties-headed", { "tb-77.md": HEADED }));
  });
  afterAll(async () => {
    await cleanupHeaded();
  });

  it("answers \"which member\" in English with the member the heading names", async () => {
    const r = await headed.ask("Which Kim Lộc standing committee member is assigned to follow Tân Mỹ commune?");
    expect(r.answer).toMatch(/^Đồng chí Nông Văn Thiều: Theo dõi .*Tân Mỹ/u);
  });

  it("reads the act after a comma and a verb of assigning (\"…, ai được phân công theo dõi …\"), not a line that only names the commune", async () => {
    const r = await headed.ask("Trong Ban Thường vụ Huyện ủy Kim Lộc, ai được phân công theo dõi Đảng bộ xã Hà Phong?");
    expect(r.answer).toMatch(/^Đồng chí Bế Thị Hạnh: Theo dõi Đảng bộ xã Hà Phong/u);
  });

  it("answers the office a named member holds from the bullet labelled \"Chức vụ\"", async () => {
    for (const q of ["Đồng chí Bế Thị Hạnh giữ chức vụ gì ở Huyện ủy Kim Lộc?", "What position does Bế Thị Hạnh hold in the Kim Lộc district party committee?"]) {
      const r = await headed.ask(q);
      expect(r.answer, q).toContain("Trưởng Ban Tuyên giáo Huyện ủy");
    }
  });

  it("answers which commune a named member follows from the bullets of that member's section, typed with or without marks", async () => {
    for (const q of ["Đồng chí Ma Thị Dịu trong Ban Thường vụ Huyện ủy Kim Lộc theo dõi xã nào?", "dong chi Ma Thi Diu trong btv huyen uy Kim Loc theo doi xa nao"]) {
      const r = await headed.ask(q);
      expect(r.answer, q).toContain("Khuổi Lầy");
    }
  });

  it("reads an abbreviated office (\"chủ nhiệm UBKT\") as named by its full form", async () => {
    const r = await headed.ask("chu nhiem ubkt huyen uy Kim Loc la ai");
    expect(r.answer).toMatch(/^Đồng chí Lục Văn Toàn: /u);
  });

  it("answers \"có số là bao nhiêu\" with the notice's number", async () => {
    const r = await headed.ask("Thông báo phân công nhiệm vụ các Ủy viên Ban Thường vụ Huyện ủy Kim Lộc có số là bao nhiêu?");
    expect(r.answer).toBe("Số hiệu: 77-TB/HU");
  });
});

describe("asking which comrade", () => {
  it("reads \"which … member\" in English as asking for a person, not a thing of members", () => {
    expect(understandQuestion("Which Kim Lộc standing committee member is assigned to follow Tân Mỹ commune?").actor).toBe("person");
    expect(understandQuestion("Which member of the district standing committee is in charge of ethnic affairs?").kind).toBe("who");
    expect(understandQuestion("Which version of the party member database have provincial committees put into operation?").kind).not.toBe("who");
  });

  it("reads \"đồng chí Ủy viên Thường vụ nào\" and \"thành viên nào\" as asking for a person", () => {
    for (const q of ["Việc gọi thanh niên nhập ngũ do đồng chí Ủy viên Thường vụ nào chỉ đạo?", "Thành viên nào phụ trách tổ giúp việc?"]) {
      const plan = understandQuestion(q);
      expect(plan.kind).toBe("who");
      expect(plan.actor).toBe("person");
    }
    expect(understandQuestion("Đồng chí Lan phụ trách xã nào?").kind).not.toBe("who");
  });

  it("reads \"ai … giữ chức\" and \"who was approved as\" as asking for a person, and a body asked about an office as a body", () => {
    expect(understandQuestion("Ai được chuẩn y giữ chức Phó Bí thư Chi bộ thôn Cây Gáo?").actor).toBe("person");
    expect(understandQuestion("Who was approved as Secretary of the Cây Gáo village party cell?").actor).toBe("person");
    expect(understandQuestion("Khi cho thôi giữ chức vụ, cơ quan nào trao đổi trước với người đứng đầu?").actor).toBe("any");
  });

  it("reads \"đc nào\" as \"đồng chí nào\", and \"đc\" elsewhere as \"được\"", () => {
    expect(expandTexting("đc nào dc phân công phụ trách xã Quảng Lạc")).toBe("đồng chí nào được phân công phụ trách xã Quảng Lạc");
  });
});

describe("an article that names an office holds the duties under it", () => {
  const engine = engineForBlock("article-office", {
    "quy-che.txt": [
      "QUY CHẾ", "Làm việc của Ban Chấp hành Đảng bộ xã Tân Phước khóa I, nhiệm kỳ 2025 - 2030", "",
      "Chương II. TRÁCH NHIỆM, QUYỀN HẠN CỦA TẬP THỂ VÀ CÁ NHÂN", "",
      "Điều 6. Bí thư Đảng ủy", "",
      "1. Lãnh đạo, điều hành toàn diện hoạt động của Ban Chấp hành, Ban Thường vụ.", "",
      "2. Trực tiếp phụ trách công tác quốc phòng, an ninh và công tác nội chính.", "",
      "Điều 7. Phó Bí thư Thường trực Đảng ủy", "",
      "1. Chủ trì giải quyết công việc hằng ngày của Đảng ủy.", "",
      "2. Trực tiếp phụ trách công tác tổ chức, cán bộ và công tác kiểm tra, giám sát; là chủ tài khoản kinh phí hoạt động của Đảng ủy.",
    ].join("\n"),
  });

  it("answers who does a duty with the office its article names (\"Điều 7. Phó Bí thư Thường trực Đảng ủy\")", async () => {
    expect((await engine().ask("Ai trực tiếp phụ trách công tác tổ chức, cán bộ của Đảng ủy xã?")).answer).toContain("Phó Bí thư Thường trực Đảng ủy");
    expect((await engine().ask("Ai phụ trách công tác quốc phòng, an ninh?")).answer).toContain("Bí thư Đảng ủy");
  });
});
