import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { deleteInBatches, RowPurges } from '@hub/operations';

const PURGE_EVERY_MS = 60 * 60 * 1000;

/** Registers the hourly purge of signup requests a week past their expiry (kept that long so a late click says "expired", not "unknown"). */
@Injectable()
export class SignupRequestRetention implements OnModuleInit {
  constructor(
    private readonly purges: RowPurges,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.purges.register({ name: 'signup requests', everyMs: PURGE_EVERY_MS, purge: () => this.purge() });
  }

  purge(): Promise<number> {
    return deleteInBatches(this.dataSource, 'signup_requests', `expires_at < now() - interval '7 days'`);
  }
}
