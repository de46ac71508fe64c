import { ENDPOINT_ALERT_TEMPLATES } from './endpoint-alert-templates';

/**
 * Every email the hub sends on its own behalf, as Liquid (rendered with
 * strict variables, so a missing one fails at enqueue, in the caller's
 * request, not later in the worker). Plain text, and optionally an HTML
 * alternative whose values are escaped: nothing a user typed (an account
 * name) can turn into markup or a link.
 */
export const SYSTEM_MAIL_TEMPLATES = {
  ...ENDPOINT_ALERT_TEMPLATES,
  /** A new email signed up: the link that creates the account. */
  'signup-confirm': {
    subject: 'Confirm your email to create your Webhook Hub account',
    text: `Hello,

Someone (hopefully you) asked to create the Webhook Hub account "{{ account_name }}" with this email address.

Open this link to confirm it and create the account:

{{ confirm_url }}

The link works once and expires in {{ expires_hours }} hours. If you did not ask for this, ignore this email: no account is created without it.

— Webhook Hub at {{ hub_url }}
`,
  },
  /** Someone signed up with an email that already has an account: tell its owner, create nothing. */
  'signup-existing': {
    subject: 'You already have a Webhook Hub account',
    text: `Hello,

Someone (hopefully you) tried to sign up to Webhook Hub with this email address, but it already has an account. No new account was created.

Log in here:

{{ login_url }}

If you have forgotten your password, ask your hub's administrator to reset it. If you did not try to sign up, you can ignore this email.

— Webhook Hub at {{ hub_url }}
`,
  },
} as const satisfies Record<string, { subject: string; text: string; html?: string }>;

export type SystemMailTemplate = keyof typeof SYSTEM_MAIL_TEMPLATES;
