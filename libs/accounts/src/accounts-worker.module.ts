import { Module } from '@nestjs/common';
import { WorkModule } from '@hub/operations';
import { SignupRequestRetention } from './signup/signup-request-retention';

/** The worker side of accounts: the purge of old signup requests. */
@Module({
  imports: [WorkModule],
  providers: [SignupRequestRetention],
})
export class AccountsWorkerModule {}
