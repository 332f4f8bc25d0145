/**
 * What the bot says, in one place: Vietnamese, Telegram HTML (anything interpolated is escaped by the
 * caller or here). Error codes from src/errors.ts map to a friendly sentence that says what to do next.
 */
import type { SmallTalkKind } from "../text/smallTalk.js";
import type { ErrorCode } from "../errors.js";
import { indexBuiltAt, type IndexInfo } from "../qa/engine.js";
import { MAX_QUESTION_CHARS } from "../qa/query.js";
import { SAMPLE_QUESTIONS } from "../qa/samples.js";
import type { ScoreRow, SessionResults } from "../storage/quizStore.js";
import { escapeHtml } from "./format.js";
import type { BotStats } from "../storage/botStore.js";

/** Questions the shipped corpus answers, shown by /start and /help. */
export { SAMPLE_QUESTIONS };

/** Polls a `/quiz` without a number sends. */
export const QUIZ_DEFAULT_QUESTIONS = 5;
/** Most polls one `/quiz` sends (larger numbers are lowered to this): Telegram allows a group about 20 messages a minute. */
export const QUIZ_MAX_QUESTIONS = 20;
/** Longest `/quiz` topic accepted, in characters. */
export const QUIZ_MAX_TOPIC_CHARS = 100;

