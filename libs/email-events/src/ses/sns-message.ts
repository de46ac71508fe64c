import { createVerify, X509Certificate } from 'node:crypto';

export type SnsMessageType = 'Notification' | 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';

/** An SNS HTTP(S) delivery: the JSON SNS posts (as text/plain). */
export interface SnsMessage {
  Type: SnsMessageType;
  MessageId: string;
  TopicArn: string;
  Subject?: string;
  Message: string;
  Timestamp: string;
  SignatureVersion: '1' | '2';
  Signature: string;
  SigningCertURL: string;
  Token?: string;
  SubscribeURL?: string;
}

const TYPES: readonly SnsMessageType[] = ['Notification', 'SubscriptionConfirmation', 'UnsubscribeConfirmation'];
const NOTIFICATION_KEYS = ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'] as const;
const CONFIRMATION_KEYS = ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'] as const;

/** What is wrong with a body that is not an SNS message: the field, and why. */
export class SnsMessageError extends Error {
  constructor(readonly field: string, problem: string) {
    super(`${field} ${problem}`);
  }
}

/** The SNS message in a parsed body, or SnsMessageError naming the first field that is missing or wrong. */
export function readSnsMessage(body: unknown): SnsMessage {
  const root = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  if (!root) throw new SnsMessageError('body', 'must be a JSON object (an SNS message)');
  if (!TYPES.includes(root.Type as SnsMessageType)) throw new SnsMessageError('Type', `must be one of ${TYPES.join(', ')}`);
  for (const field of ['MessageId', 'TopicArn', 'Message', 'Timestamp', 'Signature', 'SigningCertURL']) {
    if (typeof root[field] !== 'string' || root[field] === '') throw new SnsMessageError(field, 'is required');
  }
  if (root.SignatureVersion !== '1' && root.SignatureVersion !== '2') throw new SnsMessageError('SignatureVersion', 'must be "1" or "2"');
  if (root.Type !== 'Notification') {
    for (const field of ['Token', 'SubscribeURL']) if (typeof root[field] !== 'string' || root[field] === '') throw new SnsMessageError(field, 'is required');
  }
  return root as unknown as SnsMessage;
}

/** SNS's string to sign: `key\nvalue\n` for each present key, in SNS's order for the message type. */
export function snsStringToSign(message: SnsMessage): string {
  const keys = message.Type === 'Notification' ? NOTIFICATION_KEYS : CONFIRMATION_KEYS;
  return keys
    .filter((key) => message[key] !== undefined)
    .map((key) => `${key}\n${message[key]}\n`)
    .join('');
}

/** SignatureVersion 1 is SHA1withRSA, 2 is SHA256withRSA, with the public key of the signing certificate. Never throws. */
export function verifySnsSignature(message: SnsMessage, certificatePem: string): boolean {
  try {
    const publicKey = new X509Certificate(certificatePem).publicKey;
    const verifier = createVerify(message.SignatureVersion === '1' ? 'RSA-SHA1' : 'RSA-SHA256');
    verifier.update(snsStringToSign(message), 'utf8');
    return verifier.verify(publicKey, message.Signature, 'base64');
  } catch {
    return false;
  }
}
