import { InjectQueue } from '@nestjs/bull';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { QueueConsumers } from '@hub/operations';
import { LeadCaptureRunner } from '../../capture/lead-capture-runner';
import { LEAD_CAPTURE_CONCURRENCY, LEAD_CAPTURE_QUEUE, LeadCaptureJob } from './lead-capture.queue';

/** The worker's consumer of `lead-capture`: each job is one try of one lead, reloaded from PostgreSQL. */
@Injectable()
export class LeadCaptureConsumer implements OnModuleInit {
  constructor(
    @InjectQueue(LEAD_CAPTURE_QUEUE) private readonly queue: Queue<LeadCaptureJob>,
    private readonly consumers: QueueConsumers,
    private readonly runner: LeadCaptureRunner,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(this.queue, LEAD_CAPTURE_CONCURRENCY, (job) => this.runner.run(job.data.leadId));
  }
}
