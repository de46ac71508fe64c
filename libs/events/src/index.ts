export * from './catalog';
export { EventsApiModule, EventsModule } from './events.module';
export { EventPublisher, NewEvent } from './publish/event-publisher';
export { HubEvent } from './store/event.entity';
export { CommittedEventsListener, EventCommitHook } from './publish/event-commit-hook';
