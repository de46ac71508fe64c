/** What a workflow does, step by step. Stored as validated jsonb on the workflow and snapshotted on each run. */
export const STEP_TYPES = ['send_email', 'send_whatsapp', 'send_sms', 'wait', 'http_request', 'update_contact', 'add_to_group'] as const;
export type StepType = (typeof STEP_TYPES)[number];

export interface SendEmailStep {
  type: 'send_email';
  channel_id: string;
  /** Template. */
  subject: string;
  /** Template; `{{ link_unsubscribe }}` is available. */
  body: string;
}

export interface SendWhatsappStep {
  type: 'send_whatsapp';
  channel_id: string;
  body: string;
}

export interface SendSmsStep {
  type: 'send_sms';
  channel_id: string;
  body: string;
}

export type SendStep = SendEmailStep | SendWhatsappStep | SendSmsStep;

export interface WaitStep {
  type: 'wait';
  seconds: number;
}

export interface HttpRequestStep {
  type: 'http_request';
  url: string;
  /** An object whose string values are templates (sent as JSON), or one template string sent as is. */
  body?: Record<string, unknown> | string;
  /** Header values are templates; names are stored lower-cased. */
  headers?: Record<string, string>;
}

export type CustomFieldValue = string | number | boolean | null;

export interface UpdateContactStep {
  type: 'update_contact';
  fields: {
    first_name?: string;
    last_name?: string;
    /** String values are templates; null removes the field. */
    custom_fields?: Record<string, CustomFieldValue>;
  };
}

export interface AddToGroupStep {
  type: 'add_to_group';
  group_id: string;
}

export type WorkflowStep = SendStep | WaitStep | HttpRequestStep | UpdateContactStep | AddToGroupStep;

export const SEND_STEP_CHANNEL: Record<SendStep['type'], 'email' | 'whatsapp' | 'sms'> = {
  send_email: 'email',
  send_whatsapp: 'whatsapp',
  send_sms: 'sms',
};

export function isSendStep(step: WorkflowStep): step is SendStep {
  return step.type in SEND_STEP_CHANNEL;
}

export const MIN_WAIT_SECONDS = 1;
export const MAX_WAIT_SECONDS = 90 * 24 * 60 * 60;
