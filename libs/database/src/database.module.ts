import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@hub/config';
import { dataSourceOptions } from './data-source-options';
import { AfterCommit } from './after-commit';
import { SecretBox } from './secret-box';

@Global()
@Module({
  providers: [SecretBox, AfterCommit],
  exports: [SecretBox, AfterCommit],
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.databaseUrl),
        entities: [],
        autoLoadEntities: true,
        retryAttempts: 2,
        retryDelay: 1000,
      }),
    }),
  ],
})
export class DatabaseModule {}
