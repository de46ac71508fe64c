import { Injectable } from '@nestjs/common';
import { ChannelKind } from '../catalog';

/** The kind of each of these channel ids that the account has (ids it has not are absent). */
export type ChannelKindLookup = (accountId: string, channelIds: string[]) => Promise<Map<string, ChannelKind>>;

/** A channel's name and sending identity, as payload formats name them (flat_event's `from`, `from_number`). */
export interface ChannelProfile {
  name: string;
  from_address: string | null;
  phone: string | null;
  from_number: string | null;
}

export type ChannelProfileLookup = (accountId: string, channelId: string) => Promise<ChannelProfile | null>;

/**
 * Which channels an account has, for the libs below channels (events,
 * subscriptions) that must check a channel id they are given. The channels
 * lib alone reads its table, and it depends on these libs, not the other way
 * round: so it answers through this directory (ChannelsCoreModule registers
 * its store at start), the way the delivery engine registers its fan-out with
 * the publisher.
 */
@Injectable()
export class ChannelDirectory {
  private lookup?: ChannelKindLookup;
  private profiles?: ChannelProfileLookup;

  answerWith(lookup: ChannelKindLookup, profiles?: ChannelProfileLookup): void {
    this.lookup = lookup;
    this.profiles = profiles;
  }

  /** The account's channel's name and sending identity, or null (no such channel, or no store answers). */
  profileOf(accountId: string, channelId: string): Promise<ChannelProfile | null> {
    return this.profiles ? this.profiles(accountId, channelId) : Promise.resolve(null);
  }

  kindsOf(accountId: string, channelIds: string[]): Promise<Map<string, ChannelKind>> {
    if (!this.lookup) throw new Error('No channel store answers the ChannelDirectory: import ChannelsCoreModule (@hub/channels)');
    return channelIds.length === 0 ? Promise.resolve(new Map()) : this.lookup(accountId, channelIds);
  }

  /** The kind of the account's channel, or null (no such channel in the account). */
  async kindOf(accountId: string, channelId: string): Promise<ChannelKind | null> {
    return (await this.kindsOf(accountId, [channelId])).get(channelId) ?? null;
  }
}
