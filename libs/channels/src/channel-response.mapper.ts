import { Channel } from './channel.entity';
import { ChannelResponse, EmailChannelResponse, SmsChannelResponse, WhatsappChannelResponse } from './dto/channel.response';

/** Where an email channel's provider posts delivery events (SPEC §4). */
export function emailWebhookUrl(publicUrl: string, provider: string, channelId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/api/webhook/email/${provider}/${channelId}`;
}

/**
 * The API view of a channel. Built field by field (never by spreading the
 * entity) so `secrets` and `account_id` cannot leak when columns are added.
 */
export function toChannelDto(channel: Channel, publicUrl: string): ChannelResponse {
  const base = { id: channel.id, name: channel.name, created_at: channel.created_at, updated_at: channel.updated_at };
  const secrets = channel.secrets ?? {};
  switch (channel.type) {
    case 'email': {
      const provider = channel.provider ?? 'smtp';
      const dto: EmailChannelResponse = {
        ...base,
        type: 'email',
        from_address: channel.from_address ?? '',
        provider,
        smtp: channel.smtp
          ? { host: channel.smtp.host, port: channel.smtp.port, secure: channel.smtp.secure, user: channel.smtp.user, has_password: Boolean(secrets.smtp_pass) }
          : null,
        has_webhook_signing_key: Boolean(secrets.webhook_signing_key),
        sendgrid_public_key: channel.sendgrid_public_key,
        basic_auth: channel.basic_auth_user ? { user: channel.basic_auth_user, has_password: Boolean(secrets.basic_auth_pass) } : null,
        sns_topic_arn: channel.sns_topic_arn,
        webhook_url: emailWebhookUrl(publicUrl, provider, channel.id),
      };
      return dto;
    }
    case 'whatsapp': {
      const dto: WhatsappChannelResponse = {
        ...base,
        type: 'whatsapp',
        session_id: channel.session_id ?? '',
        session_status: channel.session_status ?? 'disconnected',
        phone: channel.phone,
        qr: channel.session_status === 'qr' ? (channel.session_qr ?? null) : null,
        last_seen_at: channel.session_seen_at ?? null,
      };
      return dto;
    }
    case 'sms': {
      const dto: SmsChannelResponse = {
        ...base,
        type: 'sms',
        from_number: channel.from_number ?? '',
        provider_url: channel.provider_url ?? '',
        has_auth_token: Boolean(secrets.auth_token),
      };
      return dto;
    }
  }
}
