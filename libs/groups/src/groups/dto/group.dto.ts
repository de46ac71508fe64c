import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** `account_id` is deliberately absent: a group always belongs to the caller's account. */
export class CreateGroupDto {
  @ApiProperty({ example: 'Monthly newsletter', description: 'Unique within the account' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 'Product news, first Monday of the month', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;
}

/** PATCH: omit a field to keep it; only description may be null (name is omittable, never null: a NOT NULL column). */
export class UpdateGroupDto extends PartialType(CreateGroupDto, { skipNullProperties: false }) {}

export class GroupDto {
  @ApiProperty({ example: '0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a' })
  id!: string;
  @ApiProperty({ example: 'Monthly newsletter' })
  name!: string;
  @ApiProperty({ example: 'Product news, first Monday of the month', nullable: true, type: String })
  description!: string | null;
  @ApiProperty({ example: 1250, description: 'Contacts currently subscribed' })
  member_count!: number;
  @ApiProperty({ example: '2026-11-20T08:00:00.000Z' })
  created_at!: string;
  @ApiProperty({ example: '2026-11-21T16:42:10.000Z' })
  updated_at!: string;
}

export class GroupPageDto {
  @ApiProperty({ type: [GroupDto] })
  items!: GroupDto[];
  @ApiProperty({ example: null, nullable: true, type: String, description: 'Pass as `cursor` for the next (older) page' })
  next_cursor!: string | null;
}
