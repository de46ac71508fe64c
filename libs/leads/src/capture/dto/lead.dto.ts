import { ApiProperty } from '@nestjs/swagger';

/** One lead a source received, and what became of it. */
export class LeadDto {
  @ApiProperty({ example: '3c1d9e7a-4b2f-4a6e-8d0c-5f1e2a3b4c5d' })
  id!: string;
  @ApiProperty({ example: '1234567890123456', description: "The provider's lead id (Meta leadgen_id, Google lead_id)" })
  lead_id!: string;
  @ApiProperty({ enum: ['pending', 'captured', 'failed'], example: 'captured', description: 'pending: stored, being fetched or retried; captured: a contact and lead.captured; failed: see last_error' })
  status!: 'pending' | 'captured' | 'failed';
  @ApiProperty({ example: false, description: "A test lead (Google's test data, or this app's Send a test lead)" })
  is_test!: boolean;
  @ApiProperty({ example: 0, description: 'Times the provider sent this lead again; each repeat was answered 200 and captured nothing twice' })
  repeats!: number;
  @ApiProperty({ example: '987654321098765', nullable: true, type: String })
  form_id!: string | null;
  @ApiProperty({ example: 1 })
  attempts!: number;
  @ApiProperty({ example: null, nullable: true, type: String })
  last_error!: string | null;
  @ApiProperty({ example: '6f1c2a4e-8b3d-4f5a-9c7e-2d1b0a9f8e7d', nullable: true, type: String })
  contact_id!: string | null;
  @ApiProperty({ example: { full_name: 'María González', email: 'maria.gonzalez@example.com' }, nullable: true, type: 'object', additionalProperties: { type: 'string' } })
  fields!: Record<string, string> | null;
  @ApiProperty({ example: '2026-12-03T09:14:00.000Z' })
  created_at!: Date;
  @ApiProperty({ example: '2026-12-03T09:14:00.420Z', nullable: true, type: String })
  captured_at!: Date | null;
}

export class TestLeadResultDto {
  @ApiProperty({ type: LeadDto, description: 'The test lead as stored; status is pending if the worker has not captured it within a few seconds' })
  lead!: LeadDto;
  @ApiProperty({ example: 200, description: 'What the public route answered the signed sample' })
  route_status!: number;
}

export class RetriedLeadsDto {
  @ApiProperty({ example: 3, description: 'Failed leads of the source put back in line (attempts start again)' })
  retried!: number;
}
