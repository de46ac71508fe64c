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
import { TriggerRequestProducer } from './trigger/trigger-request-producer';
import { TRIGGER_REQUEST_QUEUE } from './trigger/trigger-request.queue';
import { Workflow } from './workflows/workflow.entity';

/** What both the api (stores trigger requests) and the worker (enrols and runs) need: entities, the queues, templates. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Workflow, WorkflowRun, WorkflowStepState, WorkflowTriggerRequest]),
    QueueRootModule,
    BullModule.registerQueue({ name: WORKFLOW_RUN_QUEUE, settings: QUEUE_SETTINGS }, { name: TRIGGER_REQUEST_QUEUE, settings: QUEUE_SETTINGS }),
  ],
  providers: [WorkflowRunProducer, TriggerRequestProducer, TemplateEngine],
  exports: [TypeOrmModule, BullModule, WorkflowRunProducer, TriggerRequestProducer, TemplateEngine],
})
export class AutomationCoreModule {}
