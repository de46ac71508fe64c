import { getSchemaPath, SchemaObject } from '@nestjs/swagger';
import { CreateEmailChannelDto, UpdateEmailChannelDto } from './email-channel.input';
import { CreateSmsChannelDto, UpdateSmsChannelDto } from './sms-channel.input';
import { CreateWhatsappChannelDto, UpdateWhatsappChannelDto } from './whatsapp-channel.input';
import { EmailChannelResponse, SmsChannelResponse, WhatsappChannelResponse } from './channel.response';

/** OpenAPI `oneOf` schemas for the bodies and answers that depend on `type`. */
function byType(models: { email: Function; whatsapp: Function; sms: Function }, discriminate = true): SchemaObject {
  const refs = { email: getSchemaPath(models.email), whatsapp: getSchemaPath(models.whatsapp), sms: getSchemaPath(models.sms) };
  return {
    oneOf: Object.values(refs).map(($ref) => ({ $ref })),
    ...(discriminate ? { discriminator: { propertyName: 'type', mapping: refs } } : {}),
  };
}

export const CHANNEL_MODELS = [
  CreateEmailChannelDto,
  CreateWhatsappChannelDto,
  CreateSmsChannelDto,
  UpdateEmailChannelDto,
  UpdateWhatsappChannelDto,
  UpdateSmsChannelDto,
  EmailChannelResponse,
  WhatsappChannelResponse,
  SmsChannelResponse,
];

export const CREATE_CHANNEL_SCHEMA = byType({ email: CreateEmailChannelDto, whatsapp: CreateWhatsappChannelDto, sms: CreateSmsChannelDto });
// A PATCH body need not repeat `type` (the stored channel decides), so no discriminator.
export const UPDATE_CHANNEL_SCHEMA = byType({ email: UpdateEmailChannelDto, whatsapp: UpdateWhatsappChannelDto, sms: UpdateSmsChannelDto }, false);
export const CHANNEL_RESPONSE_SCHEMA = byType({ email: EmailChannelResponse, whatsapp: WhatsappChannelResponse, sms: SmsChannelResponse });
