import { WorkflowDto } from './dto/workflow-response.dto';
import { Workflow } from './workflow.entity';
import { webhookUrl } from './webhook-id';

export function toWorkflowDto(workflow: Workflow, publicUrl: string): WorkflowDto {
  return {
    id: workflow.id,
    name: workflow.name,
    description: workflow.description,
    active: workflow.active,
    steps: workflow.steps,
    trigger: { webhook_id: workflow.webhook_id, webhook_url: webhookUrl(publicUrl, workflow.webhook_id) },
    created_at: workflow.created_at.toISOString(),
    updated_at: workflow.updated_at.toISOString(),
  };
}
