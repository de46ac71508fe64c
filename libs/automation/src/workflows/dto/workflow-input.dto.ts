import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { MAX_STEPS, STEP_SCHEMA, STEPS_EXAMPLE, toStepDtos, WorkflowStepDto } from './workflow-step.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** May be left out, but not sent as null. */
const Omittable = () => ValidateIf((_object, value) => value !== undefined);

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

  @ApiPropertyOptional({ example: true, description: 'Only active workflows enrol contacts (default on create: true)' })
  @Omittable()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({
    type: 'array',
    items: STEP_SCHEMA,
    minItems: 0,
    // The plugin copies @ArrayMaxSize only from a number literal.
    maxItems: MAX_STEPS,
    example: STEPS_EXAMPLE,
    description:
      'Run in order for each enrolled contact (none: the trigger only creates or updates the contact, and the run completes at once). Each is checked on save (400 naming `steps[i].field`): templates must parse, channels and groups must be the account’s, URLs must be public.',
  })
  @IsArray()
  @ArrayMaxSize(MAX_STEPS)
  @Transform(toStepDtos)
  @ValidateNested()
  steps!: WorkflowStepDto[];

  @ApiPropertyOptional({
    example: 'Vq0v1rZbqSg5o9r3lX9Q8m2mF7bJx4kA1cW6yT0uH3E',
    description: 'Share the trigger of another workflow of this account: one request to that webhook id then enrols the contact into each. Absent on create: a new id is generated; on PATCH, moves this workflow onto that trigger.',
  })
  @Omittable()
  @IsString()
  @MaxLength(128)
  webhook_id?: string;
}

/** Body of `PATCH /api/workflows/{id}`: omitted fields keep their value (none may be null but description); `steps` replaces the whole list (runs under way keep theirs). */
export class UpdateWorkflowDto extends PartialType(CreateWorkflowDto, { skipNullProperties: false }) {}
