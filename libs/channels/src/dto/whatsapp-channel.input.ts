import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { Omittable } from './field-rules';

/** The hub generates the session id; status and phone come from the node service, not from admins. */
export class CreateWhatsappChannelDto {
  @ApiProperty({ enum: ['whatsapp'], example: 'whatsapp' })
  @IsIn(['whatsapp'])
  type!: 'whatsapp';

  @ApiProperty({ example: 'Support WhatsApp' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name!: string;
}

export class UpdateWhatsappChannelDto {
  @ApiPropertyOptional({ example: 'Support WhatsApp' })
  @Omittable()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name?: string;
}
