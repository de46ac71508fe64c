/** Swagger examples: each provider's webhook body as it sends it. */
export const MAILGUN_EXAMPLE = {
  signature: { timestamp: '1764763200', token: '8f3c1c2a9b0d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e', signature: '2d4f6a8c0e1f3a5b7c9d1e3f5a7b9c1d3e5f7a9b1c3d5e7f9a1b3c5d7e9f1a3b' },
  'event-data': {
    id: 'Ase7i2zsRYeDXztHGENqRA',
    event: 'delivered',
    timestamp: 1764763200.123,
    recipient: 'maria.gonzalez@example.com',
    message: { headers: { 'message-id': '9a7b5c3d-1e2f-4a6b-8c0d-2e4f6a8b0c1d@shop.example.com' } },
    'delivery-status': { code: 250, message: 'OK' },
  },
};

export const SENDGRID_EXAMPLE = [
  {
    email: 'maria.gonzalez@example.com',
    timestamp: 1764763200,
    event: 'delivered',
    'smtp-id': '<9a7b5c3d-1e2f-4a6b-8c0d-2e4f6a8b0c1d@shop.example.com>',
    sg_event_id: 'ZGVsaXZlcmVkLTAtMjQ5NjU5MjgtZ0dNQ1',
    sg_message_id: 'W86EgYT6SQKk0lRflfLRsA.filter0425p1las1-13233-5E4F3D7A-B.0',
    response: '250 OK',
  },
  { email: 'old.address@example.org', timestamp: 1764763205, event: 'bounce', type: 'bounce', reason: '550 5.1.1 The email account that you tried to reach does not exist', sg_event_id: 'Ym91bmNlLTAtMjQ5NjU5MjgtZ0dNQ1', sg_message_id: 'X97FhZU7TRLl1mSgmgMStB.filter0425p1las1-13233-5E4F3D7A-B.0' },
];

export const POSTMARK_EXAMPLE = {
  RecordType: 'Delivery',
  ServerID: 23,
  MessageStream: 'outbound',
  MessageID: '883953f4-6105-42a2-a16a-77a8eac79483',
  Recipient: 'maria.gonzalez@example.com',
  Tag: 'welcome',
  DeliveredAt: '2026-12-03T12:00:00Z',
  Details: 'Test delivery webhook details',
  Metadata: {},
};

export const SNS_EXAMPLE = {
  Type: 'Notification',
  MessageId: '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324',
  TopicArn: 'arn:aws:sns:eu-west-1:123456789012:ses-events',
  Message: '{"notificationType":"Delivery","mail":{"timestamp":"2026-12-03T12:00:00.000Z","messageId":"0100018c7f3e5c0b-2a8f1d4e-000000","destination":["maria.gonzalez@example.com"]},"delivery":{"timestamp":"2026-12-03T12:00:01.000Z","recipients":["maria.gonzalez@example.com"]}}',
  Timestamp: '2026-12-03T12:00:01.512Z',
  SignatureVersion: '2',
  Signature: 'EXAMPLEpH+DcEwjAPg8O9mY8dReBSwksfg2S7WKQcikcNKWLQjwu6A4VbeS0QHVCkhRS7fUQvi2egU3N858fiTDN6bkkOxYDVrY0Ad8L10Hs3zH81mtnPk5uvvolIC1CXGu43obcgFxeL3khZl8IKvO61GWB6jI9b5+gLPoBc1Q=',
  SigningCertURL: 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-01d088a6f77103d0fe307c0069e40ed6.pem',
  UnsubscribeURL: 'https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:eu-west-1:123456789012:ses-events:c9135db0',
};
