import { execFileSync } from 'node:child_process';
import { createHmac, createSign, generateKeyPairSync, KeyObject, randomBytes, sign } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { snsStringToSign } from '@hub/email-events';

/** Each ESP's webhook, built and signed byte for byte as the ESP does, with keys made here. */

export function mailgunBody(signingKey: string, eventData: Record<string, unknown>, options: { timestamp?: number; token?: string } = {}): string {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const token = options.token ?? randomBytes(25).toString('hex');
  const signature = createHmac('sha256', signingKey).update(timestamp + token).digest('hex');
  return JSON.stringify({ signature: { timestamp, token, signature }, 'event-data': eventData });
}

export class SendgridSigner {
  private readonly privateKey: KeyObject;
  /** Base64 DER SPKI, as SendGrid shows its verification key. */
  readonly publicKey: string;

  constructor() {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  }

  /** SendGrid's body (a JSON array, ending with CRLF) and headers. */
  sign(events: unknown[], timestamp = String(Math.floor(Date.now() / 1000))): { raw: string; headers: Record<string, string> } {
    const raw = `${JSON.stringify(events)}\r\n`;
    const signature = sign('sha256', Buffer.from(timestamp + raw), this.privateKey).toString('base64');
    return { raw, headers: { 'x-twilio-email-event-webhook-signature': signature, 'x-twilio-email-event-webhook-timestamp': timestamp } };
  }
}

/** A key and self-signed certificate made with openssl, standing in for AWS's SNS signing certificate. */
export class SnsSigner {
  readonly key: string;
  readonly cert: string;

  constructor() {
    const dir = mkdtempSync(join(tmpdir(), 'sns-cert-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=sns.us-east-1.amazonaws.com'], { stdio: 'ignore' });
    this.key = readFileSync(join(dir, 'key.pem'), 'utf8');
    this.cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
  }

  /** The message with its Signature, SignatureVersion 1 (SHA1withRSA) or 2 (SHA256withRSA). */
  sign<T extends Record<string, string>>(message: T, version: '1' | '2' = '2'): T & { SignatureVersion: string; Signature: string } {
    const unsigned = { ...message, SignatureVersion: version, Signature: '' };
    const signer = createSign(version === '1' ? 'RSA-SHA1' : 'RSA-SHA256');
    signer.update(snsStringToSign(unsigned as never));
    return { ...unsigned, Signature: signer.sign(this.key, 'base64') };
  }
}
