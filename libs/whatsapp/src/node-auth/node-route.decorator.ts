import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { InboundRoute } from '@hub/inbound-log';
import { NodeSecretGuard } from './node-secret.guard';

/** A route the WhatsApp node service calls: logged as inbound source `whatsapp`, and X-Node-Secret checked before anything else. */
export function NodeRoute() {
  return applyDecorators(
    InboundRoute('whatsapp'),
    UseGuards(NodeSecretGuard),
    ApiTags('whatsapp node service'),
    ApiHeader({ name: 'X-Node-Secret', required: true, description: 'WHATSAPP_NODE_SECRET, the secret the hub and the node service share', example: 'node-secret-7d3f9a2c5e1b8046' }),
  );
}
