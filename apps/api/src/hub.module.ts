import { DynamicModule, Module } from '@nestjs/common';
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
  static forRoot(config: AppConfig, roles: HubRoles): DynamicModule {
    return {
      module: HubModule,
      imports: [ConfigModule.forRoot(config), ...(roles.api ? [ApiModule] : []), ...(roles.worker ? [WorkerModule] : [])],
    };
  }
}
