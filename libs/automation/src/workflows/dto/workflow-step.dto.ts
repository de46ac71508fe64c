import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmptyObject, IsObject, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { CustomFieldValue, MAX_WAIT_SECONDS, MIN_WAIT_SECONDS, StepType, STEP_TYPES, WorkflowStep } from '../../steps/workflow-step';
import { IsCustomFieldValues, IsHttpStepBody, IsStepHeaders, IsStepUrl, IsTemplate, MAX_CUSTOM_FIELDS, MAX_HEADERS } from './step-validators';

/*
 * The steps of a workflow, one class per `type`: the request body's rules and
 * openapi.json's schema (limits, and the `type` discriminator's mapping) come
 * from these decorators alone. The validation pipe names each bad field as
 * `steps[i].field`. String fields marked "template" are Liquid: `{{ first_name }}`.
 */

const CHANNEL_ID = 'd4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f70';
/** May be left out, but not sent as null. */
const Omittable = () => ValidateIf((_object, value) => value !== undefined);

export const MAX_STEPS = 50;
const SUBJECT_MAX = 998;
const EMAIL_BODY_MAX = 200_000;
const WHATSAPP_BODY_MAX = 65_536;
const SMS_BODY_MAX = 1_600;
const NAME_MAX = 200;
const URL_MAX = 2048;
const WAIT_MESSAGE = `seconds must be a whole number of seconds from ${MIN_WAIT_SECONDS} to ${MAX_WAIT_SECONDS} (90 days)`;
const UUID_MESSAGE = '$property must be a UUID';

export class SendEmailStepDto {
  @ApiProperty({ enum: ['send_email'], example: 'send_email' })
  @IsIn(['send_email'])
  type!: 'send_email';

  @ApiProperty({ format: 'uuid', example: CHANNEL_ID, description: 'An email channel of the account' })
  @IsUUID('all', { message: UUID_MESSAGE })
  channel_id!: string;

  @ApiProperty({ example: 'Welcome, {{ first_name }}!', description: 'Template' })
  @IsString()
  @MinLength(1)
  @MaxLength(SUBJECT_MAX)
  @IsTemplate(SUBJECT_MAX)
  subject!: string;

  @ApiProperty({ example: '<p>Hi {{ first_name }}, your plan is {{ plan }}.</p><p><a href="{{ link_unsubscribe }}">Unsubscribe</a></p>', description: 'Template (HTML); `{{ link_unsubscribe }}` is the contact’s unsubscribe link' })
  @IsString()
  @MinLength(1)
  @MaxLength(EMAIL_BODY_MAX)
  @IsTemplate(EMAIL_BODY_MAX)
  body!: string;
}

export class SendWhatsappStepDto {
  @ApiProperty({ enum: ['send_whatsapp'], example: 'send_whatsapp' })
  @IsIn(['send_whatsapp'])
  type!: 'send_whatsapp';

  @ApiProperty({ format: 'uuid', example: CHANNEL_ID, description: 'A WhatsApp channel of the account' })
  @IsUUID('all', { message: UUID_MESSAGE })
  channel_id!: string;

  @ApiProperty({ example: 'Hola {{ first_name }} 👋', description: 'Template' })
  @IsString()
  @MinLength(1)
  @MaxLength(WHATSAPP_BODY_MAX)
  @IsTemplate(WHATSAPP_BODY_MAX)
  body!: string;
}

export class SendSmsStepDto {
  @ApiProperty({ enum: ['send_sms'], example: 'send_sms' })
  @IsIn(['send_sms'])
  type!: 'send_sms';

  @ApiProperty({ format: 'uuid', example: CHANNEL_ID, description: 'An SMS channel of the account' })
  @IsUUID('all', { message: UUID_MESSAGE })
  channel_id!: string;

  @ApiProperty({ example: 'Your code is {{ code }}', description: 'Template' })
  @IsString()
  @MinLength(1)
  @MaxLength(SMS_BODY_MAX)
  @IsTemplate(SMS_BODY_MAX)
  body!: string;
}

