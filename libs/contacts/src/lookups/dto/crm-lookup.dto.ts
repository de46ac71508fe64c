import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateCrmLookupDto {
  @ApiProperty({ example: 'Qualified', description: 'Unique within the account' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name!: string;
}

/** PATCH body: the name is the only editable field, so it is required here too. */
export class UpdateCrmLookupDto extends CreateCrmLookupDto {}

export class CrmLookupDto {
  @ApiProperty({ example: 'b2e4c6a8-1d3f-4e5a-8b7c-9d0e1f2a3b4c' })
  id!: string;
  @ApiProperty({ example: 'Qualified' })
  name!: string;
  @ApiProperty({ example: '2026-11-20T08:00:00.000Z' })
  created_at!: string;
  @ApiProperty({ example: '2026-11-21T16:42:10.000Z' })
  updated_at!: string;
}
