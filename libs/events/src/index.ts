export * from './catalog';
export { EventsApiModule, EventsModule } from './events.module';
export { EventPublisher, InTransactionFanOut, NewEvent } from './publish/event-publisher';
export { HubEvent } from './store/event.entity';
