import { Injectable, NotFoundException } from '@nestjs/common';
import { ChannelDirectory } from '@hub/events';
import { BlockedDestinationError, DestinationGuard } from '../ssrf/destination-guard';
import { fieldErrors, UrlField } from './endpoint-rules';

export interface EndpointChannel {
  id: string;
  type: string;
}

/** What an endpoint may point at: URLs that pass the SSRF policy, and channels of its own account. */
@Injectable()
export class EndpointDestinations {
  constructor(
    private readonly channels: ChannelDirectory,
    private readonly guard: DestinationGuard,
  ) {}

  /** 400 naming each URL field whose host is private, loopback, link-local, reserved or does not resolve. */
  async assertAllowed(urls: UrlField[]): Promise<void> {
    const details = [];
    for (const { field, url } of urls) {
      try {
        await this.guard.assertAllowed(url);
      } catch (error) {
        if (!(error instanceof BlockedDestinationError)) throw error;
        details.push({ field, message: `${field} is not allowed: ${error.message}` });
      }
    }
    if (details.length > 0) throw fieldErrors(details);
  }

  /** The channel of this account, or null (also when it was deleted since). */
  async channel(accountId: string, channelId: string | null): Promise<EndpointChannel | null> {
    if (!channelId) return null;
    const type = await this.channels.kindOf(accountId, channelId);
    return type ? { id: channelId, type } : null;
  }

  /** Like channel(), but 404 when the account has no such channel. */
  async requireChannel(accountId: string, channelId: string): Promise<EndpointChannel> {
    const channel = await this.channel(accountId, channelId);
    if (!channel) throw new NotFoundException(`Channel ${channelId} not found`);
    return channel;
  }
}
