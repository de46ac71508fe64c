import { Injectable } from '@nestjs/common';
import { ChannelStore } from '@hub/channels';
import { GroupQueries } from '@hub/groups';
import { ErrorDetail } from '@hub/http';
import { BlockedDestinationError, DestinationGuard } from '@hub/subscriptions';
import { isSendStep, SEND_STEP_CHANNEL, WorkflowStep } from '../steps/workflow-step';

/**
 * What steps point at must exist in the caller's account and be reachable:
 * send steps need a channel of their kind, add_to_group a group, http_request a
 * URL whose host is not private (unless WEBHOOK_ALLOW_PRIVATE_NETWORKS). The
 * sender checks the address again when it connects.
 */
@Injectable()
export class StepReferences {
  constructor(
    private readonly channels: ChannelStore,
    private readonly groups: GroupQueries,
    private readonly guard: DestinationGuard,
  ) {}

  async problems(accountId: string, steps: WorkflowStep[]): Promise<ErrorDetail[]> {
    const channelIds = [...new Set(steps.filter(isSendStep).map((step) => step.channel_id))];
    const groupIds = [...new Set(steps.flatMap((step) => (step.type === 'add_to_group' ? [step.group_id] : [])))];
    const [channelTypes, groupSet] = await Promise.all([this.channels.typesOf(accountId, channelIds), this.groups.existingIds(accountId, groupIds)]);
    const problems: ErrorDetail[] = [];
    for (const [i, step] of steps.entries()) {
      if (isSendStep(step)) {
        const kind = SEND_STEP_CHANNEL[step.type];
        const type = channelTypes.get(step.channel_id);
        if (!type) problems.push({ field: `steps[${i}].channel_id`, message: `steps[${i}].channel_id: no channel ${step.channel_id} in this account` });
        else if (type !== kind) problems.push({ field: `steps[${i}].channel_id`, message: `steps[${i}].channel_id is a ${type} channel; ${step.type} needs a ${kind} channel` });
      } else if (step.type === 'add_to_group' && !groupSet.has(step.group_id)) {
        problems.push({ field: `steps[${i}].group_id`, message: `steps[${i}].group_id: no group ${step.group_id} in this account` });
      } else if (step.type === 'http_request') {
        const problem = await this.urlProblem(step.url);
        if (problem) problems.push({ field: `steps[${i}].url`, message: `steps[${i}].url is not allowed: ${problem}` });
      }
    }
    return problems;
  }

  private async urlProblem(url: string): Promise<string | null> {
    try {
      await this.guard.assertAllowed(url);
      return null;
    } catch (error) {
      if (error instanceof BlockedDestinationError) return error.message;
      throw error;
    }
  }
}
