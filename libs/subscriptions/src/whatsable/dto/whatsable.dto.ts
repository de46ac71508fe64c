import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class CreateWhatsableWebhookDto {
  @ApiProperty({ example: 'https://hooks.zapier.com/hooks/catch/123456/abcdef/', description: 'Receives every event of the account' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2048)
  webhook!: string;
}

export class DeleteWhatsableWebhookQuery {
  @ApiProperty({ example: '2c4e6a8b-0d1f-4a3c-9e5b-7d9f1a3c5e7b', description: 'The webhook id from /api/webhooks/get or /create' })
  @IsString()
  @IsNotEmpty()
  id!: string;
}

export class WhatsableWebhookDto {
  @ApiProperty({ example: '2c4e6a8b-0d1f-4a3c-9e5b-7d9f1a3c5e7b' })
  id!: string;
  @ApiProperty({ example: '2026-11-24T10:00:00.000Z' })
  created_at!: Date;
  @ApiProperty({ example: 'https://hooks.zapier.com/hooks/catch/123456/abcdef/', description: 'The endpoint URL' })
  webhook!: string;
  @ApiProperty({ example: '9a1b3c5d-7e9f-4a2b-8c4d-6e8f0a2b4c6d', description: 'The account id' })
  user_id!: string;
}

export class CreatedWhatsableWebhookDto {
  @ApiProperty({ type: WhatsableWebhookDto })
  data!: WhatsableWebhookDto;
}

export class DeletedWhatsableWebhookDto {
  @ApiProperty({ example: true })
  success!: boolean;
}
