import { BadRequestException, Type } from '@nestjs/common';
import { createValidationPipe, ErrorDetail } from '@hub/http';
import { ChannelType, CHANNEL_TYPES, isChannelType } from './channel-kinds';
import { CreateEmailChannelDto, UpdateEmailChannelDto } from './dto/email-channel.input';
import { CreateSmsChannelDto, UpdateSmsChannelDto } from './dto/sms-channel.input';
import { CreateWhatsappChannelDto, UpdateWhatsappChannelDto } from './dto/whatsapp-channel.input';

/**
 * Channel bodies are discriminated by `type`, which the global ValidationPipe
 * cannot do: routes take the raw body and validate it here against the DTO of
 * the type, with the same pipe (same options, same error shape).
 */
export type CreateChannelInput = CreateEmailChannelDto | CreateWhatsappChannelDto | CreateSmsChannelDto;
export type ChannelPatch =
  | { type: 'email'; changes: UpdateEmailChannelDto }
  | { type: 'whatsapp'; changes: UpdateWhatsappChannelDto }
  | { type: 'sms'; changes: UpdateSmsChannelDto };

const CREATE_DTOS: Record<ChannelType, Type<CreateChannelInput>> = {
  email: CreateEmailChannelDto,
  whatsapp: CreateWhatsappChannelDto,
  sms: CreateSmsChannelDto,
};
const UPDATE_DTOS: Record<ChannelType, Type<ChannelPatch['changes']>> = {
  email: UpdateEmailChannelDto,
  whatsapp: UpdateWhatsappChannelDto,
  sms: UpdateSmsChannelDto,
};

/** Settings of one type, to tell a user who sends them to another type why they are refused. */
const TYPE_FIELDS: Record<ChannelType, string[]> = {
  email: ['from_address', 'provider', 'smtp', 'webhook_signing_key', 'sendgrid_public_key', 'basic_auth', 'sns_topic_arn'],
  whatsapp: [],
  sms: ['from_number', 'provider_url', 'auth_token'],
};
const READ_ONLY_FIELDS = ['id', 'account_id', 'session_id', 'session_status', 'phone', 'webhook_url', 'created_at', 'updated_at'];

const validationPipe = createValidationPipe();

function badRequest(details: ErrorDetail[]): BadRequestException {
  return new BadRequestException({ message: details.map((d) => d.message).join('; '), details });
}

function asObject(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest([{ message: 'The request body must be a JSON object' }]);
  }
  return body as Record<string, unknown>;
}

function misplacedFields(body: Record<string, unknown>, type: ChannelType): ErrorDetail[] {
  return Object.keys(body).flatMap((field) => {
    if (READ_ONLY_FIELDS.includes(field)) return [{ field, message: `${field} is set by the hub and cannot be written` }];
    const owner = CHANNEL_TYPES.find((other) => other !== type && TYPE_FIELDS[other].includes(field));
    return owner ? [{ field, message: `${field} applies only to ${owner} channels, not ${type}` }] : [];
  });
}

/** Validates against `metatype`, reporting misplaced fields together with every other bad field. */
async function validateAs<T>(metatype: Type<T>, body: Record<string, unknown>, type: ChannelType): Promise<T> {
  const misplaced = misplacedFields(body, type);
  const rest = Object.fromEntries(Object.entries(body).filter(([field]) => !misplaced.some((d) => d.field === field)));
  let details = misplaced;
  let value: T | undefined;
  try {
    value = (await validationPipe.transform(rest, { type: 'body', metatype })) as T;
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    const response = error.getResponse() as { details?: ErrorDetail[] };
    details = details.concat(response.details ?? [{ message: error.message }]);
  }
  if (details.length > 0 || value === undefined) throw badRequest(details);
  return value;
}

export async function parseCreateChannel(body: unknown): Promise<CreateChannelInput> {
  const object = asObject(body);
  if (!isChannelType(object.type)) {
    throw badRequest([{ field: 'type', message: `type must be one of: ${CHANNEL_TYPES.join(', ')}` }]);
  }
  return validateAs(CREATE_DTOS[object.type], object, object.type);
}

/** `type` may be repeated on PATCH but never changed: settings of one type mean nothing to another. */
export async function parseChannelPatch(type: ChannelType, body: unknown): Promise<ChannelPatch> {
  const { type: requested, ...rest } = asObject(body);
  if (requested !== undefined && requested !== type) {
    throw badRequest([{ field: 'type', message: `type cannot change (this is a ${type} channel); create a new channel instead` }]);
  }
  const changes = await validateAs(UPDATE_DTOS[type], rest, type);
  return { type, changes } as ChannelPatch;
}
