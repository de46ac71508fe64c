import { Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@hub/config';
import { SystemMailModule } from '@hub/system-mail';
import { Account } from './accounts/account.entity';
import { User } from './accounts/user.entity';
import { ApiKey } from './api-keys/api-key.entity';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { PasswordHasher } from './auth/password-hasher';
import { AccountCreation } from './signup/account-creation';
import { SignupConfirmations } from './signup/signup-confirmations';
import { SignupRequest } from './signup/signup-request.entity';
import { SignupTokens } from './signup/signup-tokens';
import { AuthThrottlerGuard, authThrottlerOptions } from './throttling/auth-throttles';

@Module({
  imports: [
    TypeOrmModule.forFeature([Account, User, ApiKey, SignupRequest]),
    SystemMailModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      // A KeyObject, not the string: jsonwebtoken otherwise first tries createPublicKey() on the
      // string, which throws, on every verify (about 1 ms of CPU per request in the profile).
      useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as string, signOptions: { expiresIn: '12h' } }),
    }),
    ThrottlerModule.forRootAsync({ inject: [AppConfig], useFactory: authThrottlerOptions }),
  ],
  controllers: [AuthController, ApiKeysController],
  providers: [AuthService, ApiKeysService, PasswordHasher, AccountCreation, SignupTokens, SignupConfirmations, AuthThrottlerGuard, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [ApiKeysService],
})
export class AccountsModule implements OnApplicationBootstrap {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.signupEnabled && !this.auth.signupConfirmsByEmail) {
      new Logger('Signup').warn(
        'Signup is on without a system mailer (SYSTEM_SMTP_URL is not set): a new email is signed in at once, and a taken one gets a different answer (202), which tells anyone which addresses have accounts. Set SYSTEM_SMTP_URL to confirm signups by email, or SIGNUP_ENABLED=false.',
      );
    }
    await this.auth.seedFirstAdmin();
  }
}
