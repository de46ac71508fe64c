import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountId } from '@hub/accounts';
import { ApiErrors } from '@hub/http';
import { SendAcceptedDto, SendMessageDto } from './dto/send-message.dto';
import { SendService } from './send.service';

const ACCEPTED = { type: SendAcceptedDto, description: 'Stored and queued; the worker sends it, then message.sent or message.failed' };

/** SPEC §4 "Send API": one route per channel type, JWT or API key. */
@ApiTags('send')
@ApiBearerAuth()
@Controller('api')
export class SendController {
  constructor(private readonly sender: SendService) {}

  @Post('email/send')
  @HttpCode(202)
  @ApiOperation({ summary: "Send an email through one of the account's email channels (SMTP)" })
  @ApiAcceptedResponse(ACCEPTED)
  @ApiErrors(400, 401, 404)
  email(@AccountId() accountId: string, @Body() dto: SendMessageDto): Promise<SendAcceptedDto> {
    return this.sender.send(accountId, 'email', dto);
  }

  @Post('whatsapp/send')
  @HttpCode(202)
  @ApiOperation({ summary: "Send a WhatsApp text through one of the account's WhatsApp channels (the node service)" })
  @ApiAcceptedResponse(ACCEPTED)
  @ApiErrors(400, 401, 404)
  whatsapp(@AccountId() accountId: string, @Body() dto: SendMessageDto): Promise<SendAcceptedDto> {
    return this.sender.send(accountId, 'whatsapp', dto);
  }

  @Post('sms/send')
  @HttpCode(202)
  @ApiOperation({ summary: "Send an SMS through one of the account's SMS channels (its HTTP provider)" })
  @ApiAcceptedResponse(ACCEPTED)
  @ApiErrors(400, 401, 404)
  sms(@AccountId() accountId: string, @Body() dto: SendMessageDto): Promise<SendAcceptedDto> {
    return this.sender.send(accountId, 'sms', dto);
  }
}
