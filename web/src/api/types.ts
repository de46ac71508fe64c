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
