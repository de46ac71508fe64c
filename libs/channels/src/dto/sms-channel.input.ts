import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUrl, Matches, MaxLength, MinLength } from 'class-validator';
import { E164, HTTP_URL_OPTIONS } from './field-rules';

const FROM_NUMBER_MESSAGE = 'from_number must be an E.164 phone number such as +15555550123';
const PROVIDER_URL_MESSAGE = 'provider_url must be an absolute http(s) URL without credentials';

export class CreateSmsChannelDto {
  @ApiProperty({ enum: ['sms'], example: 'sms' })
  @IsIn(['sms'])
  type!: 'sms';

  @ApiProperty({ example: 'Alerts SMS' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name!: string;

  @ApiProperty({ example: '+15555550123', description: 'E.164' })
  @Matches(E164, { message: FROM_NUMBER_MESSAGE })
  from_number!: string;

  @ApiProperty({ example: 'https://sms.example.com/api/send', description: 'HTTP SMS provider endpoint the hub posts messages to' })
  @IsUrl(HTTP_URL_OPTIONS, { message: PROVIDER_URL_MESSAGE })
  @MaxLength(2048)
  provider_url!: string;

  @ApiPropertyOptional({ example: 'provider-api-token', writeOnly: true, nullable: true, type: String, description: 'Sent to the provider as a bearer token. Write-only.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  auth_token?: string | null;
}

/** PATCH of an SMS channel: omit a field to keep it; auth_token null clears it. */
export class UpdateSmsChannelDto extends PartialType(OmitType(CreateSmsChannelDto, ['type'] as const), { skipNullProperties: false }) {}
