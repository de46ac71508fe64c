// Verification and normalising of each ESP's delivery webhooks (issue 17); the routes, matching and worker come next.
export { MailgunSignature, MailgunSignatureFields, MAILGUN_MAX_AGE_SECONDS } from './mailgun/mailgun-signature';
export { SendgridSignature, SENDGRID_SIGNATURE_HEADER, SENDGRID_TIMESTAMP_HEADER } from './sendgrid/sendgrid-signature';
export { PostmarkBasicAuth } from './postmark/postmark-basic-auth';
export { readSnsMessage, SnsMessage, SnsMessageError, SnsMessageType, snsStringToSign, verifySnsSignature } from './ses/sns-message';
export { isSnsUrl } from './ses/sns-urls';
export { EmailEvent, EmailEventKind } from './normalise/email-event';
export { normaliseMailgun } from './normalise/mailgun-events';
export { normaliseSendgrid } from './normalise/sendgrid-events';
export { normalisePostmark } from './normalise/postmark-events';
export { normaliseSes } from './normalise/ses-events';
