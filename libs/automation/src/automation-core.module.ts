import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WorkflowRunQueueModule } from './queues/workflow-run/workflow-run-queue.module';
import { WorkflowTriggerQueueModule } from './queues/workflow-trigger/workflow-trigger-queue.module';
import { WorkflowRun } from './runs/workflow-run.entity';
import { WorkflowEnrolment } from './runs/workflow-enrolment';
import { WorkflowStepState } from './runs/workflow-step-state.entity';
import { TemplateEngine } from './templates/template-engine';
import { WorkflowTriggerRequest } from './trigger/trigger-request.entity';
import { Workflow } from './workflows/workflow.entity';

/** What both the api (stores trigger requests) and the worker (enrols and runs) need: entities, the two queues (one module each), templates. */
@Module({
  imports: [TypeOrmModule.forFeature([Workflow, WorkflowRun, WorkflowStepState, WorkflowTriggerRequest]), WorkflowRunQueueModule, WorkflowTriggerQueueModule],
  providers: [TemplateEngine, WorkflowEnrolment],
  exports: [TypeOrmModule, WorkflowRunQueueModule, WorkflowTriggerQueueModule, TemplateEngine, WorkflowEnrolment],
})
export class AutomationCoreModule {}
