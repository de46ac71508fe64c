export { AccountsModule } from './accounts.module';
export { AccountId, AuthContext, CurrentAuth, Public } from './auth/auth-context';
export { Account } from './accounts/account.entity';
