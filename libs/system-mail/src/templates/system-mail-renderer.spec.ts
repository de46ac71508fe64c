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

  it('refuses a missing variable and an unknown template instead of sending a broken mail', () => {
    expect(() => renderer.render('signup-existing', { hub_url: 'https://hub.example.com' })).toThrow(/login_url/);
    expect(() => renderer.render('no-such' as never, {})).toThrow('Unknown system mail template "no-such"');
  });
});
