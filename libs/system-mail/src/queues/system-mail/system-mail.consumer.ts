import { InjectQueue } from '@nestjs/bull';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { QueueConsumers } from '@hub/operations';
import { SystemMailRunner } from '../../sending/system-mail-runner';
import { SYSTEM_MAIL_CONCURRENCY, SYSTEM_MAIL_QUEUE, SystemMailJob } from './system-mail.queue';

/** The worker's consumer of `system-mail`: each job is one try of one mail, reloaded from PostgreSQL. */
@Injectable()
export class SystemMailConsumer implements OnModuleInit {
  constructor(
    @InjectQueue(SYSTEM_MAIL_QUEUE) private readonly queue: Queue<SystemMailJob>,
    private readonly consumers: QueueConsumers,
    private readonly runner: SystemMailRunner,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(this.queue, SYSTEM_MAIL_CONCURRENCY, (job) => this.runner.run(job.data.mailId));
  }
}