const quizUsage = `Cách dùng: <code>/quiz</code> (${QUIZ_DEFAULT_QUESTIONS} câu), <code>/quiz 10</code>, hoặc <code>/quiz 5 chi bộ</code> để chọn chủ đề.`;

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
      "<b>Hỏi tiếp</b>\nSau một câu hỏi, bạn có thể hỏi ngắn: <code>còn phường thì sao?</code>, <code>thị trấn?</code>, <code>văn bản đó ai ký?</code>. Tôi ghi rõ mình hiểu câu hỏi thế nào. Gõ /moi hoặc bấm 🆕 <b>Câu hỏi mới</b> để hỏi lại từ đầu.",
      "<b>Lệnh</b>\n/start — giới thiệu\n/help — hướng dẫn này\n/nguon — danh sách tài liệu đã nạp\n/hoi — đặt câu hỏi (dùng trong nhóm)\n/moi — bắt đầu câu hỏi mới (quên câu hỏi trước)",
      "<b>Quiz</b>\n<code>/quiz [số câu] [chủ đề]</code> — câu hỏi trắc nghiệm từ tài liệu, ví dụ <code>/quiz 5 chi bộ</code>\n/ketqua — kết quả quiz\n/bangxephang — bảng xếp hạng\n/dungquiz — dừng quiz (người điều hành)",
    ].join("\n\n"),
  /** The reply to a greeting, a thank-you or a goodbye. */
  smallTalk: (kind: SmallTalkKind): string =>
    [
      {
        greeting: "Xin chào! Tôi là <b>Trợ lý Tổ chức</b>.",
        thanks: "Không có gì! Rất vui được giúp bạn.",
        goodbye: "Tạm biệt! Khi cần, bạn cứ hỏi tiếp.",
        personal: "Tôi là <b>Trợ lý Tổ chức</b>: tôi chỉ trả lời từ các tài liệu đã được nạp, không nói chuyện ngoài lề được.",
      }[kind],
      `Bạn có thể hỏi về nội dung các tài liệu đã nạp, ví dụ:\n${samples()}`,
    ].join("\n\n"),
  /** Above the answer to a follow-up, so that a wrong reading is visible. */
  understood: (question: string): string => `🔁 <i>Hiểu là: ${escapeHtml(question)}</i>`,
  newConversation: "🆕 Đã bắt đầu câu hỏi mới: câu tiếp theo sẽ được hiểu độc lập.",
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
  uploadStartedOcr: (name: string): string =>
    `⏳ Đang lưu <code>${escapeHtml(name)}</code>, nhận dạng chữ (OCR, khoảng 1–2 giây mỗi trang) và cập nhật chỉ mục…\nẢnh chụp càng rõ, thẳng và đủ sáng thì chữ càng chính xác; gửi ảnh dạng tệp (không nén) cho kết quả tốt nhất.`,
  uploadDone: (name: string, summary: readonly string[]): string =>
    `✅ Đã thêm <code>${escapeHtml(name)}</code> vào bộ tài liệu, chỉ mục đã được nạp lại.\n<pre>${escapeHtml(summary.join("\n"))}</pre>`,
  uploadUpdated: (name: string, summary: readonly string[]): string =>
    `✅ Đã cập nhật <code>${escapeHtml(name)}</code>: bản mới thay bản cũ (bản cũ được giữ trong thư mục <code>.history</code> của bộ tài liệu), chỉ mục đã được nạp lại.\n<pre>${escapeHtml(summary.join("\n"))}</pre>`,
  uploadFailed: (name: string, reason: string): string =>
    `⚠️ Không thêm được <code>${escapeHtml(name)}</code>: ${escapeHtml(reason)}\nChỉ mục cũ vẫn đang được dùng.`,
  uploadNotRetried: (name: string, reason: string): string =>
    `⚠️ Không thử lại <code>${escapeHtml(name)}</code>: ${escapeHtml(reason)}`,
  uploadInterrupted: (name: string, where: string | null): string =>
    `⚠️ Lần thêm <code>${escapeHtml(name)}</code> trước đó bị gián đoạn vì trợ lý khởi động lại. Tệp sẽ không được xử lý lại${where ? `; nó đã được chuyển vào <code>${escapeHtml(where)}</code> trong thư mục tài liệu` : ""}.`,
  reloadFailed: (reason: string): string => `⚠️ Lập chỉ mục thất bại: ${escapeHtml(reason)}\nChỉ mục cũ vẫn đang được dùng.`,
  inlineUnsupported: "Nút này không dùng được ở đây (tin nhắn nội tuyến). Hãy hỏi trợ lý trong chat riêng.",
  dataUnwritable: (dataDir: string, reason: string): string =>
    `⚠️ Không ghi được vào thư mục dữ liệu <code>${escapeHtml(dataDir)}</code>: ${escapeHtml(reason)}\nCâu hỏi vẫn được trả lời, nhưng thống kê, góp ý và điểm quiz không được lưu cho tới khi thư mục ghi được (kiểm tra quyền ghi và dung lượng đĩa).`,
  uploadRejected: (name: string, reason: string, summary: readonly string[]): string =>
    `⚠️ Không dùng được <code>${escapeHtml(name)}</code>: ${escapeHtml(reason)}\nTệp đã được gỡ khỏi thư mục tài liệu.\n<pre>${escapeHtml(summary.join("\n"))}</pre>`,
  reloaded: (generation: string): string => `🔄 Đã nạp chỉ mục mới: <code>${escapeHtml(generation)}</code>.`,
  reloadUnchanged: (generation: string): string => `Chỉ mục không đổi: vẫn là <code>${escapeHtml(generation)}</code>.`,
  ingestSummary: (summary: readonly string[]): string => `<pre>${escapeHtml(summary.join("\n"))}</pre>`,
  quizBadCount: (given: string): string => `Số câu <code>${escapeHtml(given)}</code> không hợp lệ: hãy dùng một số nguyên từ 1 đến ${QUIZ_MAX_QUESTIONS}.\n${quizUsage}`,
  quizBadTopic: `Chủ đề cần có chữ hoặc số và dài tối đa ${QUIZ_MAX_TOPIC_CHARS} ký tự.\n${quizUsage}`,
  quizNoBank: "Bộ tài liệu hiện tại chưa cho ra câu hỏi quiz nào (cần tài liệu có số liệu, mốc thời gian, danh sách). Hãy báo quản trị viên nạp thêm tài liệu và lập lại chỉ mục.",
  quizNoTopicMatch: (topic: string): string =>
    `Không có câu hỏi nào khớp chủ đề <b>${escapeHtml(topic)}</b>. Hãy thử từ khác (có dấu hay không dấu đều được), hoặc gõ <code>/quiz</code> để làm quiz về mọi chủ đề.`,
  quizRunning: "Đang có một quiz chưa kết thúc trong cuộc trò chuyện này. Gõ /ketqua để xem kết quả tạm thời; người điều hành có thể gõ /dungquiz để dừng.",
  quizIntro: (o: { count: number; topic: string | undefined; asked: number; timeoutMs: number }): string =>
    [
      `🧠 <b>Quiz: ${o.count} câu</b>${o.topic ? ` về <b>${escapeHtml(o.topic)}</b>` : ""}`,
      ...(o.asked > QUIZ_MAX_QUESTIONS ? [`(Mỗi lượt tối đa ${QUIZ_MAX_QUESTIONS} câu.)`] : []),
      ...(o.count < Math.min(o.asked, QUIZ_MAX_QUESTIONS) ? [`(Chỉ có ${o.count} câu phù hợp trong tài liệu.)`] : []),
      "Chọn đáp án trong từng câu bên dưới; chỉ lần chọn đầu tiên được tính điểm.",
      `Kết quả được công bố khi những người đã trả lời câu đầu trả lời xong câu cuối, hoặc sau ${duration(o.timeoutMs)}. Gõ /ketqua để xem kết quả tạm thời; người điều hành gõ /dungquiz để dừng.`,
    ].join("\n"),
  /** Put before a poll's question when it fits in Telegram's 300 characters. */
  quizPollPrefix: (position: number, count: number): string => `Câu ${position}/${count}: `,
  /** The source line of a poll's explanation (plain text, not HTML). */
  quizSource: (title: string, location: string): string => `Nguồn: ${title} — ${location}`,
  quizNotRunning: "Hiện không có quiz nào đang diễn ra. Gõ /quiz để bắt đầu.",
  quizNoResults: "Chưa có quiz nào trong cuộc trò chuyện này. Gõ /quiz để bắt đầu, hoặc /bangxephang để xem bảng xếp hạng.",
  quizStopRefused: "Xin lỗi, chỉ người điều hành (quản trị viên của nhóm hoặc của trợ lý) mới dừng được quiz. Bạn có thể gõ /ketqua để xem kết quả tạm thời.",
} as const;

