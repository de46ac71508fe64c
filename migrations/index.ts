// Every migration, in order. `npm run migration:generate -- migrations/<Name>` writes a new file; add its class here.
import { Foundation1795527161259 } from './1795527161259-Foundation';
import { OutboundDelivery1795527614170 } from './1795527614170-OutboundDelivery';
import { Messaging1795531421991 } from './1795531421991-Messaging';
import { Automation1795531482676 } from './1795531482676-Automation';
import { TriggerInbox1795537454101 } from './1795537454101-TriggerInbox';
import { DeliveryHotUpdates1795552000000 } from './1795552000000-DeliveryHotUpdates';
import { InboundRawBodyBytes1795560000000 } from './1795560000000-InboundRawBodyBytes';
import { LeadCapture1796300853931 } from './1796300853931-LeadCapture';
import { LeadRepeats1796310000000 } from './1796310000000-LeadRepeats';
import { ProviderEvents1796320000000 } from './1796320000000-ProviderEvents';
import { SnsConfirmations1796330000000 } from './1796330000000-SnsConfirmations';
import { SystemMailAndSignupConfirmation1796340000000 } from './1796340000000-SystemMailAndSignupConfirmation';
import { WhatsappNodeService1796360000000 } from './1796360000000-WhatsappNodeService';
import { WorkflowStepsKeepKeyOrder1796370000000 } from './1796370000000-WorkflowStepsKeepKeyOrder';
import { ProviderEventsLeanerIndexes1796375000000 } from './1796375000000-ProviderEventsLeanerIndexes';
import { EndpointAlerts1796384210000 } from './1796384210000-EndpointAlerts';
import { DeliveryRollups1796390000000 } from './1796390000000-DeliveryRollups';

export const MIGRATIONS: Function[] = [Foundation1795527161259, OutboundDelivery1795527614170, Messaging1795531421991, Automation1795531482676, TriggerInbox1795537454101, DeliveryHotUpdates1795552000000, InboundRawBodyBytes1795560000000, LeadCapture1796300853931, LeadRepeats1796310000000, ProviderEvents1796320000000, SnsConfirmations1796330000000, SystemMailAndSignupConfirmation1796340000000, WhatsappNodeService1796360000000, WorkflowStepsKeepKeyOrder1796370000000, ProviderEventsLeanerIndexes1796375000000, EndpointAlerts1796384210000, DeliveryRollups1796390000000];
