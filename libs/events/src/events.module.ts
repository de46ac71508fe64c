import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChannelDirectory } from './publish/channel-directory';
import { EventDataValidator } from './publish/event-data-validator';
import { EventPublisher } from './publish/event-publisher';
import { EventsController } from './publish/events.controller';
import { EventsService } from './publish/events.service';
import { HubEvent } from './store/event.entity';
import { EventStore } from './store/event-store';

/** Publishing, for every process (api and worker). Global: one publisher per process. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([HubEvent])],
  providers: [EventPublisher, EventStore, ChannelDirectory],
  exports: [EventPublisher, EventStore, ChannelDirectory],
})
export class EventsModule {}

/** The admin routes (POST /api/events, GET /api/event-types): api process only. */
@Module({
  imports: [EventsModule],
  controllers: [EventsController],
  providers: [EventsService, EventDataValidator],
})
export class EventsApiModule {}
