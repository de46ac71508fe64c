import { Module } from '@nestjs/common';
import { ContactsCoreModule } from '@hub/contacts';
import { GroupsCoreModule } from '@hub/groups';
import { MessagingCoreModule } from '@hub/messaging';
import { SubscriptionsCoreModule } from '@hub/subscriptions';
import { AutomationCoreModule } from './automation-core.module';
import { RunProgress } from './runner/run-progress';
import { ContactSteps } from './runner/steps/contact-steps';
import { HttpRequestStepRunner } from './runner/steps/http-request-step';
import { SendMessageStep } from './runner/steps/send-message-step';
import { WorkflowRunConsumer } from './runner/workflow-run.consumer';
import { WorkflowRunSweeper } from './runner/workflow-run-sweeper';
import { WorkflowRunner } from './runner/workflow-runner';
import { TriggerRequestConsumer } from './trigger/trigger-request.consumer';
import { TriggerRequestProcessor } from './trigger/trigger-request-processor';

/** The worker side: processes stored trigger requests, runs steps off the `workflow-run` queue, and the sweeper that heals lost jobs and waits. */
@Module({
  imports: [AutomationCoreModule, SubscriptionsCoreModule, ContactsCoreModule, GroupsCoreModule, MessagingCoreModule],
  providers: [WorkflowRunner, RunProgress, HttpRequestStepRunner, ContactSteps, SendMessageStep, WorkflowRunConsumer, WorkflowRunSweeper, TriggerRequestProcessor, TriggerRequestConsumer],
  exports: [WorkflowRunner, WorkflowRunSweeper, TriggerRequestProcessor],
})
export class AutomationWorkerModule {}
