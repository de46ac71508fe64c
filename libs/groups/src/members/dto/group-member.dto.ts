import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@hub/http';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Who to subscribe: an existing contact is found by email, then phone; otherwise one is created. */
export class AddGroupMemberDto {
  @ApiPropertyOptional({ example: 'maria.gonzalez@example.com', description: 'Email or phone is required' })
  @IsOptional()
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ example: '+34612345678', description: 'International format; stored as E.164' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;
}

export const MEMBER_STATUSES = ['subscribed', 'unsubscribed'] as const;

export class GroupMemberQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MEMBER_STATUSES, description: 'Only subscribed or only unsubscribed members; both when absent' })
  @IsOptional()
  @IsIn(MEMBER_STATUSES)
  status?: (typeof MEMBER_STATUSES)[number];
}

export class GroupMemberDto {
  @ApiProperty({ example: '0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a' })
  group_id!: string;
  @ApiProperty({ example: '6f1c2a4e-8b3d-4f5a-9c7e-2d1b0a9f8e7d' })
  contact_id!: string;
  @ApiProperty({ example: 'maria.gonzalez@example.com', nullable: true, type: String })
  email!: string | null;
  @ApiProperty({ example: '+34612345678', nullable: true, type: String })
  phone!: string | null;
  @ApiProperty({ example: 'María', nullable: true, type: String })
  first_name!: string | null;
  @ApiProperty({ example: 'González', nullable: true, type: String })
  last_name!: string | null;
  @ApiProperty({ example: true, description: 'False once the contact unsubscribed' })
  subscribed!: boolean;
  @ApiProperty({ example: '2026-11-22T12:34:56.000Z', description: 'When the contact (last) subscribed' })
  subscribed_at!: string;
  @ApiProperty({ example: null, nullable: true, type: String })
  unsubscribed_at!: string | null;
}

export class GroupMemberPageDto {
  @ApiProperty({ type: [GroupMemberDto] })
  items!: GroupMemberDto[];
  @ApiProperty({ example: null, nullable: true, type: String })
  next_cursor!: string | null;
}
