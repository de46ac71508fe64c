export * from './catalog';
export { EventsApiModule, EventsModule } from './events.module';
export { EventPublisher, InTransactionFanOut, NewEvent } from './publish/event-publisher';
export { ChannelDirectory, ChannelKindLookup, ChannelProfile, ChannelProfileLookup } from './publish/channel-directory';
export { HubEvent } from './store/event.entity';
export { EventJson, EventSql, EventStore, FanOutEvent, undispatchedEventIds } from './store/event-store';
