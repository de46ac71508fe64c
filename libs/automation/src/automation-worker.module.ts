import { Module } from '@nestjs/common';
import { ContactsCoreModule } from '@hub/contacts';
import { GroupsCoreModule } from '@hub/groups';
import { MessagingCoreModule } from '@hub/messaging';
import { WorkModule } from '@hub/operations';
import { SubscriptionsCoreModule } from '@hub/subscriptions';
import { AutomationCoreModule } from './automation-core.module';
import { WorkflowRunConsumer } from './queues/workflow-run/workflow-run.consumer';
import { WorkflowRunSweep } from './queues/workflow-run/workflow-run.sweep';
import { TriggerRequestConsumer } from './queues/workflow-trigger/workflow-trigger.consumer';
import { TriggerRequestSweep } from './queues/workflow-trigger/workflow-trigger.sweep';
import { RunProgress } from './runner/run-progress';
import { ContactSteps } from './runner/steps/contact-steps';
import { HttpRequestStepRunner } from './runner/steps/http-request-step';
import { SendMessageStep } from './runner/steps/send-message-step';
import { WorkflowRunner } from './runner/workflow-runner';
import { TriggerRequestProcessor } from './trigger/trigger-request-processor';
import { TriggerRequestRetention } from './trigger/trigger-request-retention';

/**
 * The worker side: processes stored trigger requests and runs steps (each
 * queue's consumer and sweep registration), and purges trigger requests done
 * more than 24 h ago.
 */
@Module({
  imports: [AutomationCoreModule, SubscriptionsCoreModule, ContactsCoreModule, GroupsCoreModule, MessagingCoreModule, WorkModule],
  providers: [
    WorkflowRunner,
    RunProgress,
    HttpRequestStepRunner,
    ContactSteps,
    SendMessageStep,
    WorkflowRunConsumer,
    WorkflowRunSweep,
    TriggerRequestProcessor,
    TriggerRequestConsumer,
    TriggerRequestSweep,
    TriggerRequestRetention,
  ],
  exports: [WorkflowRunner, TriggerRequestProcessor],
})
export class AutomationWorkerModule {}
