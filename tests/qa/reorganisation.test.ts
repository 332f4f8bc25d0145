/**
 * A provincial decision reorganising a district committee, an admission guide and a bloc's report, as new
 * documents of the kinds admins add: counts of one committee among several, a person named first in an
 * English question, a relative deadline, a list whose lines are separate facts, a subset asked in English.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QaEngine } from "../../src/qa/engine.js";
import { understandQuestion } from "../../src/qa/query.js";
import { deadlineTerms } from "../../src/qa/slots.js";
import { translateEnglish } from "../../src/text/lexicon.js";
import { engineOver } from "../support/corpusEngine.js";

const DECISION = [
  "ĐẢNG BỘ TỈNH BẮC LĨNH\t\tĐẢNG CỘNG SẢN VIỆT NAM",
  "BAN THƯỜNG VỤ TỈNH ỦY",
  "*",
  "Số 702-QĐ/TU\t\tBắc Lĩnh, ngày 03 tháng 4 năm 2025",
  "",
  "QUYẾT ĐỊNH",
  "Về việc kiện toàn Ban Chấp hành, Ban Thường vụ, Ủy ban Kiểm tra Huyện ủy Khe Mò",
  "",
  "- Xét Tờ trình số 58-TTr/HU, ngày 20/3/2025 của Ban Thường vụ Huyện ủy Khe Mò.",
  "",
  "Điều 1. Kiện toàn Ban Chấp hành, Ban Thường vụ, Ủy ban Kiểm tra Huyện ủy Khe Mò khóa XXIV, nhiệm kỳ 2020 - 2025 như sau:",
  "",
  "1. Cho thôi tham gia Ban Chấp hành, Ban Thường vụ Huyện ủy đối với các đồng chí:",
  "- Đồng chí Phạm Đình Lộc, nguyên Bí thư Huyện ủy, được điều động, bổ nhiệm giữ chức Phó Trưởng Ban Tổ chức Tỉnh ủy kể từ ngày 01/3/2025.",
  "- Đồng chí Hoàng Văn Nghĩa, nguyên Chủ nhiệm Ủy ban Kiểm tra Huyện ủy, nghỉ hưu theo chế độ kể từ ngày 01/02/2025.",
  "",
  "3. Chỉ định bổ sung 03 đồng chí tham gia Ban Chấp hành Đảng bộ huyện Khe Mò khóa XXIV, nhiệm kỳ 2020 - 2025, gồm:",
  "- Đồng chí Nông Văn Sáu, Tỉnh ủy viên, Phó Giám đốc Sở Nông nghiệp và Môi trường tỉnh, được điều động đến nhận công tác tại huyện Khe Mò.",
  "- Đồng chí Hà Thị Nhung, Trưởng Ban Tuyên giáo và Dân vận Huyện ủy (được thành lập trên cơ sở hợp nhất Ban Tuyên giáo và Ban Dân vận Huyện ủy theo Quyết định số 611-QĐ/TU, ngày 24/01/2025 của Ban Thường vụ Tỉnh ủy).",
  "- Đồng chí Vi Văn Khải, Bí thư Đảng ủy xã Nà Pheo.",
  "",
  "Điều 2. Sau khi kiện toàn, Ban Chấp hành Đảng bộ huyện Khe Mò có 33 đồng chí (nữ 08 đồng chí); Ban Thường vụ Huyện ủy có 11 đồng chí; Ủy ban Kiểm tra Huyện ủy có 07 đồng chí.",
  "",
  "Điều 3. Ban Thường vụ Huyện ủy Khe Mò có trách nhiệm:",
  "a) Phân công nhiệm vụ cụ thể đối với các đồng chí vừa được kiện toàn, bảo đảm sự lãnh đạo thống nhất, chậm trễ không quá một tuần.",
  "b) Báo cáo kết quả thực hiện bằng văn bản về Ban Thường vụ Tỉnh ủy (qua Ban Tổ chức Tỉnh ủy) trước ngày 31/3/2025.",
  "",
  "Điều 4. Văn phòng Tỉnh ủy, Ban Tổ chức Tỉnh ủy, Ban Thường vụ Huyện ủy Khe Mò và các đồng chí có tên tại Điều 1 căn cứ Quyết định thi hành.",
  "",
  "Nơi nhận:\t\t\tT/M BAN THƯỜNG VỤ",
  "- Như Điều 4;\t\t\tPHÓ BÍ THƯ THƯỜNG TRỰC",
  "- Lưu Văn phòng Tỉnh ủy.\t\t\t(đã ký)",
  "\t\t\tLương Văn Thắm",
].join("\n");

const GUIDE = [
  "Hướng dẫn quy trình kết nạp đảng viên của Ban Tổ chức Huyện ủy Khe Mò",
  "",
  "Bước 4. Lấy ý kiến nhận xét của tổ chức đoàn thể nơi người vào Đảng sinh hoạt và của chi ủy nơi cư trú. Trường hợp nơi cư trú chưa có đảng viên thì lấy nhận xét của trưởng thôn và Ban công tác Mặt trận thôn.",
  "",
  "Bước 8. Tổ chức lễ kết nạp: chậm nhất sau một tháng kể từ ngày nhận được quyết định, chi bộ phải tổ chức lễ kết nạp cho đảng viên mới.",
  "",
  "Trung tâm Chính trị huyện mở ít nhất 05 lớp bồi dưỡng nhận thức về Đảng trong năm 2025, mỗi lớp không quá 80 học viên.",
  "",
  "Chi bộ có dưới 30 đảng viên tổ chức đại hội trong 01 buổi; chi bộ có từ 30 đảng viên trở lên tổ chức đại hội không quá 01 ngày.",
  "",
  "Hồ sơ kết nạp gồm:",
  "c) Giấy giới thiệu người vào Đảng của đảng viên chính thức (Mẫu 3-KNĐ);",
  "d) Tổng hợp ý kiến nhận xét của tổ chức đoàn thể và chi ủy nơi cư trú (Mẫu 5-KNĐ);",
  "đ) Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng, có giá trị trong thời hạn 60 tháng tính đến ngày chi bộ họp xét kết nạp.",
].join("\n");

const REPORT = [
  "Nghị quyết Đại hội Đảng bộ xã Pác Bó nhiệm kỳ 2025 - 2030",
  "",
  "d) Về xây dựng Đảng:",
  "- Hằng năm có từ 85% chi bộ trực thuộc trở lên được xếp loại \"Hoàn thành tốt nhiệm vụ\" trở lên; không có chi bộ xếp loại không hoàn thành nhiệm vụ.",
  "- Hằng năm có từ 90% đảng viên trở lên được xếp loại hoàn thành tốt nhiệm vụ trở lên.",
  "- Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội xã hằng năm được đánh giá hoàn thành tốt nhiệm vụ trở lên.",
  "",
  "Tính đến ngày 30/11/2024, Đảng bộ xã Pác Bó có 18 chi bộ trực thuộc, gồm 14 chi bộ thôn, bản và 4 chi bộ cơ quan, trường học, với 96 tổ đảng trực thuộc các chi bộ thôn, bản; tổng số đảng viên là 846 đồng chí, trong đó đảng viên nữ 317 đồng chí (chiếm 37,5%), đảng viên dự bị 23 đồng chí.",
].join("\n");

// A district's report that gives one commune's figure, and a commune's report that gives a company's.
const DISTRICT_REPORT = "Báo cáo tổng kết 5 năm công tác phát triển đảng viên của Huyện ủy Na Rì\n\nTrong 5 năm, Đảng bộ xã Côn Minh kết nạp 118 đảng viên.\n\nHuyện tổ chức 12 lớp bồi dưỡng nhận thức về Đảng.";
const COMMUNE_REPORT = "Báo cáo công tác đảng năm 2025 của xã Na Hang\n\nĐảng bộ Công ty Chè Na Hang gồm 4 chi bộ trực thuộc với tổng số 47 đảng viên.\n\nXã Na Hang có 12 thôn, bản.";

let engine: QaEngine;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ engine, cleanup } = await engineOver("reorganisation", { "qd-kien-toan.txt": DECISION, "hd-ket-nap.md": GUIDE, "nq-dai-hoi.md": REPORT, "bao-cao-huyen.md": DISTRICT_REPORT, "bao-cao-na-hang.md": COMMUNE_REPORT }));
});

afterAll(async () => {
  await cleanup();
});

describe("a decision that names several committees", () => {
  it("counts the members of the committee asked, not of another named beside it", async () => {
    expect((await engine.ask("How many members does the Khe Mo district standing committee have after the reshuffle?")).answer).toContain("11 đồng chí");
  });

  it("reads a name that opens an English question as a name", async () => {
    expect((await engine.ask("Vi Văn Khải was appointed to the district executive committee - which commune is he party secretary of?")).answer).toContain("Nà Pheo");
  });

  it("reads a place then a person written together as two names", async () => {
    expect(understandQuestion("Nguyên Bí thư Huyện ủy Khe Mò Phạm Đình Lộc được điều động đi đâu?").names).toEqual([["khe_mo"], ["pham_dinh", "dinh_loc"]]);
    expect((await engine.ask("Nguyên Bí thư Huyện ủy Khe Mò Phạm Đình Lộc được điều động đi nhận nhiệm vụ gì?")).answer).toContain("Phó Trưởng Ban Tổ chức Tỉnh ủy");
  });

  it("answers the number of a document asked in English with a unit that gives one", async () => {
    expect((await engine.ask("What's the number of the district's submission that the provincial decision on Khe Mo was based on?")).answer).toContain("58-TTr/HU");
  });
});

describe("an admission guide's steps", () => {
  it("takes a deadline said in words (\"chậm nhất sau một tháng\") as a deadline", async () => {
    expect((await engine.ask("What's the deadline for the party cell to hold the admission ceremony once the decision arrives?")).answer).toContain("chậm nhất sau một tháng");
  });

  it("counts what a plan sets at least (\"mở ít nhất 05 lớp\") for the act asked (\"mở bao nhiêu lớp\")", async () => {
    expect((await engine.ask("nam 2025 trung tam chinh tri huyen mo bao nhieu lop boi duong nhan thuc ve dang")).answer).toContain("05 lớp");
  });

  it("reads \"chậm nhất ngày nào\" as the deadline a text gives with \"trước ngày\"", async () => {
    const plan = understandQuestion("Huyện ủy Khe Mò phải báo cáo kết quả kiện toàn lên Ban Thường vụ Tỉnh ủy chậm nhất ngày nào?");
    expect(plan.terms.filter((_, i) => deadlineTerms(plan)[i]).map((t) => t.fold)).toEqual(["cham", "nhat"]);
    expect((await engine.ask(plan.question)).answer).toContain("31/3/2025");
  });

  it("finds a count the question gives in the range of the rule that holds it", async () => {
    expect((await engine.ask("chi bo co 35 dang vien thi dai hoi duoc to chuc trong bao lau")).answer).toContain("không quá 01 ngày");
  });

  it("reads \"with no party members\" as the case the text says \"chưa có đảng viên\"", async () => {
    expect(translateEnglish("If an applicant lives in a hamlet with no party members, who writes the residence assessment?").groups).toContainEqual(["không có", "chưa có"]);
    expect((await engine.ask("If an applicant lives in a hamlet with no party members, who writes the residence assessment?")).answer).toContain("trưởng thôn");
  });
});

describe("a report's figures", () => {
  it("does not give a commune's figure for the district a report is about", async () => {
    expect((await engine.ask("Xã Côn Minh kết nạp bao nhiêu đảng viên trong 5 năm?")).answer).toContain("118 đảng viên");
    expect((await engine.ask("Huyện Na Rì kết nạp bao nhiêu đảng viên trong 5 năm?")).abstained).toBe(true);
  });

  it("does not count a place's members by a đảng bộ of another kind there (\"Đảng bộ Công ty …\")", async () => {
    expect((await engine.ask("Đảng bộ Công ty Chè Na Hang có bao nhiêu đảng viên?")).answer).toContain("47 đảng viên");
    expect((await engine.ask("Xã Na Hang có bao nhiêu đảng viên?")).abstained).toBe(true);
    expect((await engine.ask("How many party members does the whole Na Hang commune party organisation have?")).abstained).toBe(true);
  });

  it("counts the part an English question asks (\"probationary\") and not the whole", async () => {
    expect((await engine.ask("How many probationary party members are there in the Pac Bo commune party organisation?")).answer).toContain("23 đồng chí");
  });
});
