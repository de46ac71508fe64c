import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '@hub/http';

export class ContactDto {
  @ApiProperty({ example: '6f1c2a4e-8b3d-4f5a-9c7e-2d1b0a9f8e7d' })
  id!: string;
  @ApiProperty({ example: 'maria.gonzalez@example.com', nullable: true, type: String })
  email!: string | null;
  @ApiProperty({ example: '+34612345678', nullable: true, type: String, description: 'E.164' })
  phone!: string | null;
  @ApiProperty({ example: 'María', nullable: true, type: String })
  first_name!: string | null;
  @ApiProperty({ example: 'González', nullable: true, type: String })
  last_name!: string | null;
  @ApiProperty({ example: { company: 'Acme Iberia', plan: 'pro' }, type: 'object', additionalProperties: true })
  custom_fields!: Record<string, unknown>;
  @ApiProperty({ example: 'b2e4c6a8-1d3f-4e5a-8b7c-9d0e1f2a3b4c', nullable: true, type: String })
  status_id!: string | null;
  @ApiProperty({ example: 'c3f5d7b9-2e4a-4f6b-9c8d-0e1f2a3b4c5d', nullable: true, type: String })
  source_id!: string | null;
  @ApiProperty({ example: false })
  email_undeliverable!: boolean;
  @ApiProperty({ example: false })
  phone_undeliverable!: boolean;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'When the contact unsubscribed from everything' })
  unsubscribed_at!: string | null;
  @ApiProperty({ example: '2026-11-22T12:34:56.000Z' })
  created_at!: string;
  @ApiProperty({ example: '2026-11-22T12:34:56.000Z' })
  updated_at!: string;
}

export class ContactPageDto {
  @ApiProperty({ type: [ContactDto] })
  items!: ContactDto[];
  @ApiProperty({ example: null, nullable: true, type: String, description: 'Pass as `cursor` for the next (older) page' })
  next_cursor!: string | null;
}

export class ContactQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'gonzalez', description: 'Case-insensitive match on email, phone, first or last name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ example: 'b2e4c6a8-1d3f-4e5a-8b7c-9d0e1f2a3b4c' })
  @IsOptional()
  @IsUUID('all')
  status_id?: string;

  @ApiPropertyOptional({ example: 'c3f5d7b9-2e4a-4f6b-9c8d-0e1f2a3b4c5d' })
  @IsOptional()
  @IsUUID('all')
  source_id?: string;
}
