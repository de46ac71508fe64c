import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { EMAIL_PROVIDERS, EmailProvider } from '../channel-kinds';
import { IsSpkiPublicKey, NullableSettings, Omittable, SNS_TOPIC_ARN } from './field-rules';

const SENDGRID_KEY_EXAMPLE = 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEoRYZkbc4rMmfEuiJ2dBxsEC3ieQvHBwAbTEsy1e2QsiaObOgN+mpeUm2Wv5Qp9U6v6t7YOq/vUyfOXBtGgmV9Q==';

export class SmtpSettingsInput {
  @ApiProperty({ example: 'smtp.mailgun.org' })
  @IsString()
  @MinLength(1)
  @MaxLength(253)
  host!: string;

  @ApiProperty({ example: 587 })
  @IsInt()
  @Min(1)
  @Max(65535)
  port!: number;

  @ApiPropertyOptional({ example: false, description: 'TLS from the first byte (port 465). Default: true on port 465, else STARTTLS when offered.' })
  @Omittable()
  @IsBoolean()
  secure?: boolean;

  @ApiPropertyOptional({ example: 'postmaster@mg.example.com', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  user?: string | null;

  @ApiPropertyOptional({ example: 'smtp-password', writeOnly: true, nullable: true, type: String, description: 'Write-only: stored encrypted, never returned. null clears it.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  pass?: string | null;
}

/** On PATCH every SMTP field may be sent alone (none as null but user and pass); the result is merged with the stored settings. */
export class SmtpSettingsPatch extends PartialType(SmtpSettingsInput, { skipNullProperties: false }) {}

export class BasicAuthInput {
  @ApiProperty({ example: 'postmark' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  user!: string;

  @ApiProperty({ example: 'a-long-random-password', writeOnly: true, description: 'Write-only: stored encrypted, never returned.' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  pass!: string;
}

/** On PATCH: omit a field to keep it; send basic_auth: null to remove basic auth. */
export class BasicAuthPatch extends PartialType(BasicAuthInput, { skipNullProperties: false }) {}

export class CreateEmailChannelDto {
  @ApiProperty({ enum: ['email'], example: 'email' })
  @IsIn(['email'])
  type!: 'email';

  @ApiProperty({ example: 'Transactional mail' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name!: string;

  @ApiProperty({ example: 'hello@example.com' })
  @IsEmail()
  @MaxLength(320)
  from_address!: string;

  @ApiProperty({ enum: EMAIL_PROVIDERS, example: 'mailgun', description: 'Whose delivery webhooks this channel receives' })
  @IsIn(EMAIL_PROVIDERS)
  provider!: EmailProvider;

  @ApiPropertyOptional({ type: SmtpSettingsInput, nullable: true })
  @NullableSettings(SmtpSettingsInput)
  smtp?: SmtpSettingsInput | null;

  @ApiPropertyOptional({ example: 'mailgun-http-webhook-signing-key', writeOnly: true, nullable: true, type: String, description: 'Mailgun HTTP webhook signing key. Write-only.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  webhook_signing_key?: string | null;

  @ApiPropertyOptional({ example: SENDGRID_KEY_EXAMPLE, nullable: true, type: String, description: 'SendGrid Event Webhook verification key (public)' })
  @IsOptional()
  @IsSpkiPublicKey()
  @MaxLength(2000)
  sendgrid_public_key?: string | null;

  @ApiPropertyOptional({ type: BasicAuthInput, nullable: true, description: 'Postmark: basic auth the webhook URL must carry' })
  @NullableSettings(BasicAuthInput)
  basic_auth?: BasicAuthInput | null;

  @ApiPropertyOptional({ example: 'arn:aws:sns:eu-west-1:123456789012:ses-events', nullable: true, type: String, description: 'SES: the SNS topic to accept; recorded from the first subscription confirmation when unset' })
  @IsOptional()
  @Matches(SNS_TOPIC_ARN, { message: 'sns_topic_arn must be an SNS topic ARN (arn:aws:sns:<region>:<account>:<topic>)' })
  sns_topic_arn?: string | null;
}

/** PATCH of an email channel: omit a field to keep it; null clears the nullable ones; `smtp` and `basic_auth` are merged with what is stored. */
export class UpdateEmailChannelDto extends PartialType(OmitType(CreateEmailChannelDto, ['type', 'smtp', 'basic_auth'] as const), { skipNullProperties: false }) {
  @ApiPropertyOptional({ type: SmtpSettingsPatch, nullable: true, description: 'Merged with the stored settings; null removes SMTP settings and password' })
  @NullableSettings(SmtpSettingsPatch)
  smtp?: SmtpSettingsPatch | null;

  @ApiPropertyOptional({ type: BasicAuthPatch, nullable: true, description: 'Merged with the stored user/password; null removes basic auth' })
  @NullableSettings(BasicAuthPatch)
  basic_auth?: BasicAuthPatch | null;
}
