import { Body, Controller, Get, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { ApiErrors } from '@hub/http';
import { AuthContext, CurrentAuth, Public } from './auth-context';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { MeDto, SessionDto, SignupNotCreatedDto } from './dto/session.dto';
import { SignupDto } from './dto/signup.dto';
import { AuthThrottlerGuard, LOGIN_PER_ACCOUNT, LOGIN_PER_ADDRESS, THROTTLES } from '../throttling/auth-throttles';

const SIGNUP_NOT_CREATED = 'No new account was created. If this email address already has an account, log in with it.';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('signup')
  @UseGuards(AuthThrottlerGuard)
  @SkipThrottle({ [THROTTLES.loginAddress]: true, [THROTTLES.loginAccount]: true })
  @ApiOperation({
    summary: 'Create an account with its first user',
    description: `201 with a session for a new account. 202 without one when no account was created (the email is taken), worded so it does not say whether the email has an account. Each client address may sign up SIGNUP_LIMIT_PER_HOUR times an hour (429 after).`,
  })
  @ApiCreatedResponse({ type: SessionDto })
  @ApiAcceptedResponse({ type: SignupNotCreatedDto })
  @ApiErrors(400, 403, 429, 503)
  async signup(@Body() dto: SignupDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionDto | SignupNotCreatedDto> {
    const session = await this.auth.signup(dto);
    if (session) return session;
    void reply.status(202);
    return { message: SIGNUP_NOT_CREATED };
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(AuthThrottlerGuard)
  @SkipThrottle({ [THROTTLES.signupAddress]: true })
  @ApiOperation({
    summary: 'Log in and get a JWT',
    description: `At most ${LOGIN_PER_ADDRESS.limit} attempts a minute per client address and ${LOGIN_PER_ACCOUNT.limit} per 15 minutes per email (429 with Retry-After after either).`,
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors(400, 401, 429, 503)
  login(@Body() dto: LoginDto): Promise<SessionDto> {
    return this.auth.login(dto);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The calling user (or API key) and its account' })
  @ApiOkResponse({ type: MeDto })
  @ApiErrors(401)
  me(@CurrentAuth() auth: AuthContext): Promise<MeDto> {
    return this.auth.me(auth);
  }
}
