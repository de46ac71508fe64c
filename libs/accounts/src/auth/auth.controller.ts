import { Body, Controller, Get, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { ApiErrors } from '@hub/http';
import { AuthContext, CurrentAuth, Public } from './auth-context';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { MeDto, SessionDto, SignupAcceptedDto } from './dto/session.dto';
import { SignupDto } from './dto/signup.dto';
import { SignupConfirmDto } from '../signup/dto/signup-confirm.dto';
import { SIGNUP_LINK_TTL_HOURS } from '../signup/signup-confirmations';
import { AuthThrottlerGuard, LOGIN_PER_ACCOUNT, LOGIN_PER_ADDRESS, THROTTLES } from '../throttling/auth-throttles';

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
    description:
      `With a system mailer (SYSTEM_SMTP_URL set): always 202 {status: "confirmation_sent"}, whether or not the email has an account, and nothing is created yet. ` +
      `A new email is sent a link (single use, valid ${SIGNUP_LINK_TTL_HOURS} h) that POST /api/auth/signup/confirm turns into the account; a taken email is sent an "already have an account" note instead. ` +
      `Without a mailer: 201 with a session for a new account, 202 {status: "not_created"} without one when the email is taken. ` +
      `Each client address may sign up SIGNUP_LIMIT_PER_HOUR times an hour (429 after); one address gets at most 3 signup mails an hour.`,
  })
  @ApiCreatedResponse({ type: SessionDto, description: 'Only without a system mailer: the new account, signed in' })
  @ApiAcceptedResponse({ type: SignupAcceptedDto })
  @ApiErrors(400, 403, 429, 503)
  async signup(@Body() dto: SignupDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionDto | SignupAcceptedDto> {
    const answer = await this.auth.signup(dto);
    if (!('access_token' in answer)) void reply.status(202);
    return answer;
  }

  @Public()
  @Post('signup/confirm')
  @ApiOperation({
    summary: 'Confirm an email and create the account it signed up',
    description: `Takes the token of the link a signup mailed, once: creates the account with its first user and answers its session. 404 signup_link_unknown for a token never issued; 422 signup_link_used, signup_link_expired (after ${SIGNUP_LINK_TTL_HOURS} h) or email_taken (the address got an account since).`,
  })
  @ApiCreatedResponse({ type: SessionDto })
  @ApiErrors(400, 403, 404, 422, 503)
  confirmSignup(@Body() dto: SignupConfirmDto): Promise<SessionDto> {
    return this.auth.confirmSignup(dto.token);
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
