import { ApiProperty } from '@nestjs/swagger';

export class SessionDto {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…' })
  access_token!: string;

  @ApiProperty({ example: '6f1c2a7e-0c1b-4d59-9a55-3f7f1a2b9c10' })
  account_id!: string;
}

class MeUserDto {
  @ApiProperty({ example: '0b8f0c8e-3d7a-4a53-8a0e-5f0e9d1b2c3d' })
  id!: string;
  @ApiProperty({ example: 'ops@example.com' })
  email!: string;
}

class MeAccountDto {
  @ApiProperty({ example: '6f1c2a7e-0c1b-4d59-9a55-3f7f1a2b9c10' })
  id!: string;
  @ApiProperty({ example: 'Acme Messaging' })
  name!: string;
}

export class MeDto {
  @ApiProperty({ type: MeUserDto, nullable: true, description: 'null when the caller is an API key' })
  user!: MeUserDto | null;
  @ApiProperty({ type: MeAccountDto })
  account!: MeAccountDto;
  @ApiProperty({ enum: ['user', 'api_key'], example: 'user' })
  via!: 'user' | 'api_key';
}

/**
 * The answer (202) to a signup that signed nobody in. With a system mailer
 * (SYSTEM_SMTP_URL) every signup gets `confirmation_sent`, whether or not the
 * email has an account: the mail tells its owner which. Without one,
 * `not_created` answers a taken email, worded so it does not say so. See
 * README "Deviations from SPEC".
 */
export class SignupAcceptedDto {
  @ApiProperty({ enum: ['confirmation_sent', 'not_created'], example: 'confirmation_sent' })
  status!: 'confirmation_sent' | 'not_created';

  @ApiProperty({ example: 'Check your email: we sent a message to that address with what to do next. It may take a minute to arrive.' })
  message!: string;
}
