import type { EmailChannel } from '../../api/types';
import { postmarkUrlForm } from './webhookSetup';

function MailgunSteps() {
  return (
    <ol>
      <li>
        Sign in to <strong>Mailgun</strong>, open <strong>Sending</strong> → <strong>Webhooks</strong> and pick the domain
        this channel sends from.
      </li>
      <li>
        Click <strong>Add webhook</strong>, choose an event, paste the <strong>webhook URL</strong> above and save. Do it
        for each event you want: Delivered, Opened, Clicked, Permanent failure, Temporary failure, Spam complaints and
        Unsubscribes.
      </li>
      <li>
        On the same page, find <strong>HTTP webhook signing key</strong>, click <strong>Show</strong>, copy the key and
        paste it into <strong>Webhook signing key</strong> below, then click <strong>Save changes</strong>.
      </li>
      <li>
        Click <strong>Test webhook</strong> in Mailgun, or send an email: the request appears under{' '}
        <strong>Recent webhook requests</strong> with its verification result.
      </li>
    </ol>
  );
}

function SesSteps() {
  return (
    <ol>
      <li>
        In the <strong>AWS console</strong>, open <strong>Amazon SNS</strong> → <strong>Topics</strong> →{' '}
        <strong>Create topic</strong>. Choose <em>Standard</em> and give it a name, such as <code>ses-events</code>.
      </li>
      <li>
        In that topic, click <strong>Create subscription</strong>. Protocol: <em>HTTPS</em> (<em>HTTP</em> if the URL
        above starts with <code>http://</code>). Endpoint: the <strong>webhook URL</strong> above. Leave raw message
        delivery off. The hub confirms the subscription by itself; after a few seconds AWS shows it as{' '}
        <em>Confirmed</em>.
      </li>
      <li>
        In <strong>Amazon SES</strong>, open the <strong>configuration set</strong> your mail uses (or the verified
        identity’s <strong>Notifications</strong> tab) and add an event destination of type <em>Amazon SNS</em> with
        that topic. Tick Delivery, Bounce and Complaint, and Open and Click if you track them.
      </li>
      <li>
        Optional: paste the topic’s ARN into <strong>SNS topic ARN</strong> below. Left empty, the hub keeps the topic
        of the first subscription confirmation and refuses any other.
      </li>
    </ol>
  );
}

function SendgridSteps() {
  return (
    <ol>
      <li>
        In <strong>SendGrid</strong>, open <strong>Settings</strong> → <strong>Mail Settings</strong> →{' '}
        <strong>Event Webhook</strong>.
      </li>
      <li>
        Paste the <strong>webhook URL</strong> above as the <em>Post URL</em> and tick the events to send: Delivered,
        Opened, Clicked, Bounced, Dropped, Deferred, Spam reports and Unsubscribes.
      </li>
      <li>
        Turn on <strong>Signed Event Webhook</strong> and save. SendGrid then shows a <em>Verification key</em>: copy it
        into <strong>Verification key</strong> below and click <strong>Save changes</strong>.
      </li>
      <li>
        Click <strong>Test Your Integration</strong> in SendGrid: the request appears under{' '}
        <strong>Recent webhook requests</strong> with its verification result.
      </li>
    </ol>
  );
}

function PostmarkSteps({ channel }: { channel: EmailChannel }) {
  return (
    <ol>
      <li>
        Choose a <strong>basic auth user and password</strong> below and save them. Postmark proves it is Postmark by
        sending them with every webhook.
      </li>
      <li>
        In <strong>Postmark</strong>, open <strong>Servers</strong>, your server, the message stream this channel sends
        through, then <strong>Webhooks</strong> → <strong>Add webhook</strong>.
      </li>
      <li>
        As the webhook URL, enter the URL above with the user and password in front of the host:{' '}
        <code className="break-all">{postmarkUrlForm(channel.webhook_url, channel.basic_auth?.user)}</code>, typing your
        password where the <code>…</code> is. (Or paste the plain URL and fill Postmark’s basic auth fields with the same
        user and password.)
      </li>
      <li>
        Tick Delivery, Bounce, Spam complaint, Open, Link click and Subscription change, save, and click{' '}
        <strong>Send test</strong>: the request appears under <strong>Recent webhook requests</strong>.
      </li>
    </ol>
  );
}

/** The numbered steps to set up the provider's delivery webhooks, in the provider's own words for its screens. */
export function ProviderSetupSteps({ channel }: { channel: EmailChannel }) {
  switch (channel.provider) {
    case 'mailgun':
      return <MailgunSteps />;
    case 'ses':
      return <SesSteps />;
    case 'sendgrid':
      return <SendgridSteps />;
    case 'postmark':
      return <PostmarkSteps channel={channel} />;
    case 'smtp':
      return null;
  }
}
