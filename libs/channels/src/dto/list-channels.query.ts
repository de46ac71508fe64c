import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CHANNEL_TYPES, ChannelType } from '../channel-kinds';

export class ListChannelsQuery {
  @ApiPropertyOptional({ enum: CHANNEL_TYPES, example: 'email' })
  @IsOptional()
  @IsIn(CHANNEL_TYPES)
  type?: ChannelType;
}
