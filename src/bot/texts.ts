/**
 * What the bot says, in one place: Vietnamese, Telegram HTML (anything interpolated is escaped by the
 * caller or here). Error codes from src/errors.ts map to a friendly sentence that says what to do next.
 */
import type { ErrorCode } from "../errors.js";
import type { IndexInfo } from "../qa/engine.js";
import { escapeHtml } from "./format.js";
import type { BotStats } from "./store.js";

/** Questions the shipped corpus answers, shown by /start and /help. */
export const SAMPLE_QUESTIONS = [
  "Có bao nhiêu xã có chi bộ cơ quan?",
  "co bao nhieu phuong co chi bo co quan",
  "Toàn tỉnh có bao nhiêu đảng bộ bộ phận?",
  "Kinh nghiệm thứ hai là gì?",
];

/** Longest question accepted, in characters: longer input is almost always a pasted document. */
export const MAX_QUESTION_CHARS = 500;

const samples = (): string => SAMPLE_QUESTIONS.map((q) => `• <code>${escapeHtml(q)}</code>`).join("\n");

export const TEXT = {
  welcome: (firstName: string): string =>
    [
      `Xin chào ${escapeHtml(firstName)}! Tôi là <b>Trợ lý Tổ chức</b>.`,
      "Tôi trả lời câu hỏi về công tác tổ chức, xây dựng Đảng <b>chỉ từ các tài liệu đã được nạp</b>, và luôn trích nguyên văn đoạn làm căn cứ. Khi tài liệu không đề cập, tôi nói rõ là không có.",
      `Bạn cứ gõ câu hỏi, ví dụ:\n${samples()}`,
      "Gõ /help để xem hướng dẫn, /nguon để xem danh sách tài liệu.",
    ].join("\n\n"),
  help: (isGroup: boolean): string =>
    [
      "<b>Cách hỏi</b>",
      isGroup
        ? "Trong nhóm: nhắc tên tôi (@…) kèm câu hỏi, trả lời (reply) tin nhắn của tôi, hoặc gõ <code>/hoi câu hỏi</code>."
        : "Gõ câu hỏi bằng tiếng Việt, có dấu hay không dấu đều được. Trong nhóm, dùng <code>/hoi câu hỏi</code> hoặc nhắc tên tôi.",
      `Ví dụ:\n${samples()}`,
      "Dưới mỗi câu trả lời:\n📄 <b>Xem nguyên văn</b> — đoạn trích cùng các đoạn liền kề\n🔎 <b>Nguồn khác</b> — các đoạn khác liên quan\n👍 / 👎 — góp ý để quản trị viên cải thiện",
      "<b>Lệnh</b>\n/start — giới thiệu\n/help — hướng dẫn này\n/nguon — danh sách tài liệu đã nạp\n/hoi — đặt câu hỏi (dùng trong nhóm)",
    ].join("\n\n"),
  askUsage: "Hãy viết câu hỏi sau lệnh, ví dụ:\n<code>/hoi Có bao nhiêu xã có chi bộ cơ quan?</code>",
  emptyMention: "Bạn muốn hỏi gì? Hãy viết câu hỏi ngay sau khi nhắc tên tôi.",
  tooLong: `Câu hỏi dài quá (tối đa ${MAX_QUESTION_CHARS} ký tự). Hãy hỏi ngắn gọn một ý.`,
  noArguments: (command: string): string => `Lệnh /${escapeHtml(command)} không cần tham số. Hãy gõ đúng <code>/${escapeHtml(command)}</code>.`,
  unknownCommand: (command: string): string => `Tôi không có lệnh <code>/${escapeHtml(command)}</code>. Gõ /help để xem các lệnh.`,
  nonText: "Tôi chỉ đọc được câu hỏi dạng chữ. Hãy gõ câu hỏi của bạn, hoặc /help để xem ví dụ.",
  refused: "Xin lỗi, bạn chưa được cấp quyền dùng trợ lý này. Hãy liên hệ quản trị viên để được thêm vào danh sách.",
  adminOnly: "Lệnh này chỉ dành cho quản trị viên.",
  rateLimited: "Bạn hỏi nhanh quá 🙂 Hãy chờ khoảng một phút rồi hỏi tiếp nhé.",
  failed: "Xin lỗi, đã có lỗi khi xử lý yêu cầu. Bạn thử lại sau ít phút nhé.",
  buttonInvalid: "Nút này không hợp lệ hoặc đã hết hạn. Hãy hỏi lại.",
  questionGone: "Không tìm thấy câu hỏi gốc của nút này. Hãy hỏi lại.",
  passageGone: "Đoạn trích này không còn trong bộ tài liệu hiện tại (tài liệu đã được cập nhật). Hãy hỏi lại để có trích dẫn mới.",
  noOtherSources: "Không có nguồn nào khác cho câu hỏi này.",
  othersHeading: (abstained: boolean): string => (abstained ? "🔎 <b>Các đoạn gần nhất</b> (không trả lời trực tiếp câu hỏi):" : "🔎 <b>Các nguồn khác</b> liên quan:"),
  thanks: (vote: 1 | -1): string => (vote === 1 ? "Cảm ơn bạn! 👍 đã được ghi nhận." : "Cảm ơn góp ý! 👎 đã được ghi nhận để quản trị viên xem lại."),
  uploadPrivateOnly: "Hãy gửi tài liệu cho tôi trong chat riêng.",
  uploadAdminOnly: "Chỉ quản trị viên mới được thêm tài liệu. Bạn có thể đặt câu hỏi bằng chữ.",
  uploadBadType: (allowed: readonly string[]): string => `Tôi chỉ nhận tệp ${allowed.map((e) => escapeHtml(e)).join(", ")}.`,
  uploadTooLarge: (mb: number, limitMb: number): string => `Tệp quá lớn (${mb.toFixed(1)} MB); giới hạn là ${limitMb} MB.`,
  uploadStarted: (name: string): string => `⏳ Đang lưu <code>${escapeHtml(name)}</code> và cập nhật chỉ mục…`,
  uploadDone: (name: string, summary: readonly string[]): string =>
    `✅ Đã thêm <code>${escapeHtml(name)}</code> vào bộ tài liệu, chỉ mục đã được nạp lại.\n<pre>${escapeHtml(summary.join("\n"))}</pre>`,
  uploadRejected: (name: string, reason: string, summary: readonly string[]): string =>
    `⚠️ Không dùng được <code>${escapeHtml(name)}</code>: ${escapeHtml(reason)}\nTệp đã được gỡ khỏi thư mục tài liệu.\n<pre>${escapeHtml(summary.join("\n"))}</pre>`,
  reloaded: (generation: string): string => `🔄 Đã nạp chỉ mục mới: <code>${escapeHtml(generation)}</code>.`,
  reloadUnchanged: (generation: string): string => `Chỉ mục không đổi: vẫn là <code>${escapeHtml(generation)}</code>.`,
} as const;

