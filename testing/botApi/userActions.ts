/**
 * What users do, turned into updates as Telegram would deliver them: text (with the entities Telegram
 * adds), edits, button presses, poll answers, documents, photos and other non-text messages.
 */
import type { CallbackQuery, Message, MessageEntity, Poll, Update, User } from "grammy/types";
import type { UpdateQueue } from "./longPoll.js";
import { nowS, type StoredFile, type TelegramState } from "./state.js";
import type { DocumentUpload, NonTextKind, PhotoUpload, TextExtra, UpdateWith, UserChat, UserMessage } from "./types.js";

/** Entities Telegram adds to what a user types: a leading /command and @mentions. */
export function userTextEntities(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  const command = /^\/[A-Za-z0-9_]{1,64}(@[A-Za-z0-9_]{3,32})?/.exec(text);
  if (command !== null) entities.push({ type: "bot_command", offset: 0, length: command[0].length });
  const commandEnd = command?.[0].length ?? 0;
  for (const mention of text.matchAll(/(?<![A-Za-z0-9_])@[A-Za-z0-9_]{5,32}(?![A-Za-z0-9_])/g)) {
    if (mention.index >= commandEnd) entities.push({ type: "mention", offset: mention.index, length: mention[0].length });
  }
  return entities;
}

export class UserActions {
  constructor(
    private readonly state: TelegramState,
    private readonly updates: UpdateQueue,
  ) {}

  sendText(from: User, chat: UserChat, text: string, extra: TextExtra = {}): UpdateWith<"message"> {
    const entities = userTextEntities(text);
    const content: Partial<Message> = { text };
    if (entities.length > 0) content.entities = entities;
    if (extra.replyTo !== undefined) content.reply_to_message = { ...extra.replyTo, reply_to_message: undefined };
    return this.updates.enqueue("message", this.state.userMessage(from, chat, content));
  }

  sendEditedText(message: UserMessage, text: string): UpdateWith<"edited_message"> {
    const entities = userTextEntities(text);
    const edited: UserMessage & Update.Edited = { ...message, text, edit_date: nowS() };
    if (entities.length > 0) edited.entities = entities;
    else delete edited.entities;
    this.state.chatState(message.chat).messages.set(message.message_id, edited);
    return this.updates.enqueue("edited_message", edited);
  }

  sendCallback(from: User, message: Message, data: string): UpdateWith<"callback_query"> {
    this.state.users.set(from.id, from);
    const id = `${this.state.botInfo.id}${String(this.state.newId()).padStart(8, "0")}`;
    this.state.callbackQueries.set(id, { answered: false });
    const query: CallbackQuery = { id, from, message, chat_instance: String(-Math.abs(message.chat.id * 7919)), data };
    return this.updates.enqueue("callback_query", query);
  }

  sendPollAnswer(from: User, pollId: string, optionIds: number[]): UpdateWith<"poll_answer"> {
    this.state.users.set(from.id, from);
    const where = this.state.polls.get(pollId);
    const message = where === undefined ? undefined : this.state.chats.get(where.chatId)?.messages.get(where.messageId);
    if (where !== undefined && message?.poll !== undefined) {
      const options = message.poll.options.map((o, i) => (optionIds.includes(i) ? { ...o, voter_count: o.voter_count + 1 } : o));
      const poll: Poll = { ...message.poll, options, total_voter_count: message.poll.total_voter_count + (optionIds.length > 0 ? 1 : 0) };
      this.state.chats.get(where.chatId)?.messages.set(where.messageId, { ...message, poll });
    }
    return this.updates.enqueue("poll_answer", {
      poll_id: pollId,
      user: from,
      option_ids: optionIds,
      option_persistent_ids: optionIds.map(String),
    });
  }

  sendDocument(from: User, chat: UserChat, document: DocumentUpload): UpdateWith<"message"> {
    const file = this.state.storeFile("documents", document.fileName, Buffer.from(document.bytes));
    const content: Partial<Message> = {
      document: {
        file_id: file.fileId,
        file_unique_id: file.fileUniqueId,
        file_name: document.fileName,
        mime_type: document.mimeType,
        file_size: file.bytes.length,
      },
    };
    if (document.caption !== undefined) content.caption = document.caption;
    return this.updates.enqueue("message", this.state.userMessage(from, chat, content));
  }

  sendPhoto(from: User, chat: UserChat, photo: PhotoUpload): UpdateWith<"message"> {
    // The thumbnail is not a real image: a bot that OCRs it instead of the largest size reads nothing.
    const thumbnail = this.state.storeFile("photos", "thumb.jpg", Buffer.alloc(900, 7));
    const full = this.state.storeFile("photos", "photo.jpg", Buffer.from(photo.bytes));
    const content: Partial<Message> = {
      photo: [
        { file_id: thumbnail.fileId, file_unique_id: thumbnail.fileUniqueId, width: 90, height: Math.round((90 * photo.height) / photo.width), file_size: 900 },
        { file_id: full.fileId, file_unique_id: full.fileUniqueId, width: photo.width, height: photo.height, file_size: full.bytes.length },
      ],
    };
    if (photo.caption !== undefined) content.caption = photo.caption;
    return this.updates.enqueue("message", this.state.userMessage(from, chat, content));
  }

  sendNonText(from: User, chat: UserChat, kind: NonTextKind): UpdateWith<"message"> {
    return this.updates.enqueue("message", this.state.userMessage(from, chat, this.nonTextContent(from, kind)));
  }

  private nonTextContent(from: User, kind: NonTextKind): Partial<Message> {
    const fake = (folder: string, name: string, size: number): StoredFile => this.state.storeFile(folder, name, Buffer.alloc(size, 7));
    switch (kind) {
      case "photo": {
        const small = fake("photos", "small.jpg", 1200);
        const large = fake("photos", "large.jpg", 5400);
        return {
          photo: [
            { file_id: small.fileId, file_unique_id: small.fileUniqueId, width: 90, height: 67, file_size: 1200 },
            { file_id: large.fileId, file_unique_id: large.fileUniqueId, width: 800, height: 600, file_size: 5400 },
          ],
        };
      }
      case "sticker": {
        const file = fake("stickers", "sticker.webp", 2000);
        return {
          sticker: { file_id: file.fileId, file_unique_id: file.fileUniqueId, type: "regular", width: 512, height: 512, is_animated: false, is_video: false, emoji: "👍" },
        };
      }
      case "voice": {
        const file = fake("voice", "voice.ogg", 3000);
        return { voice: { file_id: file.fileId, file_unique_id: file.fileUniqueId, duration: 3, mime_type: "audio/ogg", file_size: 3000 } };
      }
      case "video": {
        const file = fake("videos", "video.mp4", 8000);
        return {
          video: { file_id: file.fileId, file_unique_id: file.fileUniqueId, width: 640, height: 360, duration: 5, mime_type: "video/mp4", file_size: 8000 },
        };
      }
      case "location":
        return { location: { latitude: 21.0278, longitude: 105.8342 } };
      case "contact":
        return { contact: { phone_number: "+84900000000", first_name: from.first_name, user_id: from.id } };
    }
  }
}
