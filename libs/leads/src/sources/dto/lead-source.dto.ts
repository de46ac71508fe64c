import { ApiProperty } from '@nestjs/swagger';
import { LEAD_PROVIDERS, LeadProvider } from '../lead-source.entity';

/** A lead source as the API shows it: secrets only as has_* flags. */
export class LeadSourceDto {
  @ApiProperty({ example: 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70' })
  id!: string;
  @ApiProperty({ enum: LEAD_PROVIDERS, example: 'meta' })
  provider!: LeadProvider;
  @ApiProperty({ example: 'Spring campaign — Facebook page' })
  name!: string;
  @ApiProperty({ example: '104857600123456', nullable: true, type: String })
  page_id!: string | null;
  @ApiProperty({ example: true })
  has_verify_token!: boolean;
  @ApiProperty({ example: true })
  has_app_secret!: boolean;
  @ApiProperty({ example: true })
  has_page_access_token!: boolean;
  @ApiProperty({ example: false })
  has_google_key!: boolean;
  @ApiProperty({ example: { email: 'email', phone_number: 'phone', full_name: 'full_name', first_name: 'first_name', last_name: 'last_name' }, type: 'object', additionalProperties: { type: 'string' }, description: 'The mapping in force (the provider\'s defaults unless the source has its own)' })
  field_mapping!: Record<string, string>;
  @ApiProperty({ example: false, description: 'True while the source uses the provider\'s default mapping' })
  default_field_mapping!: boolean;
  @ApiProperty({ example: null, nullable: true, type: String })
  workflow_id!: string | null;
  @ApiProperty({ example: 'https://hub.example.com/api/webhook/meta-lead-ads', description: 'Paste into the Meta app\'s webhook settings (Google: the lead form\'s webhook URL)' })
  webhook_url!: string;
  @ApiProperty({ example: '2026-12-03T09:14:00.000Z', nullable: true, type: String })
  last_lead_at!: Date | null;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'Why the last lead could not be fetched or stored, until one succeeds' })
  last_error!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String })
  last_error_at!: Date | null;
  @ApiProperty({ example: '2026-12-01T08:00:00.000Z' })
  created_at!: Date;
  @ApiProperty({ example: '2026-12-01T08:00:00.000Z' })
  updated_at!: Date;
}
