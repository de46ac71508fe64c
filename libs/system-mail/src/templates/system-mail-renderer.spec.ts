import { SystemMailRenderer } from './system-mail-renderer';

describe('SystemMailRenderer', () => {
  const renderer = new SystemMailRenderer();

  it('fills the variables of a template, leaving Liquid in a value as text', () => {
    const mail = renderer.render('signup-confirm', {
      account_name: '{{ confirm_url }} Acme',
      confirm_url: 'https://hub.example.com/signup/confirm#token=abc',
      expires_hours: 24,
      hub_url: 'https://hub.example.com',
    });
    expect(mail.subject).toBe('Confirm your email to create your Webhook Hub account');
    expect(mail.text).toContain('"{{ confirm_url }} Acme"');
    expect(mail.text).toContain('\nhttps://hub.example.com/signup/confirm#token=abc\n');
    expect(mail.text).toContain('expires in 24 hours');
  });

  it('renders the HTML alternative with every value escaped, and none for a text-only template', () => {
    const mail = renderer.render('endpoint-disabled', {
      endpoint_name: '<script>alert(1)</script>',
      account_name: 'Tom & "Jerry"',
      endpoint_url: 'https://crm.example.com/hooks?…',
      disabled_at: '2026-12-03 17:05 UTC',
      reason: 'its receiver answered 410 Gone',
      last_error: 'HTTP 410',
      endpoint_link: 'https://hub.example.com/webhooks?edit=1&x=<y>',
      deliveries_link: 'https://hub.example.com/deliveries?endpoint_id=1',
      hub_url: 'https://hub.example.com',
    });
    expect(mail.subject).toBe('Webhook endpoint disabled: <script>alert(1)</script>');
    expect(mail.text).toContain('"<script>alert(1)</script>" of the account "Tom & "Jerry""');
    expect(mail.html).toContain('<strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong> of the account <strong>Tom &amp; &#34;Jerry&#34;</strong>');
    expect(mail.html).toContain('<a href="https://hub.example.com/webhooks?edit=1&amp;x=&lt;y&gt;">Open the endpoint</a>');
    expect(mail.html).not.toContain('<script>');
    expect(renderer.render('signup-existing', { hub_url: 'https://hub.example.com', login_url: 'https://hub.example.com/login' }).html).toBeNull();
  });

  it('refuses a missing variable and an unknown template instead of sending a broken mail', () => {
    expect(() => renderer.render('signup-existing', { hub_url: 'https://hub.example.com' })).toThrow(/login_url/);
    expect(() => renderer.render('no-such' as never, {})).toThrow('Unknown system mail template "no-such"');
  });
});
