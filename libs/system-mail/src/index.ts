export { SystemMailModule } from './system-mail.module';
export { SystemMailWorkerModule } from './system-mail-worker.module';
export { SystemMail, SystemMailInput, SystemMailNotConfiguredError } from './mails/system-mail';
export type { SystemMailRow, SystemMailStatus } from './mails/system-mail.entity';
export { SYSTEM_MAIL_TEMPLATES, SystemMailTemplate } from './templates/system-mail-templates';
export { SYSTEM_MAIL_QUEUE, SYSTEM_MAIL_RETRY_DELAYS_MS } from './queues/system-mail/system-mail.queue';
