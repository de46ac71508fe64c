import { execFileSync } from 'node:child_process';
import { createSign } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSnsMessage, SnsMessage, snsStringToSign, verifySnsSignature } from './sns-message';
import { isSnsUrl } from './sns-urls';

/** A key and self-signed certificate made here with openssl, standing in for AWS's signing certificate. */
function localSigningCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sns-cert-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=sns.us-east-1.amazonaws.com'], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
}

describe('SNS messages (signed with a locally generated certificate, as SNS signs)', () => {
  const { key, cert } = localSigningCertificate();
  const sign = (message: Omit<SnsMessage, 'Signature'>): SnsMessage => {
    const signer = createSign(message.SignatureVersion === '1' ? 'RSA-SHA1' : 'RSA-SHA256');
    signer.update(snsStringToSign({ ...message, Signature: '' }));
    return { ...message, Signature: signer.sign(key, 'base64') };
  };
  const notification = {
    Type: 'Notification' as const,
    MessageId: '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324',
    TopicArn: 'arn:aws:sns:us-east-1:123456789012:ses-events',
    Message: JSON.stringify({ notificationType: 'Delivery', mail: { messageId: '0100018c-abc' } }),
    Timestamp: '2026-12-03T09:14:00.000Z',
    SigningCertURL: 'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem',
  };

  it('builds the string to sign in SNS order, Subject only when present, and verifies versions 1 and 2', () => {
    expect(snsStringToSign({ ...notification, SignatureVersion: '2', Signature: '' })).toBe(
      `Message\n${notification.Message}\nMessageId\n${notification.MessageId}\nTimestamp\n${notification.Timestamp}\nTopicArn\n${notification.TopicArn}\nType\nNotification\n`,
    );
    for (const version of ['1', '2'] as const) {
      const signed = sign({ ...notification, SignatureVersion: version, Subject: 'Amazon SES Email Event Notification' });
      expect(verifySnsSignature(readSnsMessage(JSON.parse(JSON.stringify(signed))), cert)).toBe(true);
    }
  });

  it('verifies a subscription confirmation over its own keys, and refuses altered or unsigned messages', () => {
    const confirmation = sign({
      ...notification,
      Type: 'SubscriptionConfirmation',
      SignatureVersion: '2',
      Message: 'You have chosen to subscribe to the topic…',
      Token: '2336412f37f',
      SubscribeURL: 'https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&Token=2336412f37f',
    });
    expect(verifySnsSignature(confirmation, cert)).toBe(true);
    expect(verifySnsSignature({ ...confirmation, SubscribeURL: 'https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&Token=other' }, cert)).toBe(false);
    expect(verifySnsSignature({ ...confirmation, Signature: 'AAAA' }, cert)).toBe(false);
    expect(verifySnsSignature(confirmation, 'not a certificate')).toBe(false);
  });

  it('names the field an SNS message lacks', () => {
    const field = (body: unknown) => {
      try {
        readSnsMessage(body);
        return 'no error';
      } catch (error) {
        return (error as { field: string }).field;
      }
    };
    expect(field([])).toBe('body');
    expect(field({ ...notification, Type: 'Other' })).toBe('Type');
    expect(field({ ...notification, SignatureVersion: '3', Signature: 'x' })).toBe('SignatureVersion');
    expect(field({ ...notification, SignatureVersion: '2', Signature: 'x', Type: 'SubscriptionConfirmation' })).toBe('Token');
    expect(field({ ...notification, SignatureVersion: '2', Signature: 'x' })).toBe('no error');
  });
});

describe('isSnsUrl', () => {
  it('allows https SNS hosts of any region (China too), .pem for certificates', () => {
    expect(isSnsUrl('https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-x.pem', 'certificate')).toBe(true);
    expect(isSnsUrl('https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-x.pem', 'certificate')).toBe(true);
    expect(isSnsUrl('https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&Token=x', 'subscribe')).toBe(true);
  });

  it('refuses other hosts, http, ports, credentials, look-alikes and non-.pem certificates', () => {
    for (const url of [
      'http://sns.eu-west-1.amazonaws.com/x.pem',
      'https://sns.eu-west-1.amazonaws.com.evil.example/x.pem',
      'https://evil.example/sns.eu-west-1.amazonaws.com/x.pem',
      'https://sns.eu-west-1.amazonaws.com:8443/x.pem',
      'https://user:pw@sns.eu-west-1.amazonaws.com/x.pem',
      'https://sns.eu-west-1.amazonaws.com/x.txt',
      'https://s3.amazonaws.com/x.pem',
      'not a url',
    ]) {
      expect([url, isSnsUrl(url, 'certificate')]).toEqual([url, false]);
    }
  });

  it("trusts a test's local origin only when configured", () => {
    expect(isSnsUrl('http://127.0.0.1:4567/cert.pem', 'certificate')).toBe(false);
    expect(isSnsUrl('http://127.0.0.1:4567/cert.pem', 'certificate', ['http://127.0.0.1:4567'])).toBe(true);
  });
});
