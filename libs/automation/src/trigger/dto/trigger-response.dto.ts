import { ApiProperty } from '@nestjs/swagger';

export class TriggerResponseDto {
  @ApiProperty({ example: true })
  success!: true;
  @ApiProperty({ example: 'Webhook processed' })
  message!: string;
  @ApiProperty({ example: 2, description: 'Active workflows bound to this webhook id, each of which enrols the contact (the worker enrols right after the answer)' })
  workflows_triggered!: number;
  @ApiProperty({ example: 1, description: 'Contacts enrolled (1 when any active workflow is bound, else 0)' })
  contacts_enrolled!: number;
}
