import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/*
 * Documentation of the step shapes (OpenAPI `oneOf`). Steps are validated by
 * parseSteps() (steps/step-rules.ts), which names each bad field as
 * `steps[i].field`. String fields marked "template" are Liquid: `{{ first_name }}`.
 */

const CHANNEL_ID = 'd4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f70';

export class SendEmailStepDto {
  @ApiProperty({ enum: ['send_email'], example: 'send_email' })
  type!: 'send_email';
  @ApiProperty({ format: 'uuid', example: CHANNEL_ID, description: 'An email channel of the account' })
  channel_id!: string;
  @ApiProperty({ example: 'Welcome, {{ first_name }}!', description: 'Template, at most 998 characters' })
  subject!: string;
  @ApiProperty({ example: '<p>Hi {{ first_name }}, your plan is {{ plan }}.</p><p><a href="{{ link_unsubscribe }}">Unsubscribe</a></p>', description: 'Template (HTML); `{{ link_unsubscribe }}` is the contact’s unsubscribe link' })
  body!: string;
}

export class SendWhatsappStepDto {
  @ApiProperty({ enum: ['send_whatsapp'], example: 'send_whatsapp' })
  type!: 'send_whatsapp';
  @ApiProperty({ format: 'uuid', example: CHANNEL_ID, description: 'A WhatsApp channel of the account' })
  channel_id!: string;
  @ApiProperty({ example: 'Hola {{ first_name }} 👋', description: 'Template' })
  body!: string;
}

export class SendSmsStepDto {
  @ApiProperty({ enum: ['send_sms'], example: 'send_sms' })
  type!: 'send_sms';
  @ApiProperty({ format: 'uuid', example: CHANNEL_ID, description: 'An SMS channel of the account' })
  channel_id!: string;
  @ApiProperty({ example: 'Your code is {{ code }}', description: 'Template, at most 1600 characters' })
  body!: string;
}

export class WaitStepDto {
  @ApiProperty({ enum: ['wait'], example: 'wait' })
  type!: 'wait';
  @ApiProperty({ example: 86400, minimum: 1, maximum: 7776000, description: 'Seconds to wait, 1 s to 90 days' })
  seconds!: number;
}

export class HttpRequestStepDto {
  @ApiProperty({ enum: ['http_request'], example: 'http_request' })
  type!: 'http_request';
  @ApiProperty({ example: 'https://crm.example.com/hooks/new-lead', description: 'Absolute http(s), no credentials, ≤ 2048 characters, not a private address' })
  url!: string;
  @ApiPropertyOptional({
    oneOf: [{ type: 'object', additionalProperties: true }, { type: 'string' }],
    example: { email: '{{ email }}', name: '{{ first_name }} {{ last_name }}', source: 'webhook-hub' },
    description: 'An object whose strings are templates (sent as JSON), or one template string. Absent: {workflow_id, workflow_name, run_id, contact_id, variables}',
  })
  body?: Record<string, unknown> | string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { 'X-Api-Key': 'abc123' },
    description: 'Up to 20 headers; values are templates. Refused: content-type, content-length, host, user-agent, x-webhook-signature and webhook-*',
  })
  headers?: Record<string, string>;
}

export class UpdateContactFieldsDto {
  @ApiPropertyOptional({ example: '{{ first_name | capitalize }}', description: 'Template; a blank result keeps the current name' })
  first_name?: string;
  @ApiPropertyOptional({ example: '{{ last_name }}', description: 'Template' })
  last_name?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }], nullable: true },
    example: { stage: 'onboarded', score: 10, plan: '{{ plan }}' },
    description: 'Merged into the contact’s custom fields; string values are templates, null removes a field',
  })
  custom_fields?: Record<string, string | number | boolean | null>;
}

export class UpdateContactStepDto {
  @ApiProperty({ enum: ['update_contact'], example: 'update_contact' })
  type!: 'update_contact';
  @ApiProperty({ type: UpdateContactFieldsDto })
  fields!: UpdateContactFieldsDto;
}

export class AddToGroupStepDto {
  @ApiProperty({ enum: ['add_to_group'], example: 'add_to_group' })
  type!: 'add_to_group';
  @ApiProperty({ format: 'uuid', example: '0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a', description: 'A mailing group of the account' })
  group_id!: string;
}

export const STEP_DTOS = [SendEmailStepDto, SendWhatsappStepDto, SendSmsStepDto, WaitStepDto, HttpRequestStepDto, UpdateContactStepDto, AddToGroupStepDto];

export const STEPS_EXAMPLE = [
  { type: 'update_contact', fields: { custom_fields: { stage: 'welcomed' } } },
  { type: 'wait', seconds: 3600 },
  { type: 'http_request', url: 'https://crm.example.com/hooks/new-lead', body: { email: '{{ email }}', plan: '{{ plan }}' } },
  { type: 'add_to_group', group_id: '0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a' },
];
