export { PAYLOAD_FORMATS, PayloadFormat, FormatContext, FormatEvent, ConversationTurn } from './payload-format';
export { contextNeeds, renderPayload, RenderedBody } from './payload-formats';
export { EXAMPLE_CONTEXT, exampleBody, exampleEvent, SAMPLE_EVENT_TYPES } from './format-examples';