export class WaitStepDto {
  @ApiProperty({ enum: ['wait'], example: 'wait' })
  @IsIn(['wait'])
  type!: 'wait';

  @ApiProperty({ example: 86400, description: 'Seconds to wait, 1 s to 90 days' })
  @IsInt({ message: WAIT_MESSAGE })
  @Min(MIN_WAIT_SECONDS, { message: WAIT_MESSAGE })
  @Max(MAX_WAIT_SECONDS, { message: WAIT_MESSAGE })
  seconds!: number;
}

export class HttpRequestStepDto {
  @ApiProperty({ enum: ['http_request'], example: 'http_request' })
  @IsIn(['http_request'])
  type!: 'http_request';

  @ApiProperty({ example: 'https://crm.example.com/hooks/new-lead', description: 'Absolute http(s), no credentials, not a private address' })
  @MaxLength(URL_MAX)
  @IsStepUrl()
  url!: string;

  @ApiPropertyOptional({
    oneOf: [{ type: 'object', additionalProperties: true }, { type: 'string', minLength: 1, maxLength: 65_536 }],
    example: { email: '{{ email }}', name: '{{ first_name }} {{ last_name }}', source: 'webhook-hub' },
    description: 'An object whose strings are templates (sent as JSON, at most 64 KiB), or one template string. Absent: {workflow_id, workflow_name, run_id, contact_id, variables}',
  })
  @Omittable()
  @IsHttpStepBody()
  body?: Record<string, unknown> | string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', maxLength: 2000 },
    maxProperties: MAX_HEADERS,
    example: { 'X-Api-Key': 'abc123' },
    description: 'Values are templates. Refused: content-type, content-length, host, user-agent, x-webhook-signature, transfer-encoding, connection and webhook-*',
  })
  @Omittable()
  @IsStepHeaders()
  headers?: Record<string, string>;
}

export class UpdateContactFieldsDto {
  @ApiPropertyOptional({ example: '{{ first_name | capitalize }}', description: 'Template; a blank result keeps the current name' })
  @Omittable()
  @IsString()
  @MinLength(1)
  @MaxLength(NAME_MAX)
  @IsTemplate(NAME_MAX)
  first_name?: string;

  @ApiPropertyOptional({ example: '{{ last_name }}', description: 'Template' })
  @Omittable()
  @IsString()
  @MinLength(1)
  @MaxLength(NAME_MAX)
  @IsTemplate(NAME_MAX)
  last_name?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string', maxLength: 10_000 }, { type: 'number' }, { type: 'boolean' }], nullable: true },
    minProperties: 1,
    maxProperties: MAX_CUSTOM_FIELDS,
    example: { stage: 'onboarded', score: 10, plan: '{{ plan }}' },
    description: 'Merged into the contact’s custom fields; names of 1–100 characters; string values are templates, null removes a field',
  })
  @Omittable()
  @IsCustomFieldValues()
  custom_fields?: Record<string, CustomFieldValue>;
}

export class UpdateContactStepDto {
  @ApiProperty({ enum: ['update_contact'], example: 'update_contact' })
  @IsIn(['update_contact'])
  type!: 'update_contact';

  @ApiProperty({ type: UpdateContactFieldsDto, minProperties: 1, description: 'At least one of first_name, last_name, custom_fields' })
  @IsObject({ message: 'fields must be an object with first_name, last_name and/or custom_fields' })
  @IsNotEmptyObject({ nullable: false }, { message: 'fields must set first_name, last_name or custom_fields' })
  @ValidateNested()
  @Type(() => UpdateContactFieldsDto)
  fields!: UpdateContactFieldsDto;
}

export class AddToGroupStepDto {
  @ApiProperty({ enum: ['add_to_group'], example: 'add_to_group' })
  @IsIn(['add_to_group'])
  type!: 'add_to_group';

