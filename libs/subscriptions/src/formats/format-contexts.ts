import { Injectable } from '@nestjs/common';
import { ChannelDirectory, ChannelProfile } from '@hub/events';
import { contextNeeds, ConversationTurn, FormatContext, FormatEvent, PayloadFormat } from '@hub/payload-formats';

/** The conversation of a WhatsApp channel with one phone, oldest first (at most `limit` turns). */
export type ConversationLookup = (accountId: string, channelId: string, phone: string, limit: number) => Promise<ConversationTurn[]>;

/** A channel's profile is trusted this long (a renamed channel shows in bodies within it). */
const PROFILE_TTL_MS = 5_000;
const MAX_PROFILES = 10_000;
const CONVERSATION_TURNS = 10;

/**
 * Loads what a payload format needs beyond the event (the channel's sending
 * identity, the stored conversation), and only when it needs it: the
 * standard format and most events need nothing, so the delivery path stays
 * one claim and one send. The messaging lib answers conversations (it owns
 * the messages), the channels lib channel profiles (through ChannelDirectory).
 */
@Injectable()
export class FormatContexts {
  private conversations?: ConversationLookup;
  private readonly profiles = new Map<string, { value: ChannelProfile | null; expires: number }>();

  constructor(private readonly channels: ChannelDirectory) {}

  answerConversationsWith(lookup: ConversationLookup): void {
    this.conversations = lookup;
  }

  async load(format: PayloadFormat, event: FormatEvent): Promise<FormatContext> {
    const needs = contextNeeds(format, event);
    const context: FormatContext = {};
    if (needs.channel && event.channel_id) context.channel = await this.profile(event.account_id, event.channel_id);
    if (needs.conversation && event.channel_id && this.conversations && typeof event.data.from === 'string') {
      context.conversation = await this.conversations(event.account_id, event.channel_id, event.data.from, CONVERSATION_TURNS);
    }
    return context;
  }

  private async profile(accountId: string, channelId: string): Promise<ChannelProfile | null> {
    const key = `${accountId}/${channelId}`;
    const hit = this.profiles.get(key);
    if (hit && hit.expires > Date.now()) return hit.value;
    const value = await this.channels.profileOf(accountId, channelId);
    if (this.profiles.size >= MAX_PROFILES) this.profiles.delete(this.profiles.keys().next().value as string);
    this.profiles.set(key, { value, expires: Date.now() + PROFILE_TTL_MS });
    return value;
  }
}
