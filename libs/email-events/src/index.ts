export { EmailEventsModule } from './email-events.module';
export { EmailEventsWorkerModule } from './email-events-worker.module';
export { SnsConfirmation } from './ses/sns-confirmation.entity';
export { SNS_CONFIRMATION_QUEUE, SNS_CONFIRMATION_RETRY_DELAYS_MS } from './queues/sns-confirmation/sns-confirmation.queue';
export { MailgunSignature } from './mailgun/mailgun-signature';
export { SendgridSignature, SENDGRID_SIGNATURE_HEADER, SENDGRID_TIMESTAMP_HEADER } from './sendgrid/sendgrid-signature';
export { snsStringToSign } from './ses/sns-message';