/** "10 phút", "45 giây": a duration as people say it. */
function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} giây`;
  const minutes = Math.round(seconds / 60);
  return minutes < 120 ? `${minutes} phút` : `${Math.round(minutes / 60)} giờ`;
}

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
    case "INGEST_BUSY":
      return "Đang có một lần lập chỉ mục khác chạy; hãy thử lại sau ít phút.";
    case "INGEST_FAILED":
      return "Lập chỉ mục thất bại; chỉ mục cũ vẫn đang được dùng.";
    case "INDEX_UNWRITABLE":
      return "Không ghi được thư mục chỉ mục; quản trị viên cần kiểm tra quyền ghi và dung lượng đĩa.";
    case "DATA_UNAVAILABLE":
      return "Không dùng được thư mục dữ liệu; quản trị viên cần kiểm tra quyền ghi và dung lượng đĩa.";
    case "INDEX_MISSING":
    case "INDEX_VERSION":
    case "INDEX_CORRUPT":
      return "Chỉ mục tài liệu đang có vấn đề; quản trị viên cần chạy lại lệnh lập chỉ mục.";
    case "CONFIG_INVALID":
    case "INPUT_INVALID":
      return "Yêu cầu không hợp lệ.";
  }
}

/** The /nguon reply: every indexed document with its passage count, and when the index was built. */
export function renderSources(info: IndexInfo): string[] {
  const built = indexBuiltAt(info);
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

/** Rows listed in quiz results and the leaderboard; the rest are counted, so a message stays short. */
const MAX_SCORE_ROWS = 30;
/** Names are clipped so a long one cannot push the scores out of sight. */
const MAX_NAME_CHARS = 40;
const MEDALS = ["🥇", "🥈", "🥉"];

/**
 * Score lines, ranked by the order given (most correct, then fewest answers): equal scores share a
 * rank, the first three ranks get medals.
 */
function scoreLines(rows: readonly ScoreRow[], line: (row: ScoreRow) => string): string[] {
  const lines: string[] = [];
  let rank = 0;
  for (const [i, row] of rows.slice(0, MAX_SCORE_ROWS).entries()) {
    const previous = rows[i - 1];
    if (!previous || previous.correct !== row.correct || previous.answered !== row.answered) rank = i + 1;
    const name = row.name.length > MAX_NAME_CHARS ? `${row.name.slice(0, MAX_NAME_CHARS - 1)}…` : row.name;
    lines.push(`${MEDALS[rank - 1] ?? `${rank}.`} ${escapeHtml(name)}: ${line(row)}`);
  }
  if (rows.length > MAX_SCORE_ROWS) lines.push(`… và ${rows.length - MAX_SCORE_ROWS} người khác.`);
  return lines;
}

/** Why quiz results are being shown. */
export type QuizResultsKind = "running" | "complete" | "timeout" | "stopped" | "last";

/** The results of one quiz: who got how many right of how many they answered. */
export function renderQuizResults(results: SessionResults, kind: QuizResultsKind): string {
  const polls = `${results.polls} câu`;
  const heading = {
    running: `📊 <b>Kết quả tạm thời</b> — quiz đang diễn ra (${polls}).`,
    complete: `🏁 <b>Kết quả quiz</b> (${polls}): mọi người đã trả lời xong.`,
    timeout: `⏰ <b>Hết giờ!</b> Kết quả quiz (${polls}):`,
    stopped: `⏹ <b>Quiz đã dừng.</b> Kết quả (${polls}):`,
    last: `🏁 <b>Kết quả quiz gần nhất</b> (${polls}):`,
  }[kind];
  const lines = scoreLines(results.scores, (r) => `<b>${r.correct}</b> đúng / ${r.answered} đã trả lời`);
  const body = lines.length > 0 ? lines.join("\n") : "Chưa có ai trả lời.";
  const footer = kind === "running" ? "Câu trả lời vẫn đang được tính." : "Gõ /bangxephang để xem bảng xếp hạng.";
  return `${heading}\n${body}\n\n${footer}`;
}

/** The /bangxephang reply: the chat's best players over all its quizzes. */
export function renderLeaderboard(rows: readonly ScoreRow[]): string {
  if (rows.length === 0) return "Chưa có ai ghi điểm quiz trong cuộc trò chuyện này. Gõ /quiz để bắt đầu.";
  const lines = scoreLines(rows, (r) => `<b>${r.correct}</b> câu đúng / ${r.answered} câu đã trả lời`);
  return `🏆 <b>Bảng xếp hạng quiz</b>\n${lines.join("\n")}`;
}
