import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@hub/http';
import { AccountId } from '../auth/auth-context';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('api/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key (the key is shown once)' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiErrors(400, 401)
  create(@AccountId() accountId: string, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    return this.apiKeys.create(accountId, dto.name);
  }

  @Get()
  @ApiOperation({ summary: 'List API keys (never the keys themselves)' })
  @ApiOkResponse({ type: [ApiKeyDto] })
  @ApiErrors(401)
  list(@AccountId() accountId: string): Promise<ApiKeyDto[]> {
    return this.apiKeys.list(accountId);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiErrors(401, 404)
  async remove(@AccountId() accountId: string, @Param('id') id: string): Promise<void> {
    await this.apiKeys.remove(accountId, id);
  }
}
