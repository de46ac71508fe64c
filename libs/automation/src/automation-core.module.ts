import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueRootModule } from '@hub/operations';
import { WorkflowRun } from './runs/workflow-run.entity';
import { WorkflowStepState } from './runs/workflow-step-state.entity';
import { WORKFLOW_RUN_QUEUE, QUEUE_SETTINGS } from './runner/workflow-run.queue';
import { WorkflowRunProducer } from './runner/workflow-run-producer';
import { TemplateEngine } from './templates/template-engine';
import { WorkflowTriggerRequest } from './trigger/trigger-request.entity';
import { Workflow } from './workflows/workflow.entity';

/** What both the api (enrols runs) and the worker (runs them) need: entities, the run queue, templates. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Workflow, WorkflowRun, WorkflowStepState, WorkflowTriggerRequest]),
    QueueRootModule,
    BullModule.registerQueue({ name: WORKFLOW_RUN_QUEUE, settings: QUEUE_SETTINGS }),
  ],
  providers: [WorkflowRunProducer, TemplateEngine],
  exports: [TypeOrmModule, BullModule, WorkflowRunProducer, TemplateEngine],
})
export class AutomationCoreModule {}
