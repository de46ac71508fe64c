import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AccountId } from '@hub/accounts';
import { ApiErrors } from '@hub/http';
import { EndpointInputDto, TestSavedEndpointDto, TestUnsavedEndpointDto } from './dto/endpoint-input.dto';
import {
  EndpointResponse,
  EndpointSecretResponse,
  EndpointWithSecretResponse,
  RotatedEndpointResponse,
  TestSendResponse,
  UnsavedTestSendResponse,
  VerificationFailedBody,
} from './dto/endpoint-response.dto';
import { toEndpointDto } from './endpoint-response.mapper';
import { EndpointTestsService } from './endpoint-tests.service';
import { EndpointsService } from './endpoints.service';

const ID_PARAM = { name: 'id', example: '2c4e6a8b-0d1f-4a3c-9e5b-7d9f1a3c5e7b' };
const VERIFICATION_FAILED = {
  status: 422,
  type: VerificationFailedBody,
  description: 'A new or changed URL did not answer the signed webhook.test with a 2xx in time; nothing was saved',
};
const FORMATS_NOTE = 'payload_format picks the body shape the receiver gets (standard, crm_model, channel_event, flat_event, conversation; see GET /api/event-types?format=); the verification webhook.test is sent as standard.';

@ApiTags('endpoints')
@ApiBearerAuth()
@Controller('api/endpoints')
export class EndpointsController {
  constructor(
    private readonly endpoints: EndpointsService,
    private readonly tests: EndpointTestsService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Create an endpoint (answers with its signing secret)',
    description: `Unless skip_verification, each URL first gets a signed webhook.test and must answer 2xx, else 422 and nothing is saved. 409 quota_exceeded past MAX_ENDPOINTS_PER_ACCOUNT endpoints, or when an event type would reach more than MAX_ENDPOINTS_PER_EVENT enabled endpoints. ${FORMATS_NOTE}`,
  })
  @ApiCreatedResponse({ type: EndpointWithSecretResponse })
  @ApiResponse(VERIFICATION_FAILED)
  @ApiErrors(400, 401, 404, 409)
  create(@AccountId() accountId: string, @Body() dto: EndpointInputDto): Promise<EndpointWithSecretResponse> {
    return this.endpoints.create(accountId, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List endpoints, newest first (never secrets)' })
  @ApiOkResponse({ type: [EndpointResponse] })
  @ApiErrors(401)
  list(@AccountId() accountId: string): Promise<EndpointResponse[]> {
    return this.endpoints.list(accountId);
  }

  @Post('test')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send one signed example event to a URL that is not saved yet',
    description: 'Signed with a throwaway secret, returned as `secret`. ok is false on non-2xx, timeout, refused connection or blocked address.',
  })
  @ApiOkResponse({ type: UnsavedTestSendResponse })
  @ApiErrors(400, 401)
  testUnsaved(@AccountId() accountId: string, @Body() dto: TestUnsavedEndpointDto): Promise<UnsavedTestSendResponse> {
    return this.tests.testUnsaved(accountId, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an endpoint' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: EndpointResponse })
  @ApiErrors(401, 404)
  async get(@AccountId() accountId: string, @Param('id') id: string): Promise<EndpointResponse> {
    return toEndpointDto(await this.endpoints.get(accountId, id));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Update an endpoint: omit a field to keep it, null clears it',
    description: `New or changed URLs are verified like on create (unless skip_verification). ${FORMATS_NOTE}`,
  })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: EndpointResponse })
  @ApiResponse(VERIFICATION_FAILED)
  @ApiErrors(400, 401, 404, 409)
  update(@AccountId() accountId: string, @Param('id') id: string, @Body() dto: EndpointInputDto): Promise<EndpointResponse> {
    return this.endpoints.update(accountId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an endpoint (and its delivery log)' })
  @ApiParam(ID_PARAM)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(401, 404)
  async remove(@AccountId() accountId: string, @Param('id') id: string): Promise<void> {
    await this.endpoints.remove(accountId, id);
  }

  @Get(':id/secret')
  @ApiOperation({ summary: "Reveal the endpoint's current signing secret" })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: EndpointSecretResponse })
  @ApiErrors(401, 404)
  secret(@AccountId() accountId: string, @Param('id') id: string): Promise<EndpointSecretResponse> {
    return this.endpoints.revealSecret(accountId, id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotate the signing secret; the old one keeps signing too for 24 h' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: RotatedEndpointResponse })
  @ApiErrors(401, 404)
  rotateSecret(@AccountId() accountId: string, @Param('id') id: string): Promise<RotatedEndpointResponse> {
    return this.endpoints.rotateSecret(accountId, id);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable an endpoint (clears disabled_reason, disabled_at and failing_since); 409 quota_exceeded when an event type would then reach more than MAX_ENDPOINTS_PER_EVENT enabled endpoints' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: EndpointResponse })
  @ApiErrors(401, 404, 409)
  enable(@AccountId() accountId: string, @Param('id') id: string): Promise<EndpointResponse> {
    return this.endpoints.enable(accountId, id);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable an endpoint (disabled_reason "manual")' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: EndpointResponse })
  @ApiErrors(401, 404)
  disable(@AccountId() accountId: string, @Param('id') id: string): Promise<EndpointResponse> {
    return this.endpoints.disable(accountId, id);
  }

  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send one signed example event to this endpoint now',
    description: "To the endpoint's URL for that event type, with its secrets, bearer token and headers. ok is false on non-2xx, timeout, refused connection or blocked address.",
  })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: TestSendResponse })
  @ApiErrors(400, 401, 404)
  test(@AccountId() accountId: string, @Param('id') id: string, @Body() dto: TestSavedEndpointDto): Promise<TestSendResponse> {
    return this.tests.testSaved(accountId, id, dto);
  }
}
