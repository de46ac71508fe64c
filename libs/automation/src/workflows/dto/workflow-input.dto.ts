import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsBoolean, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { STEP_DTOS, STEPS_EXAMPLE } from './workflow-step.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** May be left out, but not sent as null. */
const Omittable = () => ValidateIf((_object, value) => value !== undefined);

const STEPS_SCHEMA = {
  type: 'array',
  minItems: 0,
  maxItems: 50,
  items: { oneOf: STEP_DTOS.map((dto) => ({ $ref: getSchemaPath(dto) })), discriminator: { propertyName: 'type' } },
  example: STEPS_EXAMPLE,
  description: 'Run in order for each enrolled contact (none: the trigger only creates or updates the contact, and the run completes at once). Each is checked on save (400 naming `steps[i].field`): templates must parse, channels and groups must be the account’s, URLs must be public.',
} as const;

const WEBHOOK_ID_DESCRIPTION =
  'Share the trigger of another workflow of this account: one request to that webhook id then enrols the contact into each. Absent on create: a new id is generated.';

/** Body of `POST /api/workflows`. `account_id` is never a field: a workflow belongs to the caller’s account. */
export class CreateWorkflowDto {
  @ApiProperty({ example: 'Welcome series', description: '1–200 characters' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 'New sign-ups from the landing page', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ example: true, default: true, description: 'Only active workflows enrol contacts' })
  @Omittable()
  @IsBoolean()
  active?: boolean;

  @ApiProperty(STEPS_SCHEMA)
  @IsArray()
  steps!: unknown[];

  @ApiPropertyOptional({ example: 'Vq0v1rZbqSg5o9r3lX9Q8m2mF7bJx4kA1cW6yT0uH3E', description: WEBHOOK_ID_DESCRIPTION })
  @Omittable()
  @IsString()
  @MaxLength(128)
  webhook_id?: string;
}

/** Body of `PATCH /api/workflows/{id}`: omitted fields keep their value; `steps` replaces the whole list (runs under way keep theirs). */
export class UpdateWorkflowDto {
  @ApiPropertyOptional({ example: 'Welcome series (v2)' })
  @Omittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: null, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ example: false })
  @Omittable()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional(STEPS_SCHEMA)
  @Omittable()
  @IsArray()
  steps?: unknown[];

  @ApiPropertyOptional({ example: 'Vq0v1rZbqSg5o9r3lX9Q8m2mF7bJx4kA1cW6yT0uH3E', description: 'Move this workflow onto the trigger of another workflow of this account' })
  @Omittable()
  @IsString()
  @MaxLength(128)
  webhook_id?: string;
}
