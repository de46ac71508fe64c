import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsObject, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/**
 * Body of POST /api/contacts. `null` means "none" for every nullable field.
 * `account_id` is deliberately absent: the caller's account is the only one.
 */
export class CreateContactDto {
  @ApiPropertyOptional({ example: 'Maria.Gonzalez@example.com', nullable: true, type: String, description: 'Stored trimmed and lower-cased; email or phone is required' })
  @IsOptional()
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email?: string | null;

  @ApiPropertyOptional({ example: '+34 612 34 56 78', nullable: true, type: String, description: 'International format; stored as E.164' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string | null;

  @ApiPropertyOptional({ example: 'María', nullable: true, type: String })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  first_name?: string | null;

  @ApiPropertyOptional({ example: 'González', nullable: true, type: String })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  last_name?: string | null;

  @ApiPropertyOptional({
    example: { company: 'Acme Iberia', plan: 'pro' },
    type: 'object',
    additionalProperties: true,
    description: 'Free-form values by name; a key set to null is removed',
  })
  @IsOptional()
  @IsObject()
  custom_fields?: Record<string, unknown>;

  @ApiPropertyOptional({ example: 'b2e4c6a8-1d3f-4e5a-8b7c-9d0e1f2a3b4c', nullable: true, type: String, description: 'One of the account’s contact statuses' })
  @IsOptional()
  @IsUUID('all', { message: 'status_id must be a contact status id' })
  status_id?: string | null;

  @ApiPropertyOptional({ example: 'c3f5d7b9-2e4a-4f6b-9c8d-0e1f2a3b4c5d', nullable: true, type: String, description: 'One of the account’s contact sources' })
  @IsOptional()
  @IsUUID('all', { message: 'source_id must be a contact source id' })
  source_id?: string | null;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean()
  email_undeliverable?: boolean;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean()
  phone_undeliverable?: boolean;
}

/** Body of PATCH /api/contacts/{id}: only the fields sent change; custom_fields keys are merged. */
export class UpdateContactDto extends PartialType(CreateContactDto, { skipNullProperties: false }) {}
