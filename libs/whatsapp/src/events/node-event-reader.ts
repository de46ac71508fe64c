import { UnprocessableEntityException } from '@nestjs/common';
import { normalizePhone } from '@hub/contacts';

/** The events the node service posts to /api/whatsapp/node/webhook (docs/whatsapp-node-service.md). */
export const NODE_EVENTS = ['messages.upsert', 'messages.update', 'messages.delete', 'connection.update', 'call', 'send.message'] as const;
export type NodeEventName = (typeof NODE_EVENTS)[number];

/** What the worker does with an event. */
export type NodeEventKind = 'message' | 'status' | 'delete' | 'connection' | 'call';

/** A message received (from_me false) or sent from the phone (from_me true). */
export interface MessageData {
  id: string;
  from_me: boolean;
  /** The other party's E.164 phone. */
  phone: string;
  push_name: string | null;
  text: string;
  media_type: string | null;
  at: string;
}
/** 1 sent, 2 delivered, 3 read. */
export interface StatusData {
  id: string;
  from_me: boolean;
  status: 1 | 2 | 3;
  at: string;
}
export interface DeleteData {
  id: string;
  from_me: boolean;
  phone: string | null;
  at: string;
}
export interface ConnectionData {
  state: 'open' | 'close' | 'connecting';
  phone: string | null;
  qr: string | null;
}
export interface CallData {
  id: string;
  from: string;
  status: string;
}
export type NodeEventData = MessageData | StatusData | DeleteData | ConnectionData | CallData;

export interface ReadEvent {
  kind: NodeEventKind;
  dedupe_key: string | null;
  data: NodeEventData;
}

/** What one request carries: the events to store, and the items deliberately left out (group chats, reactions…). */
export interface ReadRequest {
  events: ReadEvent[];
  ignored: number;
}

/** One request may carry a batch (Baileys' `{messages: [...]}`), up to this many. */
export const MAX_EVENTS_PER_REQUEST = 1000;
const MAX_ID = 200;
const MAX_TEXT = 65_536;

const MEDIA_KINDS: Record<string, string> = {
  imageMessage: 'image',
  videoMessage: 'video',
  audioMessage: 'audio',
  documentMessage: 'document',
  documentWithCaptionMessage: 'document',
  stickerMessage: 'sticker',
};

/** SPEC §4: valid JSON missing what is required is 422, naming the field. */
export function unprocessable(field: string, message: string): UnprocessableEntityException {
  return new UnprocessableEntityException({ message: `${field} ${message}`, details: [{ field, message: `${field} ${message}` }] });
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function field(parent: string, name: string): string {
  return `${parent}.${name}`;
}

function text(value: unknown, path: string, max = MAX_ID): string {
  if (typeof value !== 'string' || value.length === 0) throw unprocessable(path, 'is required (a non-empty string)');
  if (value.length > max) throw unprocessable(path, `must be at most ${max} characters`);
  return value;
}

function optionalText(value: unknown, path: string, max = MAX_ID): string | null {
  return value === undefined || value === null || value === '' ? null : text(value, path, max);
}

function flag(value: unknown, path: string): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw unprocessable(path, 'must be true or false');
  return value;
}

/** `5511999999999@s.whatsapp.net` (or `…:12@…` from a linked device) → `+5511999999999`; group chats → null. */
export function phoneOfJid(jid: string, path: string): string | null {
  const [user, server] = jid.split('@');
  if (server === 'g.us' || server === 'broadcast' || server === 'newsletter') return null;
  const digits = user.split(':')[0];
  const phone = /^\d{6,15}$/.test(digits) && (server === 's.whatsapp.net' || server === 'c.us' || server === undefined) ? normalizePhone(`+${digits}`) : null;
  if (!phone) throw unprocessable(path, 'must be a phone JID (<E.164 digits>@s.whatsapp.net)');
  return phone;
}

/** WhatsApp timestamps are unix seconds, as a number, a string, or a protobuf Long `{low, high}`; absent means now. */
function timestamp(value: unknown, path: string): string {
  if (value === undefined || value === null) return new Date().toISOString();
  const seconds = isObject(value) && typeof value.low === 'number' ? (value.low >>> 0) + (typeof value.high === 'number' ? value.high : 0) * 2 ** 32 : Number(value);
  if ((typeof value !== 'number' && typeof value !== 'string' && !isObject(value)) || !Number.isFinite(seconds) || seconds < 0 || seconds > 1e11) {
    throw unprocessable(path, 'must be unix seconds');
  }
  return new Date(seconds * 1000).toISOString();
}

/** The text and media kind of a Baileys `message` object; null when it is neither (a reaction, a protocol message). */
function content(message: Json, path: string): { text: string; media_type: string | null } | null {
  if (typeof message.conversation === 'string') return { text: text(message.conversation, field(path, 'conversation'), MAX_TEXT), media_type: null };
  if (isObject(message.extendedTextMessage)) return { text: text(message.extendedTextMessage.text, `${path}.extendedTextMessage.text`, MAX_TEXT), media_type: null };
  for (const [key, media] of Object.entries(MEDIA_KINDS)) {
    const part = message[key];
    if (isObject(part)) return { text: optionalText(part.caption, `${path}.${key}.caption`, MAX_TEXT) ?? '', media_type: media };
  }
  return null;
}

