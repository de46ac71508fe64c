import { Injectable } from '@nestjs/common';
import { OneTimeMarks } from '@hub/inbound-log';

/** Carries the hub's "Send a test lead" through the public route: which source it is for, and the sample answers. */
export const TEST_LEAD_HEADER = 'x-webhook-hub-test-lead';

export interface TestLeadMark {
  sourceId: string;
  fields: Record<string, string>;
}

/**
 * How the public lead routes tell the admin app's test lead from a provider's
 * request: the tester sends it through the route in this process
 * (fastify.inject) with a one-time token only this process issues. It lets
 * the test carry its answers (Meta's notifications carry none, and a made-up
 * lead id is not in the Graph API) and stand in for the Google key, which
 * the hub keeps only as a hash.
 */
@Injectable()
export class LeadTestMarks extends OneTimeMarks<TestLeadMark> {}
