import { DynamicModule, Module, Type } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@hub/config';
import { WorkerModule } from '../../worker/src/worker.module';
import { ApiModule } from './api.module';

export interface HubRoles {
  api: boolean;
  worker: boolean;
}

/** One codebase, three shapes: api only, worker only, or both in one process (`npm start`). */
@Module({})
export class HubModule {
  /** `extra` lets the e2e tests mount probe modules next to the real ones. */
  static forRoot(config: AppConfig, roles: HubRoles, extra: Type[] = []): DynamicModule {
    return {
      module: HubModule,
      imports: [ConfigModule.forRoot(config), ...(roles.api ? [ApiModule] : []), ...(roles.worker ? [WorkerModule] : []), ...extra],
    };
  }
}