  @ApiProperty({ format: 'uuid', example: '0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a', description: 'A mailing group of the account' })
  @IsUUID('all', { message: UUID_MESSAGE })
  group_id!: string;
}

/** What a step whose `type` is none of the above becomes: only its `type` is checked (and named). */
class UnknownStepDto {
  @IsIn(STEP_TYPES, { message: `type must be one of ${STEP_TYPES.join(', ')}` })
  type!: unknown;
}

export type WorkflowStepDto = SendEmailStepDto | SendWhatsappStepDto | SendSmsStepDto | WaitStepDto | HttpRequestStepDto | UpdateContactStepDto | AddToGroupStepDto;

/** The step classes by `type`: the discriminator of the body (class-transformer) and of the schema (OpenAPI mapping). */
export const STEP_DTO_BY_TYPE: Record<StepType, new () => WorkflowStepDto> = {
  send_email: SendEmailStepDto,
  send_whatsapp: SendWhatsappStepDto,
  send_sms: SendSmsStepDto,
  wait: WaitStepDto,
  http_request: HttpRequestStepDto,
  update_contact: UpdateContactStepDto,
  add_to_group: AddToGroupStepDto,
};

/** Every step class (Swagger's extra models). */
export const STEP_DTOS = Object.values(STEP_DTO_BY_TYPE);

/** OpenAPI of one step: `oneOf` the classes above, told apart by `type`. */
export const STEP_SCHEMA = {
  oneOf: STEP_DTOS.map((dto) => ({ $ref: getSchemaPath(dto) })),
  discriminator: { propertyName: 'type', mapping: Object.fromEntries(Object.entries(STEP_DTO_BY_TYPE).map(([type, dto]) => [type, getSchemaPath(dto)])) },
};

/**
 * The body's `steps` as instances of their classes, so ValidateNested checks
 * each by its own rules. class-transformer's `@Type` discriminator would do
 * the same but throws on a null item (a 500); anything that is not an object
 * stays as it is and is refused as "must be an object".
 */
export function toStepDtos({ value }: { value: unknown }): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((item: unknown) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
    const type = (item as { type?: unknown }).type;
    const dto = typeof type === 'string' && Object.hasOwn(STEP_DTO_BY_TYPE, type) ? STEP_DTO_BY_TYPE[type as StepType] : UnknownStepDto;
    return plainToInstance<object, unknown>(dto, item);
  });
}

/** A checked step as stored: known fields only, header names lower-cased. */
export function toWorkflowStep(dto: WorkflowStepDto): WorkflowStep {
  switch (dto.type) {
    case 'send_email':
      return { type: dto.type, channel_id: dto.channel_id, subject: dto.subject, body: dto.body };
    case 'send_whatsapp':
    case 'send_sms':
      return { type: dto.type, channel_id: dto.channel_id, body: dto.body };
    case 'wait':
      return { type: dto.type, seconds: dto.seconds };
    case 'http_request':
      return {
        type: dto.type,
        url: dto.url,
        ...(dto.body === undefined ? {} : { body: dto.body }),
        ...(dto.headers === undefined ? {} : { headers: Object.fromEntries(Object.entries(dto.headers).map(([name, value]) => [name.toLowerCase(), value])) }),
      };
    case 'update_contact': {
      const { first_name, last_name, custom_fields } = dto.fields;
      return {
        type: dto.type,
        fields: { ...(first_name === undefined ? {} : { first_name }), ...(last_name === undefined ? {} : { last_name }), ...(custom_fields === undefined ? {} : { custom_fields }) },
      };
    }
    case 'add_to_group':
      return { type: dto.type, group_id: dto.group_id };
  }
}

export const STEPS_EXAMPLE = [
  { type: 'update_contact', fields: { custom_fields: { stage: 'welcomed' } } },
  { type: 'wait', seconds: 3600 },
  { type: 'http_request', url: 'https://crm.example.com/hooks/new-lead', body: { email: '{{ email }}', plan: '{{ plan }}' } },
  { type: 'add_to_group', group_id: '0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a' },
];
