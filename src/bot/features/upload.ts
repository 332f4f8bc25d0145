/**
 * Admins send a document (txt, md, html, pdf, docx, doc, odt, or an image file) or a photo in a private
 * chat: it is checked (type, size), downloaded from the Bot API, and handed to the DocumentIngest
 * dependency, which saves it into the corpus folder, re-indexes (reading scans and photos by OCR) and
 * serves the new index. The reply is the ingest summary.
 */
import { Composer } from "grammy";
import { maxFileBytes } from "../../config.js";
import { AppError, describeError, isAppError } from "../../errors.js";
import { isAdmin } from "../access.js";
import { isAddressedToBot } from "../addressing.js";
import type { BotContext } from "../context.js";
import type { BotDeps, InterruptedUpload } from "../deps.js";
import { splitMessage } from "../format.js";
import { UPLOAD_EXTENSIONS, isImageFileName, photoFileName, safeFileName } from "../fileNames.js";
import { errorFields, type Logger } from "../logger.js";
import { sendHtml, showTyping } from "../reply.js";
import { TEXT } from "../texts.js";

const DEFAULT_API_ROOT = "https://api.telegram.org";
const DOWNLOAD_TIMEOUT_MS = 120_000;

/**
 * Downloads a file the user sent, refusing more than `maxBytes`. The download URL contains the bot
 * token, so failures are reported without it.
 */
async function downloadFile(ctx: BotContext, fileId: string, apiRoot: string, maxBytes: number): Promise<Uint8Array> {
  const file = await ctx.api.getFile(fileId);
  if (!file.file_path) throw new AppError("FILE_UNREADABLE", "Telegram gave no download path for the file");
  let response: Response;
  try {
    response = await fetch(`${apiRoot}/file/bot${ctx.api.token}/${file.file_path}`, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  } catch (err) {
    throw new AppError("FILE_UNREADABLE", `download failed (${describeError(err)})`);
  }
  if (!response.ok || !response.body) throw new AppError("FILE_UNREADABLE", `download failed: HTTP ${response.status}`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new AppError("FILE_TOO_LARGE", `the file is larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** A file to take in: where Telegram keeps it, the name it is saved under, its size if Telegram said. */
interface Incoming {
  fileId: string;
  name: string;
  sizeBytes: number | undefined;
}

export function uploadFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const maxBytes = maxFileBytes(deps.config);

  const receive = async (ctx: BotContext, file: Incoming): Promise<void> => {
    if (file.sizeBytes !== undefined && file.sizeBytes > maxBytes) {
      ctx.state.outcome = "hint";
      await ctx.reply(TEXT.uploadTooLarge(file.sizeBytes / 1024 / 1024, deps.config.MAX_FILE_MB));
      return;
    }
    // A redelivered update whose upload the bot died on is never downloaded or ingested again.
    const earlier = deps.ingest.earlierAttempt?.(ctx.update.update_id) ?? null;
    if (earlier) {
      ctx.state.outcome = "hint";
      await ctx.reply(TEXT.uploadNotRetried(earlier.savedAs, earlier.reason), { parse_mode: "HTML" });
      return;
    }
    await ctx.reply(isImageFileName(file.name) ? TEXT.uploadStartedOcr(file.name) : TEXT.uploadStarted(file.name), { parse_mode: "HTML" });
    showTyping(ctx);
    const bytes = await downloadFile(ctx, file.fileId, deps.config.TELEGRAM_API_ROOT ?? DEFAULT_API_ROOT, maxBytes);
    let result;
    try {
      result = await deps.ingest.addDocument({ fileName: file.name, bytes, origin: { updateId: ctx.update.update_id, chatId: ctx.chat?.id ?? 0 } });
    } catch (err) {
      // The admin is told what failed and where (file, limit, folder); the bot itself carries on.
      if (!isAppError(err)) throw err;
      ctx.state.outcome = "hint";
      await ctx.reply(TEXT.uploadFailed(file.name, describeError(err)), { parse_mode: "HTML" });
      return;
    }
    ctx.state.outcome = result.rejected ? "hint" : "uploaded";
    const reply =
      result.isNotRetried && result.rejected
        ? TEXT.uploadNotRetried(result.savedAs, result.rejected.reason)
        : result.rejected
          ? TEXT.uploadRejected(result.savedAs, result.rejected.reason, result.lines)
          : result.replaced
            ? TEXT.uploadUpdated(result.savedAs, result.lines)
            : TEXT.uploadDone(result.savedAs, result.lines);
    // splitMessage keeps an over-long summary (many skipped files) deliverable, as plain text.
    await sendHtml(ctx, splitMessage([reply]));
  };

  composer.on("message:document", async (ctx, next) => {
    if (ctx.chat.type !== "private") {
      if (!isAddressedToBot(ctx)) return next();
      ctx.state.outcome = "hint";
      await ctx.reply(TEXT.uploadPrivateOnly);
      return;
    }
    if (!isAdmin(deps.config, ctx.from.id)) {
      ctx.state.outcome = "refused";
      await ctx.reply(TEXT.uploadAdminOnly);
      return;
    }
    const document = ctx.msg.document;
    ctx.state.text = document.file_name ?? "(no name)";
    const name = safeFileName(document.file_name ?? "");
    if (name === null) {
      ctx.state.outcome = "hint";
      await ctx.reply(TEXT.uploadBadType(UPLOAD_EXTENSIONS), { parse_mode: "HTML" });
      return;
    }
    await receive(ctx, { fileId: document.file_id, name, sizeBytes: document.file_size });
  });

  // A photo is a document only when an admin sends it in a private chat; anywhere else it is left to
  // the other features (a member's photo gets the "send text" hint).
  composer.on("message:photo", async (ctx, next) => {
    if (ctx.chat.type !== "private" || !isAdmin(deps.config, ctx.from.id)) return next();
    // Telegram sends several sizes of the same photo, smallest first: OCR wants the largest.
    const largest = ctx.msg.photo.reduce((best, size) => (size.width * size.height > best.width * best.height ? size : best));
    const name = photoFileName(ctx.msg.caption, ctx.msg.date);
    ctx.state.text = `(photo) ${name}`;
    await receive(ctx, { fileId: largest.file_id, name, sizeBytes: largest.file_size });
  });

  return composer;
}

/** Tells each admin whose upload was interrupted that it was put aside and will not be retried. */
export function notifyInterruptedUploads(
  api: { sendMessage(chatId: number, text: string, other: { parse_mode: "HTML" }): Promise<unknown> },
  uploads: readonly InterruptedUpload[],
  logger: Logger,
): void {
  for (const upload of uploads) {
    if (upload.chatId === null) continue;
    api.sendMessage(upload.chatId, TEXT.uploadInterrupted(upload.savedAs, upload.quarantinedAs), { parse_mode: "HTML" }).catch((err: unknown) => {
      logger.warn("could not tell an admin about an interrupted upload", { file: upload.savedAs, ...errorFields(err) });
    });
  }
}
