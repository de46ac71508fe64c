import { version } from '../../../package.json';

/** The hub's version, from package.json (sent as User-Agent: WebhookHub/<version>). */
export const HUB_VERSION: string = version;
