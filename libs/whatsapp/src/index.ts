export { WhatsappModule } from './whatsapp.module';
export { WhatsappWorkerModule } from './whatsapp-worker.module';
export { WHATSAPP_EVENT_QUEUE } from './queues/whatsapp-event/whatsapp-event.queue';
export { NODE_EVENTS, NodeEventName, readNodeEvent } from './events/node-event-reader';
