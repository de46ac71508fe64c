import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@hub/config';
import { Account } from './accounts/account.entity';
import { User } from './accounts/user.entity';
import { ApiKey } from './api-keys/api-key.entity';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { PasswordHasher } from './auth/password-hasher';
import { AuthThrottlerGuard, authThrottlerOptions } from './throttling/auth-throttles';

@Module({
  imports: [
    TypeOrmModule.forFeature([Account, User, ApiKey]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      // A KeyObject, not the string: jsonwebtoken otherwise first tries createPublicKey() on the
      // string, which throws, on every verify (about 1 ms of CPU per request in the profile).
      useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as string, signOptions: { expiresIn: '12h' } }),
    }),
    ThrottlerModule.forRootAsync({ inject: [AppConfig], useFactory: authThrottlerOptions }),
  ],
  controllers: [AuthController, ApiKeysController],
  providers: [AuthService, ApiKeysService, PasswordHasher, AuthThrottlerGuard, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [ApiKeysService],
})
export class AccountsModule implements OnApplicationBootstrap {
  constructor(private readonly auth: AuthService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.auth.seedFirstAdmin();
  }
}
