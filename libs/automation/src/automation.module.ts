import { Module } from '@nestjs/common';
import { ChannelsCoreModule } from '@hub/channels';
import { ContactsCoreModule } from '@hub/contacts';
import { GroupsCoreModule } from '@hub/groups';
import { SubscriptionsCoreModule } from '@hub/subscriptions';
import { AutomationCoreModule } from './automation-core.module';
import { RunActions } from './runs/run-actions.service';
import { RunQueries } from './runs/run-queries.service';
import { TriggerController } from './trigger/trigger.controller';
import { TriggerDirectory } from './trigger/trigger-directory';
import { TriggerInboundAccount } from './trigger/trigger-inbound-account';
import { TriggerService } from './trigger/trigger.service';
import { StepReferences } from './workflows/step-references';
import { WorkflowsController } from './workflows/workflows.controller';
import { WorkflowsService } from './workflows/workflows.service';

/** The api side: `/api/workflows` and the public trigger webhook, which stores requests for the worker to enrol. */
@Module({
  imports: [AutomationCoreModule, ContactsCoreModule, SubscriptionsCoreModule, ChannelsCoreModule, GroupsCoreModule],
  controllers: [WorkflowsController, TriggerController],
  providers: [WorkflowsService, StepReferences, TriggerDirectory, TriggerService, RunQueries, RunActions, TriggerInboundAccount],
  exports: [WorkflowsService, TriggerDirectory],
})
export class AutomationModule {}
