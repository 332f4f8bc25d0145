/**
 * The terminal chat: ask the engine from a shell, one question per line, answers printed short like the
 * bot's (see ChatSession and formatChatAnswer). Works interactively (prompt, line editing, history kept
 * between runs, colour unless NO_COLOR, Ctrl-C or Ctrl-D to leave) and with piped input
 * (`echo "câu hỏi" | npm start` answers every line, then exits, without prompt or colour).
 */
import { appendFileSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { describeError } from "../errors.js";
import { COLOURS, PLAIN } from "./format.js";
import { ChatSession, type ChatDeps, type ChatReply } from "./session.js";

/** Streams and settings of the terminal chat. */
export interface ChatIO {
  input: Readable;
  output: Writable;
  /** Colour when the output is a terminal; false for NO_COLOR. Default true. */
  colour?: boolean;
  /** Where an interactive chat keeps its history between runs (one line each); none when absent. */
  historyFile?: string;
}

/** Lines of history kept. */
const HISTORY_LINES = 200;

/** A running terminal chat. */
export interface TerminalChat {
  /** Resolves when the input ends (EOF, Ctrl-D, Ctrl-C, /thoat) and every question read has been answered. */
  done: Promise<void>;
  /** Ends the chat early (after the question being answered). */
  close(): void;
}

/** The saved history, newest first (as readline wants it); empty when there is none. */
function readHistory(file: string): string[] {
  try {
    return readFileSync(file, "utf8").split("\n").filter((l) => l.trim() !== "").slice(-HISTORY_LINES).reverse();
  } catch {
    return [];
  }
}

/** Appends a line to the history file; history is a convenience, so a failure is ignored. */
function saveHistory(file: string, line: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    appendFileSync(file, `${line.replace(/\s+/g, " ")}\n`);
  } catch {
    // A read-only DATA_DIR costs the history, not the chat.
  }
}

/** Starts the chat on `io`; `deps` answers questions and commands (the QaEngine and its quiz bank). */
export function startTerminalChat(deps: ChatDeps, io: ChatIO): TerminalChat {
  const interactive = (io.input as Readable & { isTTY?: boolean }).isTTY === true;
  const colourful = (io.colour ?? true) && (io.output as Writable & { isTTY?: boolean }).isTTY === true;
  const historyFile = interactive ? io.historyFile : undefined;
  const session = new ChatSession(deps, colourful ? COLOURS : PLAIN);
  const rl = createInterface({
    input: io.input,
    output: io.output,
    terminal: interactive,
    prompt: session.prompt,
    history: historyFile ? readHistory(historyFile) : [],
    historySize: HISTORY_LINES,
    removeHistoryDuplicates: true,
  });
  const print = (text: string): void => {
    io.output.write(`${text}\n`);
  };
  if (interactive) {
    print('Trợ lý Tổ chức — hỏi đáp trên tài liệu đã nạp. Gõ câu hỏi rồi Enter; /help để xem lệnh; Ctrl-D hoặc /thoat để kết thúc.');
    rl.prompt();
  }
  // Ctrl-C at the prompt ends the chat cleanly instead of killing the process mid-write.
  rl.on("SIGINT", () => rl.close());

  const done = (async () => {
    let said = false;
    for await (const raw of rl) {
      if (historyFile && raw.trim() !== "") saveHistory(historyFile, raw.trim());
      let reply: ChatReply;
      try {
        reply = await session.handle(raw);
      } catch (err) {
        reply = { text: `Lỗi: ${describeError(err)}`, done: false };
      }
      if (reply.text !== "") print(`${reply.text}\n`);
      if (reply.done) {
        said = true;
        break;
      }
      if (interactive) {
        rl.setPrompt(session.prompt);
        rl.prompt();
      }
    }
    rl.close();
    if (interactive && !said) print("Tạm biệt!");
  })();

  return { done, close: () => rl.close() };
}
