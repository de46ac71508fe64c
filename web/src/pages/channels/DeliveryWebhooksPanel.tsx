import type { EmailChannel } from '../../api/types';
import { CopyField } from '../../ui/CopyField';
import { LocalUrlWarning } from '../../ui/LocalUrlWarning';
import { PROVIDER_LABELS } from './channelFormModel';
import { ProviderSetupSteps } from './ProviderSetupSteps';
import { RecentWebhookRequests } from './RecentWebhookRequests';
import { setupGaps } from './webhookSetup';

/** Plain SMTP: no events come back, and how to get them. */
function NoProviderPanel() {
  return (
    <section className="card" aria-labelledby="channel-webhook-heading">
      <h3 id="channel-webhook-heading">Delivery webhooks</h3>
      <p>
        Plain SMTP reports nothing back, so this channel receives no delivery events: its messages stop at “sent”, and
        bounces and complaints go unnoticed.
      </p>
      <p className="field-hint">
        To see deliveries, opens, clicks and bounces, pick the company that runs your SMTP server under{' '}
        <strong>Email provider</strong> below (Mailgun, Amazon SES, SendGrid or Postmark) and save. The webhook URL to
        paste there, and the steps, then appear here.
      </p>
    </section>
  );
}

/**
 * The provider's side of the channel: the webhook URL to paste with Copy,
 * what the channel still lacks, the steps at the provider, and the requests
 * that reached the URL with their verification result.
 */
export function DeliveryWebhooksPanel({ channel }: { channel: EmailChannel }) {
  if (channel.provider === 'smtp') return <NoProviderPanel />;
  const provider = PROVIDER_LABELS[channel.provider];
  const gaps = setupGaps(channel);
  return (
    <>
      <section className="card" aria-labelledby="channel-webhook-heading">
        <h3 id="channel-webhook-heading">Delivery webhooks from {provider}</h3>
        <p className="field-hint">
          {provider} tells the hub what became of each email (delivered, opened, clicked, bounced…) by calling this URL.
        </p>
        <CopyField label="Webhook URL" value={channel.webhook_url} copyLabel="Copy webhook URL" showLabel />
        <LocalUrlWarning url={channel.webhook_url} caller={provider} />
        {gaps.map((gap) => (
          <p key={gap.text} className={gap.blocking ? 'warning' : 'notice'} role="note">
            {gap.text}
          </p>
        ))}
        <details className="how-to" open={gaps.some((gap) => gap.blocking)}>
          <summary>Step by step in {provider}</summary>
          <ProviderSetupSteps channel={channel} />
        </details>
      </section>
      <RecentWebhookRequests channel={channel} />
    </>
  );
}
