import { ApiProperty } from '@nestjs/swagger';
import { STEP_SCHEMA, STEPS_EXAMPLE } from './workflow-step.dto';

const WEBHOOK_ID = 'Vq0v1rZbqSg5o9r3lX9Q8m2mF7bJx4kA1cW6yT0uH3E';

export class WorkflowTriggerDto {
  @ApiProperty({ example: WEBHOOK_ID, description: '32 random bytes, base64url; shared by every workflow bound to it' })
  webhook_id!: string;
  @ApiProperty({ example: `https://hub.example.com/api/automation/webhook/${WEBHOOK_ID}`, description: 'POST JSON or a form here to enrol a contact' })
  webhook_url!: string;
}

export class WorkflowDto {
  @ApiProperty({ example: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d' })
  id!: string;
  @ApiProperty({ example: 'Welcome series' })
  name!: string;
  @ApiProperty({ example: 'New sign-ups from the landing page', nullable: true, type: String })
  description!: string | null;
  @ApiProperty({ example: true })
  active!: boolean;
  @ApiProperty({ type: 'array', items: STEP_SCHEMA, example: STEPS_EXAMPLE })
  steps!: unknown[];
  @ApiProperty({ type: WorkflowTriggerDto })
  trigger!: WorkflowTriggerDto;
  @ApiProperty({ example: '2026-11-20T08:00:00.000Z' })
  created_at!: string;
  @ApiProperty({ example: '2026-11-21T16:42:10.000Z' })
  updated_at!: string;
}

export class WorkflowSecretDto {
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw7rW3rNfVqSk=', description: 'Signs the http_request steps of this workflow (Standard Webhooks)' })
  signing_secret!: string;
}

/** The 201 of a create: the workflow plus the secret its http_request steps are signed with. */
export class WorkflowWithSecretDto extends WorkflowDto {
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw7rW3rNfVqSk=', description: 'Signs the http_request steps of this workflow (Standard Webhooks)' })
  signing_secret!: string;
}

export class WorkflowPageDto {
  @ApiProperty({ type: [WorkflowDto] })
  items!: WorkflowDto[];
  @ApiProperty({ example: null, nullable: true, type: String, description: 'Pass as `cursor` for the next (older) page' })
  next_cursor!: string | null;
}
