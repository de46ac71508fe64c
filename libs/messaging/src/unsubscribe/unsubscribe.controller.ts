import { Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@hub/accounts';
import { confirmPage, donePage, notFoundPage } from './unsubscribe-pages';
import { UnsubscribeService } from './unsubscribe.service';

const HTML = { 'text/html': { schema: { type: 'string' } } };
const TOKEN = { name: 'token', description: 'Signed token from the link an email carried', example: 'AW8cKk6LPU9anH4tGkRHz1Ab.3q2-7wPZp1k0mX9n2BvC4dE5fG6hI7jK8lM9nO0pQrS' };

/**
 * Public unsubscribe links (`{{ link_unsubscribe }}` and the List-Unsubscribe
 * header). GET only shows what the link would do (mail scanners open links);
 * POST, from the page's button or a mail client's one-click unsubscribe, does it.
 *
 * Fastify refuses path parameters over 100 characters (414) and a token naming
 * groups is longer, so each route has an undocumented wildcard twin that the
 * router falls back to for long tokens.
 */
@ApiTags('unsubscribe')
@Public()
@Controller('u')
export class UnsubscribeController {
  constructor(private readonly unsubscribe: UnsubscribeService) {}

  @Get(':token')
  @ApiOperation({ summary: 'Confirmation page of an unsubscribe link (changes nothing)' })
  @ApiParam(TOKEN)
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'Which lists the link unsubscribes from, with a Confirm button', content: HTML })
  @ApiNotFoundResponse({ description: 'A forged, altered or stale link', content: HTML })
  show(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    return this.page(reply, () => this.unsubscribe.preview(token), confirmPage);
  }

  @Get('*')
  @ApiExcludeEndpoint()
  showLong(@Param('*') token: string, @Res() reply: FastifyReply): Promise<void> {
    return this.show(token, reply);
  }

  @Post(':token')
  @ApiOperation({ summary: 'Unsubscribe (the Confirm button, and RFC 8058 one-click List-Unsubscribe-Post); emits group.unsubscribed' })
  @ApiParam(TOKEN)
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'Done page', content: HTML })
  @ApiNotFoundResponse({ description: 'A forged, altered or stale link', content: HTML })
  confirm(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    return this.page(reply, () => this.unsubscribe.confirm(token), donePage);
  }

  @Post('*')
  @ApiExcludeEndpoint()
  confirmLong(@Param('*') token: string, @Res() reply: FastifyReply): Promise<void> {
    return this.confirm(token, reply);
  }

  private async page<V>(reply: FastifyReply, load: () => Promise<V | null>, render: (view: V) => string): Promise<void> {
    const view = await load();
    await reply
      .status(view ? 200 : 404)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('x-robots-tag', 'noindex')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
      .send(view ? render(view) : notFoundPage());
  }
}
