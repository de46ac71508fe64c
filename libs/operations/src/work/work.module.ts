import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { QueueConsumers } from './queue-consumers';
import { RowPurges } from './row-purges';
import { WorkSweeper } from './work-sweeper';

/**
 * The worker's durable-work machinery: the sweeper every kind registers
 * with, the old-row purges, and the consumers with their boot check. Each
 * lib's worker module imports it (one instance per process).
 */
@Module({
  imports: [DiscoveryModule],
  providers: [WorkSweeper, RowPurges, QueueConsumers],
  exports: [WorkSweeper, RowPurges, QueueConsumers],
})
export class WorkModule {}
