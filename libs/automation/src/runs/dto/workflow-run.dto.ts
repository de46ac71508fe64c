import { ApiProperty } from '@nestjs/swagger';
import { RUN_STATUSES, RunStatus } from '../workflow-run.entity';
import { STEP_STATUSES, StepStatus } from '../workflow-step-state.entity';

export class StepStateDto {
  @ApiProperty({ example: 2 })
  index!: number;
  @ApiProperty({ example: 'http_request' })
  type!: string;
  @ApiProperty({ enum: STEP_STATUSES, example: 'completed', description: 'pending until the run reaches the step' })
  status!: StepStatus;
  @ApiProperty({ example: 1, description: 'Attempts made (http_request retries non-2xx answers 3 times)' })
  attempts!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    example: {
      event_id: 'evt_01JD5Y6QZ3W4K9M2N8P7R1S0TV',
      url: 'https://crm.example.com/hooks/new-lead',
      request: { method: 'POST', url: 'https://crm.example.com/hooks/new-lead', headers: { 'content-type': 'application/json' }, body: '{"email":"maria@example.com","plan":"pro"}' },
      status_code: 500,
      duration_ms: 84,
      response_body: 'Internal Server Error',
    },
    description: 'What the step did: the message id of a send, the request and answer of an http_request (its latest attempt), when a wait resumes…',
  })
  output!: Record<string, unknown> | null;
  @ApiProperty({ example: null, nullable: true, type: String })
  error!: string | null;
  @ApiProperty({ example: '2026-11-22T12:35:00.000Z', nullable: true, type: String })
  started_at!: string | null;
  @ApiProperty({ example: '2026-11-22T12:35:00.084Z', nullable: true, type: String })
  finished_at!: string | null;
}

export class WorkflowRunDto {
  @ApiProperty({ example: '0f1e2d3c-4b5a-4697-8a8b-9c0d1e2f3a4b' })
  id!: string;
  @ApiProperty({ example: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d' })
  workflow_id!: string;
  @ApiProperty({ example: '6f1c2a4e-8b3d-4f5a-9c7e-2d1b0a9f8e7d' })
  contact_id!: string;
  @ApiProperty({ enum: RUN_STATUSES, example: 'waiting' })
  status!: RunStatus;
  @ApiProperty({ example: 1, description: 'Index of the step running or next to run' })
  current_step!: number;
  @ApiProperty({ example: '2026-11-22T13:35:00.000Z', nullable: true, type: String, description: 'When a wait ends or the next try of a failing step is due' })
  resume_at!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { email: 'maria.gonzalez@example.com', phone: null, first_name: 'María', last_name: 'González', contact_id: '6f1c2a4e-8b3d-4f5a-9c7e-2d1b0a9f8e7d', plan: 'pro' },
    description: 'Contact fields, custom fields and the trigger payload: what `{{ name }}` sees',
  })
  variables!: Record<string, unknown>;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'Why the run failed' })
  error!: string | null;
  @ApiProperty({ type: [StepStateDto] })
  steps!: StepStateDto[];
  @ApiProperty({ example: '2026-11-22T12:34:56.000Z' })
  started_at!: string;
  @ApiProperty({ example: null, nullable: true, type: String })
  completed_at!: string | null;
}

export class WorkflowRunPageDto {
  @ApiProperty({ type: [WorkflowRunDto] })
  items!: WorkflowRunDto[];
  @ApiProperty({ example: null, nullable: true, type: String, description: 'Pass as `cursor` for the next (older) page' })
  next_cursor!: string | null;
}
