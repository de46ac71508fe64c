import { ApiProperty } from '@nestjs/swagger';

export class TriggerResponseDto {
  @ApiProperty({ example: true })
  success!: true;
  @ApiProperty({ example: 'Webhook processed' })
  message!: string;
  @ApiProperty({ example: 2, description: 'Active workflows bound to this webhook id that enrolled the contact' })
  workflows_triggered!: number;
  @ApiProperty({ example: 1, description: 'Contacts enrolled (1 when any workflow enrolled the contact, else 0)' })
  contacts_enrolled!: number;
}
