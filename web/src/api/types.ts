/**
 * Short names for the API shapes the screens use. Every one is an alias of
 * the schema generated from the API's committed `openapi.json`
 * (`schema.d.ts`, written by `npm run api:generate`): nothing here is hand-typed
 * except the error body's `details` entries, which the spec leaves open.
 */
import type { components } from './schema';

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

export type InboundLog = Schemas['InboundLogSummaryDto'];
export type InboundLogOutcome = InboundLog['outcome'];
export type InboundLogDetail = Schemas['InboundLogDetailDto'];
export type ReplayResult = Schemas['ReplayResultDto'];

export type Workflow = WithSteps<Schemas['WorkflowDto']>;
export type WorkflowWithSecret = WithSteps<Schemas['WorkflowWithSecretDto']>;
/**
 * The step schemas by the `type` the API really uses. Correction of the generated
 * schema: `CreateWorkflowDto.steps` declares a discriminator without a `mapping`,
 * so openapi-typescript types each step's `type` as its schema name
 * (`"SendEmailStepDto"`) instead of `send_email`. Drop this once openapi.json
 * maps the discriminator.
 */
interface StepSchemas {
  send_email: Schemas['SendEmailStepDto'];
  send_whatsapp: Schemas['SendWhatsappStepDto'];
  send_sms: Schemas['SendSmsStepDto'];
  wait: Schemas['WaitStepDto'];
  http_request: Schemas['HttpRequestStepDto'];
  update_contact: Schemas['UpdateContactStepDto'];
  add_to_group: Schemas['AddToGroupStepDto'];
}
export type WorkflowStepType = keyof StepSchemas;
export type WorkflowStep = { [K in WorkflowStepType]: Omit<StepSchemas[K], 'type'> & { type: K } }[WorkflowStepType];
type WithSteps<T> = Omit<T, 'steps'> & { steps: WorkflowStep[] };
export type CreateWorkflowRequest = WithSteps<Schemas['CreateWorkflowDto']>;
export type UpdateWorkflowRequest = Omit<Schemas['UpdateWorkflowDto'], 'steps'> & { steps?: WorkflowStep[] };
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

export type Message = Schemas['MessageSummaryDto'];
export type MessageDetail = Schemas['MessageDto'];
export type MessageStatus = Message['status'];
export type SendMessageRequest = Schemas['SendMessageDto'];
export type SendAccepted = Schemas['SendAcceptedDto'];