/** A friendly sentence for an error a user can meet, by its stable code. */
export function friendlyError(code: ErrorCode): string {
  switch (code) {
    case "FILE_UNSUPPORTED":
      return "Định dạng tệp này chưa được hỗ trợ.";
    case "FILE_TOO_LARGE":
      return "Tệp quá lớn so với giới hạn cho phép.";
    case "FILE_EMPTY":
      return "Tệp không có nội dung chữ (có thể là bản scan).";
    case "FILE_UNREADABLE":
      return "Không đọc được tệp; hãy kiểm tra tệp có bị hỏng không.";
    case "INGEST_NOTHING":
      return "Không có tài liệu nào dùng được để lập chỉ mục.";
    case "INDEX_MISSING":
    case "INDEX_VERSION":
    case "INDEX_CORRUPT":
      return "Chỉ mục tài liệu đang có vấn đề; quản trị viên cần chạy lại lệnh lập chỉ mục.";
    case "CONFIG_INVALID":
    case "INPUT_INVALID":
      return "Yêu cầu không hợp lệ.";
  }
}

const dateFormat = new Intl.DateTimeFormat("vi-VN", { dateStyle: "short", timeStyle: "short", timeZone: "Asia/Ho_Chi_Minh" });

/** The /nguon reply: every indexed document with its passage count, and when the index was built. */
export function renderSources(info: IndexInfo): string[] {
  const built = Number.isNaN(Date.parse(info.builtAt)) ? info.builtAt : dateFormat.format(new Date(info.builtAt));
  const head = `📚 <b>Tài liệu đã nạp</b>: ${info.documents.length} tài liệu, ${info.passages} đoạn.\nChỉ mục lập lúc ${escapeHtml(built)} (giờ Việt Nam).`;
  const lines = info.documents.map((d, i) => `${i + 1}. <b>${escapeHtml(d.title)}</b> — ${d.passages} đoạn\n   <i>${escapeHtml(d.path)}</i>`);
  return [head, ...lines];
}

function percent(rate: number | null): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(1)}%`;
}

/** The /stats reply. */
export function renderStats(s: BotStats, generation: string): string {
  return [
    "📊 <b>Thống kê</b>",
    `Câu hỏi: <b>${s.questions}</b> (24 giờ qua: ${s.questionsLast24h}), người hỏi: ${s.users}`,
    `Đã trả lời: ${s.answered} · Từ chối vì tài liệu không đề cập: ${s.abstained} (${percent(s.abstentionRate)})`,
    `Góp ý: 👍 ${s.feedbackUp} · 👎 ${s.feedbackDown}`,
    `Độ trễ p95: ${s.latencyP95Ms === null ? "—" : `${Math.round(s.latencyP95Ms)} ms`}`,
    `Chỉ mục: <code>${escapeHtml(generation)}</code>`,
  ].join("\n");
}
