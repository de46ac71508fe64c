import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';
import { LEAD_PROVIDERS, LeadProvider } from '../lead-source.entity';
import { IsFieldMapping } from './field-mapping.rule';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
// Omittable, not nullable: these columns are required for their provider once set.
const Omittable = () => ValidateIf((_object, value) => value !== undefined);

/** Body of POST /api/lead-sources. The fields of the other provider are refused (400 naming them). */
export class CreateLeadSourceDto {
  @ApiProperty({ enum: LEAD_PROVIDERS, example: 'meta', description: 'Cannot change after creation' })
  @IsIn(LEAD_PROVIDERS)
  provider!: LeadProvider;

  @ApiProperty({ example: 'Spring campaign — Facebook page' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ example: '104857600123456', description: 'Meta: the Facebook page whose lead forms this source receives (required for meta)' })
  @Omittable()
  @IsString()
  @Matches(/^\d{1,30}$/, { message: 'page_id must be the numeric id of a Facebook page' })
  page_id?: string;

  @ApiPropertyOptional({ example: 'vt_9f2c4e7a1b3d5f60', description: 'Meta: the verify token you type into the app\'s webhook settings (required for meta). Write-only' })
  @Omittable()
  @IsString()
  @Length(8, 200)
  verify_token?: string;

  @ApiPropertyOptional({ example: '3f9a0c1d2e4b5a6978c0d1e2f3a4b5c6', description: 'Meta: the app secret that signs notifications (required for meta). Write-only' })
  @Omittable()
  @IsString()
  @Length(8, 500)
  app_secret?: string;

  @ApiPropertyOptional({ example: 'EAAGm0PX4ZCpsBAKZC1ZBq8example', description: 'Meta: the page access token leads are fetched with (required for meta). Write-only' })
  @Omittable()
  @IsString()
  @Length(20, 2000)
  page_access_token?: string;

  @ApiPropertyOptional({ example: 'gk_5e1d9c7b3a2f4e6d8c0b', description: 'Google: the key you type into the lead form\'s webhook settings (required for google). Write-only' })
  @Omittable()
  @IsString()
  @Length(8, 200)
  google_key?: string;

  @ApiPropertyOptional({
    example: { email: 'email', phone_number: 'phone', full_name: 'full_name', preferred_city: 'city' },
    description:
      'Provider field → `email`, `phone`, `first_name`, `last_name`, `full_name` (split into first and last) or the name of a custom field. Omitted or null: the provider\'s defaults. Fields it does not name are kept as custom fields under their own names',
    type: 'object',
    additionalProperties: { type: 'string' },
    nullable: true,
  })
  @IsOptional()
  @IsFieldMapping()
  field_mapping?: Record<string, string> | null;

  @ApiPropertyOptional({ example: '8a1f0c2e-5b3d-4e6f-9a7b-1c2d3e4f5a6b', nullable: true, type: String, description: 'Workflow every captured lead is enrolled into' })
  @IsOptional()
  @IsUUID('all', { message: 'workflow_id must be the id of a workflow' })
  workflow_id?: string | null;
}

/**
 * Body of PATCH /api/lead-sources/{id}: omit a field to keep it; secrets are replaced, never shown.
 * skipNullProperties: false, so null reaches the validators (PartialType's default would let it through to a NOT NULL column).
 */
export class UpdateLeadSourceDto extends PartialType(OmitType(CreateLeadSourceDto, ['provider'] as const), { skipNullProperties: false }) {}
