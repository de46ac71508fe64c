export { ChannelsCoreModule, ChannelsModule } from './channels.module';
export { ChannelStore } from './channel-store';
export { ChannelsService } from './channels.service';
export { ChannelSecrets } from './channel-secrets';
export { Channel, SmtpSettings } from './channel.entity';
export { CHANNEL_TYPES, ChannelType, EMAIL_PROVIDERS, EmailProvider, SESSION_STATUSES, SessionStatus } from './channel-kinds';
export { emailWebhookUrl, toChannelDto } from './channel-response.mapper';
export { ChannelResponse, EmailChannelResponse, SmsChannelResponse, WhatsappChannelResponse } from './dto/channel.response';
export { EmailWebhookKeyring, EmailWebhookKeys } from './email-webhook-keys';
