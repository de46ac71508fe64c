import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { ApiErrors } from '@hub/http';
import { AuthContext, CurrentAuth, Public } from './auth-context';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { MeDto, SessionDto } from './dto/session.dto';
import { SignupDto } from './dto/signup.dto';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('signup')
  @ApiOperation({ summary: 'Create an account with its first user' })
  @ApiCreatedResponse({ type: SessionDto })
  @ApiErrors(400, 403, 409)
  signup(@Body() dto: SignupDto): Promise<SessionDto> {
    return this.auth.signup(dto);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @ApiOperation({ summary: 'Log in and get a JWT (10 attempts per minute per address)' })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors(400, 401, 429)
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
