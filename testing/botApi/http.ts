/**
 * HTTP plumbing of the emulator: request bodies (JSON, urlencoded, multipart with uploads) parsed into
 * one parameter object as the Bot API does, JSON answers, and a client that went away.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiParams, UploadedFile } from "./types.js";
import { badRequest, isRecord } from "./validation.js";

/** Form fields Telegram reads as JSON when a request is not sent as JSON. */
export const JSON_FIELDS = new Set([
  "reply_markup", "entities", "caption_entities", "reply_parameters", "link_preview_options", "options", "commands",
  "scope", "allowed_updates", "explanation_entities", "question_entities", "correct_option_ids", "media",
]);

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** An AbortSignal that fires when the client closes the connection before getting its answer. */
export function clientGone(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done);
  });
}

/** Parses a query string plus a JSON, urlencoded or multipart body into one parameter object. */
export function parseParams(contentType: string, body: Buffer, query: URLSearchParams): ApiParams {
  const params: ApiParams = {};
  const fromForm = (key: string, value: string): void => {
    params[key] = JSON_FIELDS.has(key) ? parseJsonField(key, value) : value;
  };
  for (const [key, value] of query) fromForm(key, value);
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (body.length === 0) return params;
  if (type === "application/json") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw badRequest("can't parse JSON encoded request body");
    }
    if (!isRecord(parsed)) throw badRequest("JSON request body must be an object");
    return { ...params, ...parsed };
  }
  if (type === "application/x-www-form-urlencoded") {
    for (const [key, value] of new URLSearchParams(body.toString("utf8"))) fromForm(key, value);
    return params;
  }
  if (type === "multipart/form-data") {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
    if (boundary === undefined) throw badRequest("multipart body without a boundary");
    const { fields, files } = parseMultipart(body, boundary);
    for (const [key, value] of fields) {
      const attached = value.startsWith("attach://") ? files.get(value.slice("attach://".length)) : undefined;
      if (attached !== undefined) params[key] = attached;
      else fromForm(key, value);
    }
    for (const [name, file] of files) {
      if (!fields.has(name) && ![...fields.values()].includes(`attach://${name}`)) params[name] = file;
    }
    return params;
  }
  throw badRequest(`unsupported content type "${type}"`);
}

function parseJsonField(key: string, value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw badRequest(`can't parse ${key} JSON object`);
  }
}

/**
 * A small multipart/form-data reader. grammY writes headers lower-case without a space
 * (`content-disposition:form-data;name="x"`) and an unquoted `filename=`, so both spellings count.
 */
function parseMultipart(body: Buffer, boundary: string): { fields: Map<string, string>; files: Map<string, UploadedFile> } {
  const fields = new Map<string, string>();
  const files = new Map<string, UploadedFile>();
  const delimiter = Buffer.from(`--${boundary}`);
  let position = body.indexOf(delimiter);
  while (position !== -1) {
    let start = position + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    if (body[start] === 13 && body[start + 1] === 10) start += 2;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    const end = body[next - 2] === 13 && body[next - 1] === 10 ? next - 2 : next;
    const part = body.subarray(start, end);
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString("utf8");
      const content = part.subarray(headerEnd + 4);
      const name = /(?:^|;)\s*name="([^"]*)"/im.exec(headers)?.[1];
      const fileName = /filename\s*=\s*(?:"([^"]*)"|([^;\r\n]*))/i.exec(headers);
      if (name !== undefined && fileName !== null) {
        files.set(name, { kind: "upload", fileName: (fileName[1] ?? fileName[2] ?? "").trim() || name, bytes: Buffer.from(content) });
      } else if (name !== undefined) {
        fields.set(name, content.toString("utf8"));
      }
    }
    position = next;
  }
  return { fields, files };
}

/** Parameters for an error message: uploads shown by name and size, long values cut. */
export function summarize(params: ApiParams): string {
  const text = JSON.stringify(params, (_key, value: unknown) =>
    isUpload(value) ? `<upload ${value.fileName}, ${value.bytes.length} bytes>` : value,
  );
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

export function isUpload(value: unknown): value is UploadedFile {
  return isRecord(value) && value.kind === "upload" && Buffer.isBuffer(value.bytes);
}
