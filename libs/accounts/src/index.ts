export { AccountId, AuthContext, CurrentAuth, Public } from './auth/auth-context';
export { AccountsModule } from './accounts.module';
export { Account } from './accounts/account.entity';
export { AccountsWorkerModule } from './accounts-worker.module';
export { AccountAdmins, AccountAdminsOf } from './accounts/account-admins';
