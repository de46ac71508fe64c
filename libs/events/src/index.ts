export * from './catalog';
export { EventsModule } from './events.module';
export { EventPublisher, NewEvent } from './publish/event-publisher';
export { HubEvent } from './store/event.entity';
