import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class SendMessageDto {
  @ApiProperty({ format: 'uuid', example: 'e1d2c3b4-a5f6-4789-8abc-def012345678', description: "One of the account's channels, of the route's type" })
  @IsUUID()
  channel_id!: string;

  @ApiProperty({ example: 'maria.gonzalez@example.com', description: 'An email address (email), or a phone number in international format (WhatsApp, SMS)' })
  @IsString()
  @MinLength(1)
  @MaxLength(320)
  to!: string;

  @ApiPropertyOptional({
    example: 'Your order {{ order_id }} has shipped',
    description: 'Email only, and required there. With `template` it is a Liquid template too.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(998)
  subject?: string;

  @ApiPropertyOptional({
    example: 'Hi María, your order A-1042 has shipped.',
    description: 'The text (or HTML, for email) as is. Send `body` or `template`, not both.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(512 * 1024)
  body?: string;

  @ApiPropertyOptional({
    example: '<p>Hi {{ first_name }}, your order {{ order_id }} has shipped.</p><p><a href="{{ link_unsubscribe }}">Unsubscribe</a></p>',
    description:
      'A Liquid template rendered with `variables` (unknown filters are an error; no includes). `{{ link_unsubscribe }}` is the unsubscribe link when the recipient is a contact of the account. In an HTML template variables are HTML-escaped.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(256 * 1024)
  template?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { first_name: 'María', order_id: 'A-1042' }, description: 'Values for `template`' })
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;
}

export class SendAcceptedDto {
  @ApiProperty({ example: '9a7b5c3d-1e2f-4a6b-8c0d-2e4f6a8b0c1d' })
  message_id!: string;

  @ApiProperty({
    enum: ['queued', 'failed'],
    example: 'queued',
    description: '`failed` when the recipient is suppressed (address undeliverable, unsubscribed from all): stored, never sent; see the message for why',
  })
  status!: 'queued' | 'failed';
}
