// The decorators first: they import nothing of ours, and every lib (also
// @hub/operations, which AccountsModule reaches through @hub/system-mail)
// needs them while this index may still be loading the module below.
export { AccountId, AuthContext, CurrentAuth, Public } from './auth/auth-context';
export { AccountsModule } from './accounts.module';
export { Account } from './accounts/account.entity';
export { AccountsWorkerModule } from './accounts-worker.module';
