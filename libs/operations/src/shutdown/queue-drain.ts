import { Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import Bull from 'bull';

/**
 * Every Bull queue of this process — @nestjs/bull registers each one as a
 * provider, so none has to sign up here and a new queue is drained too.
 */
@Injectable()
export class QueueDrain {
  constructor(private readonly discovery: DiscoveryService) {}

  /**
   * Stops this process taking jobs and resolves once the jobs it is running
   * have finished. A local pause: other processes keep consuming, and this one
   * can still add jobs (a request in flight may enqueue).
   */
  async drain(): Promise<void> {
    const queues = new Set<Bull.Queue>();
    for (const wrapper of this.discovery.getProviders()) {
      if (wrapper.instance instanceof Bull) queues.add(wrapper.instance as Bull.Queue);
    }
    await Promise.all([...queues].map((queue) => queue.pause(true)));
  }
}
