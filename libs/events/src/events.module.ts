import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventDataValidator } from './publish/event-data-validator';
import { EventPublisher } from './publish/event-publisher';
import { EventsController } from './publish/events.controller';
import { EventsService } from './publish/events.service';
import { HubEvent } from './store/event.entity';

@Module({
  imports: [TypeOrmModule.forFeature([HubEvent])],
  controllers: [EventsController],
  providers: [EventPublisher, EventsService, EventDataValidator],
  exports: [EventPublisher],
})
export class EventsModule {}
