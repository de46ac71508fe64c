import { Injectable } from '@nestjs/common';
import { isKnownEventType } from '@hub/events';
import { SAMPLE_EVENT_TYPES } from '@hub/payload-formats';
import { ErrorDetail } from '@hub/http';
import { generateEndpointSecret } from '../signing/endpoint-secret';
import { TestSavedEndpointDto, TestUnsavedEndpointDto } from './dto/endpoint-input.dto';
import { TestSendResponse, UnsavedTestSendResponse } from './dto/endpoint-response.dto';
import { EndpointCredentials } from './endpoint-credentials';
import { EndpointDestinations } from './endpoint-destinations';
import { EndpointProbe } from './endpoint-probe';
import { fieldErrors, headerProblems, normaliseHeaders, urlProblems } from './endpoint-rules';
import { EndpointsService } from './endpoints.service';

function eventTypeProblem(type: string): ErrorDetail[] {
  return isKnownEventType(type) ? [] : [{ field: 'event_type', message: `event_type "${type}" is not a catalog event type or custom.<name>` }];
}

/** "Send a test now" for a saved endpoint or a URL being typed in: what was sent and what came back. */
@Injectable()
export class EndpointTestsService {
  constructor(
    private readonly endpoints: EndpointsService,
    private readonly credentials: EndpointCredentials,
    private readonly destinations: EndpointDestinations,
    private readonly probe: EndpointProbe,
  ) {}

  async testSaved(accountId: string, id: string, input: TestSavedEndpointDto): Promise<TestSendResponse> {
    const endpoint = await this.endpoints.get(accountId, id);
    const type = input.event_type ?? SAMPLE_EVENT_TYPES[endpoint.payload_format];
    const problems = eventTypeProblem(type);
    const url = endpoint.event_urls[type] ?? endpoint.url;
    if (problems.length === 0 && !url) problems.push({ field: 'event_type', message: `This endpoint has no URL for ${type}: it has no common url and no event_urls.${type}` });
    if (problems.length > 0 || !url) throw fieldErrors(problems);
    return this.probe.send({
      url,
      accountId,
      endpointId: endpoint.id,
      eventType: type,
      secrets: this.credentials.signingSecrets(endpoint),
      bearerToken: this.credentials.bearerToken(endpoint),
      headers: endpoint.headers,
      timeoutMs: endpoint.timeout_ms,
      channel: await this.destinations.channel(accountId, endpoint.channel_id),
      format: endpoint.payload_format,
    });
  }

  /** Signed with a throwaway secret, returned so the receiver under construction can verify with it. */
  async testUnsaved(accountId: string, input: TestUnsavedEndpointDto): Promise<UnsavedTestSendResponse> {
    const type = input.event_type ?? SAMPLE_EVENT_TYPES[input.payload_format ?? 'standard'];
    const problems = [...urlProblems(input.url), ...eventTypeProblem(type), ...headerProblems(input.headers ?? {})];
    if (problems.length > 0) throw fieldErrors(problems);
    const secret = generateEndpointSecret();
    const result = await this.probe.send({
      url: input.url,
      accountId,
      endpointId: null,
      eventType: type,
      secrets: [secret],
      bearerToken: input.bearer_token,
      headers: normaliseHeaders(input.headers ?? {}),
      format: input.payload_format,
    });
    return { ...result, secret };
  }
}
