import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

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

export class UpdateWhatsappChannelDto extends PartialType(OmitType(CreateWhatsappChannelDto, ['type'] as const), { skipNullProperties: false }) {}
