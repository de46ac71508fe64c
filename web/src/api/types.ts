/**
 * Short names for the API shapes the screens use. Every one is an alias of
 * the schema generated from the API's committed `openapi.json`
 * (`schema.d.ts`, written by `npm run api:generate`): nothing here is hand-typed
 * except the error body's `details` entries, which the spec leaves open.
 */
import type { components, paths } from './schema';

type Schemas = components['schemas'];

/** `details` entry of a 400 answer: one per bad field. */
export interface FieldErrorDetail {
  field: string;
  message: string;
}

/** Body of every error answer. */
export type ApiErrorBody = Omit<Schemas['ErrorBody'], 'details'> & { details?: FieldErrorDetail[] | unknown };

export type LoginRequest = Schemas['LoginDto'];
export type LoginResponse = Schemas['SessionDto'];
export type Me = Schemas['MeDto'];
export type SignupRequest = Schemas['SignupDto'];
/** 202: nobody signed in yet (`confirmation_sent`: the email says what next; `not_created`: no mailer, email taken). */
export type SignupAccepted = Schemas['SignupAcceptedDto'];
export type SignupConfirmRequest = Schemas['SignupConfirmDto'];
export type EventType = Schemas['EventTypeDto'];
export type ApiKey = Schemas['ApiKeyDto'];
export type CreateApiKeyRequest = Schemas['CreateApiKeyDto'];
export type CreatedApiKey = Schemas['CreatedApiKeyDto'];
export type Contact = Schemas['ContactDto'];

export type Channel = Schemas['EmailChannelResponse'] | Schemas['WhatsappChannelResponse'] | Schemas['SmsChannelResponse'];

export type Endpoint = Schemas['EndpointResponse'];
export type EndpointInput = Schemas['EndpointInputDto'];
export type EndpointWithSecret = Schemas['EndpointWithSecretResponse'];
export type RotatedEndpoint = Schemas['RotatedEndpointResponse'];
export type VerificationFailedBody = Schemas['VerificationFailedBody'];
export type TestUnsavedRequest = Schemas['TestUnsavedEndpointDto'];
/** What a test send did: the request as sent and what came back. */
export type TestSendResult = Schemas['TestSendResponse'];
export type SentRequest = Schemas['SentRequestResponse'];

export type Delivery = Schemas['DeliveryItemDto'];
export type DeliveryStatus = Delivery['status'];
export type DeliveryPage = Schemas['DeliveryPageDto'];
export type DeliveryDetail = Schemas['DeliveryDetailDto'];
export type DeliveryAttempt = Schemas['DeliveryAttemptDto'];
export type DeliveryEvent = Schemas['DeliveryEventDto'];
/** What the log's Status filter can ask for: the stored statuses and `retrying`. */
export type DeliveryStatusFilter = NonNullable<NonNullable<paths['/api/deliveries']['get']['parameters']['query']>['status']>;
/** How many deliveries a re-send covers (or, with dry_run, would cover), per URL. */
export type RequeueSummary = Omit<Schemas['RecoveredDto'], 'recovered'>;

export type InboundLog = Schemas['InboundLogSummaryDto'];
export type InboundLogOutcome = InboundLog['outcome'];
export type InboundLogDetail = Schemas['InboundLogDetailDto'];
export type ReplayResult = Schemas['ReplayResultDto'];

export type Workflow = Schemas['WorkflowDto'];
export type WorkflowWithSecret = Schemas['WorkflowWithSecretDto'];
/** One step: a union told apart by `type` (openapi.json maps the discriminator). */
export type WorkflowStep = Schemas['CreateWorkflowDto']['steps'][number];
export type WorkflowStepType = WorkflowStep['type'];
export type CreateWorkflowRequest = Schemas['CreateWorkflowDto'];
export type UpdateWorkflowRequest = Schemas['UpdateWorkflowDto'];
export type WorkflowRun = Schemas['WorkflowRunDto'];
export type StepState = Schemas['StepStateDto'];

export type EmailChannel = Schemas['EmailChannelResponse'];
export type WhatsappChannel = Schemas['WhatsappChannelResponse'];
export type SmsChannel = Schemas['SmsChannelResponse'];
export type ChannelType = Channel['type'];
export type EmailProvider = EmailChannel['provider'];
export type CreateEmailChannelRequest = Schemas['CreateEmailChannelDto'];
export type UpdateEmailChannelRequest = Schemas['UpdateEmailChannelDto'];
export type CreateSmsChannelRequest = Schemas['CreateSmsChannelDto'];
export type UpdateSmsChannelRequest = Schemas['UpdateSmsChannelDto'];

export type CreateContactRequest = Schemas['CreateContactDto'];
export type UpdateContactRequest = Schemas['UpdateContactDto'];
/** A contact status or contact source: both are named lookups of the account. */
export type CrmLookup = Schemas['CrmLookupDto'];

export type Group = Schemas['GroupDto'];
export type GroupMember = Schemas['GroupMemberDto'];
export type AddGroupMemberRequest = Schemas['AddGroupMemberDto'];

export type LeadSource = Schemas['LeadSourceDto'];
export type LeadProvider = LeadSource['provider'];
export type CreateLeadSourceRequest = Schemas['CreateLeadSourceDto'];
export type UpdateLeadSourceRequest = Schemas['UpdateLeadSourceDto'];
export type Lead = Schemas['LeadDto'];
export type LeadStatus = Lead['status'];
export type TestLeadResult = Schemas['TestLeadResultDto'];
export type RetriedLeads = Schemas['RetriedLeadsDto'];

export type Message = Schemas['MessageSummaryDto'];
export type MessageDetail = Schemas['MessageDto'];
export type ProviderEvent = Schemas['ProviderEventDto'];
export type ProviderEventKind = ProviderEvent['kind'];
export type MessageStatus = Message['status'];
export type SendMessageRequest = Schemas['SendMessageDto'];
export type SendAccepted = Schemas['SendAcceptedDto'];

export type StatsRange = NonNullable<NonNullable<paths['/api/stats/deliveries']['get']['parameters']['query']>['range']>;
export type DeliveryStats = Schemas['DeliveryStatsDto'];
export type OutcomeBucket = Schemas['OutcomeBucketDto'];
export type InboundStats = Schemas['InboundStatsDto'];
export type InboundSourceStats = Schemas['InboundSourceStatsDto'];
export type QueueBacklog = Schemas['QueueBacklogDto'];
export type EndpointHealth = Schemas['EndpointHealthDto'];
