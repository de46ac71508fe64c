/**
 * The mails that tell an account's admins about a failing endpoint (issue 21,
 * point 4; Standard Webhooks asks for notice by another channel before and
 * when an endpoint is disabled). Every value is given by libs/subscriptions:
 * no secret goes in (the URL is shown without its query, where tokens live),
 * and the HTML escapes each value (SystemMailRenderer).
 */
export const ENDPOINT_ALERT_TEMPLATES = {
  /** Every attempt to an endpoint has failed for ENDPOINT_FAILING_ALERT_SECONDS. */
  'endpoint-failing': {
    subject: 'Webhook endpoint failing: {{ endpoint_name }}',
    text: `Hello,

The webhook endpoint "{{ endpoint_name }}" of the account "{{ account_name }}" has failed every delivery attempt since {{ failing_since }} ({{ failing_for }}).

  URL:        {{ endpoint_url }}
  Last error: {{ last_error }}
  Retrying:   {{ retrying_count }} deliveries

The hub keeps retrying them. If the endpoint keeps failing until {{ disables_at }}, the hub disables it and stops sending.

Open the endpoint:
{{ endpoint_link }}

Its deliveries:
{{ deliveries_link }}

You get this once per run of failures: again only after a delivery has succeeded and the endpoint fails anew.

— Webhook Hub at {{ hub_url }}
`,
    html: `<p>Hello,</p>
<p>The webhook endpoint <strong>{{ endpoint_name }}</strong> of the account <strong>{{ account_name }}</strong> has failed every delivery attempt since {{ failing_since }} ({{ failing_for }}).</p>
<table role="presentation" cellpadding="4">
<tr><th align="left">URL</th><td><code>{{ endpoint_url }}</code></td></tr>
<tr><th align="left">Last error</th><td>{{ last_error }}</td></tr>
<tr><th align="left">Retrying</th><td>{{ retrying_count }} deliveries</td></tr>
</table>
<p>The hub keeps retrying them. If the endpoint keeps failing until {{ disables_at }}, the hub disables it and stops sending.</p>
<p><a href="{{ endpoint_link }}">Open the endpoint</a> · <a href="{{ deliveries_link }}">See its deliveries</a></p>
<p>You get this once per run of failures: again only after a delivery has succeeded and the endpoint fails anew.</p>
<p>— Webhook Hub at <a href="{{ hub_url }}">{{ hub_url }}</a></p>
`,
  },
  /** The delivery engine disabled an endpoint (410 Gone, or failing for 5 days). */
  'endpoint-disabled': {
    subject: 'Webhook endpoint disabled: {{ endpoint_name }}',
    text: `Hello,

The hub disabled the webhook endpoint "{{ endpoint_name }}" of the account "{{ account_name }}" on {{ disabled_at }} because {{ reason }}.

  URL:        {{ endpoint_url }}
  Last error: {{ last_error }}

No events are sent to it now, and its pending deliveries end as failed. Once the receiver works again, enable the endpoint and recover the deliveries it missed:
{{ endpoint_link }}

Its deliveries:
{{ deliveries_link }}

— Webhook Hub at {{ hub_url }}
`,
    html: `<p>Hello,</p>
<p>The hub disabled the webhook endpoint <strong>{{ endpoint_name }}</strong> of the account <strong>{{ account_name }}</strong> on {{ disabled_at }} because {{ reason }}.</p>
<table role="presentation" cellpadding="4">
<tr><th align="left">URL</th><td><code>{{ endpoint_url }}</code></td></tr>
<tr><th align="left">Last error</th><td>{{ last_error }}</td></tr>
</table>
<p>No events are sent to it now, and its pending deliveries end as failed. Once the receiver works again, enable the endpoint and recover the deliveries it missed.</p>
<p><a href="{{ endpoint_link }}">Open the endpoint</a> · <a href="{{ deliveries_link }}">See its deliveries</a></p>
<p>— Webhook Hub at <a href="{{ hub_url }}">{{ hub_url }}</a></p>
`,
  },
} as const satisfies Record<string, { subject: string; text: string; html: string }>;
