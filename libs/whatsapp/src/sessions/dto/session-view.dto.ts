import { ApiProperty } from '@nestjs/swagger';
import { SESSION_STATUSES } from '@hub/channels';

/** A session as the hub knows it. */
export class SessionViewDto {
  @ApiProperty({ example: 'wa_3q2-7wEvBRj5XU8yPd1sLg' })
  session_id!: string;
  @ApiProperty({ example: 'a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c0d', description: 'The WhatsApp channel the session belongs to' })
  channel_id!: string;
  @ApiProperty({ enum: SESSION_STATUSES, example: 'connected' })
  status!: string;
  @ApiProperty({ example: '+5511987654321', nullable: true, type: String })
  phone!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'The QR string, while status is `qr`' })
  qr!: string | null;
  @ApiProperty({ example: '2026-11-24T10:05:00.000Z', nullable: true, type: String, description: 'When the node last reported on the session' })
  last_seen_at!: string | null;
}

export class SessionSyncResultDto {
  @ApiProperty({ example: 2, description: 'Sessions of the sync the hub knows (each recorded)' })
  updated!: number;
  @ApiProperty({ example: ['wa_unknownSession000000000'], type: [String], description: 'Session ids of the sync that name no WhatsApp channel (ignored)' })
  unknown!: string[];
  @ApiProperty({ example: 1, description: 'Sessions the sync did not list that were connected or waiting for a scan, now disconnected' })
  disconnected!: number;
}