function readMessage(item: unknown, path: string, fromMeEvent: boolean): ReadEvent | null {
  if (!isObject(item)) throw unprocessable(path, 'must be an object');
  if (!isObject(item.key)) throw unprocessable(field(path, 'key'), 'is required (an object)');
  const id = text(item.key.id, `${path}.key.id`);
  const phone = phoneOfJid(text(item.key.remoteJid, `${path}.key.remoteJid`), `${path}.key.remoteJid`);
  const fromMe = fromMeEvent || flag(item.key.fromMe, `${path}.key.fromMe`);
  if (!isObject(item.message)) throw unprocessable(field(path, 'message'), 'is required (an object)');
  const body = content(item.message, field(path, 'message'));
  if (phone === null || body === null) return null;
  const data: MessageData = {
    id,
    from_me: fromMe,
    phone,
    push_name: fromMe ? null : optionalText(item.pushName, field(path, 'pushName')),
    ...body,
    at: timestamp(item.messageTimestamp, field(path, 'messageTimestamp')),
  };
  return { kind: 'message', dedupe_key: `message:${id}`, data };
}

function readStatus(item: unknown, path: string): ReadEvent {
  if (!isObject(item)) throw unprocessable(path, 'must be an object');
  // Our contract's flat shape, or Baileys' own `{key: {id, fromMe}, update: {status}}`.
  const key = isObject(item.key) ? item.key : null;
  const id = key ? text(key.id, `${path}.key.id`) : text(item.keyId, field(path, 'keyId'));
  const fromMe = key ? flag(key.fromMe, `${path}.key.fromMe`) : flag(item.fromMe, field(path, 'fromMe'));
  const statusPath = isObject(item.update) ? `${path}.update.status` : field(path, 'status');
  const status = isObject(item.update) ? item.update.status : item.status;
  if (status !== 1 && status !== 2 && status !== 3) throw unprocessable(statusPath, 'must be 1 (sent), 2 (delivered) or 3 (read)');
  const data: StatusData = { id, from_me: fromMe, status, at: timestamp(item.timestamp, field(path, 'timestamp')) };
  return { kind: 'status', dedupe_key: `status:${id}:${status}`, data };
}

function readDelete(item: unknown, path: string): ReadEvent {
  if (!isObject(item)) throw unprocessable(path, 'must be an object');
  const id = text(item.id, field(path, 'id'));
  const jid = optionalText(item.remoteJid, field(path, 'remoteJid'));
  const data: DeleteData = { id, from_me: flag(item.fromMe, field(path, 'fromMe')), phone: jid ? phoneOfJid(jid, field(path, 'remoteJid')) : null, at: new Date().toISOString() };
  return { kind: 'delete', dedupe_key: `delete:${id}`, data };
}

function readConnection(item: unknown, path: string): ReadEvent {
  if (!isObject(item)) throw unprocessable(path, 'must be an object');
  const state = item.state ?? item.connection;
  if (state !== 'open' && state !== 'close' && state !== 'connecting') throw unprocessable(field(path, 'state'), 'must be open, close or connecting');
  const phone = optionalText(item.phone, field(path, 'phone'), 32);
  const data: ConnectionData = { state, phone: phone === null ? null : (normalizePhone(phone) ?? phone), qr: optionalText(item.qr, field(path, 'qr'), 4096) };
  return { kind: 'connection', dedupe_key: null, data };
}

function readCall(item: unknown, path: string): ReadEvent {
  if (!isObject(item)) throw unprocessable(path, 'must be an object');
  const id = text(item.id, field(path, 'id'));
  const from = text(item.from, field(path, 'from'));
  const phone = from.includes('@') ? phoneOfJid(from, field(path, 'from')) : normalizePhone(from);
  if (!phone) throw unprocessable(field(path, 'from'), 'must be a phone number or a phone JID');
  const status = text(item.status, field(path, 'status'), 40);
  const data: CallData = { id, from: phone, status };
  return { kind: 'call', dedupe_key: `call:${id}:${status}`, data };
}

/** Baileys batches: an array, or `{messages: [...]}` for messages.upsert; one object is a batch of one. */
function items(data: unknown, event: NodeEventName): { item: unknown; path: string }[] {
  if (Array.isArray(data)) return data.map((item, i) => ({ item, path: `data[${i}]` }));
  if (event === 'messages.upsert' && isObject(data) && Array.isArray(data.messages)) return data.messages.map((item, i) => ({ item, path: `data.messages[${i}]` }));
  return [{ item: data, path: 'data' }];
}

/**
 * Reads the `data` of one node event into what the worker applies, or throws
 * 422 naming the first field it cannot use. Nothing here looks anything up:
 * the route stores what this answers, the worker applies it.
 */
export function readNodeEvent(event: NodeEventName, data: unknown): ReadRequest {
  const list = items(data, event);
  if (list.length === 0) throw unprocessable('data', 'is empty');
  if (list.length > MAX_EVENTS_PER_REQUEST) throw unprocessable('data', `carries more than ${MAX_EVENTS_PER_REQUEST} items`);
  const events: ReadEvent[] = [];
  let ignored = 0;
  for (const { item, path } of list) {
    const read = readOne(event, item, path);
    if (read) events.push(read);
    else ignored++;
  }
  return { events, ignored };
}

function readOne(event: NodeEventName, item: unknown, path: string): ReadEvent | null {
  switch (event) {
    case 'messages.upsert':
      return readMessage(item, path, false);
    case 'send.message':
      return readMessage(item, path, true);
    case 'messages.update':
      return readStatus(item, path);
    case 'messages.delete':
      return readDelete(item, path);
    case 'connection.update':
      return readConnection(item, path);
    case 'call':
      return readCall(item, path);
  }
}
