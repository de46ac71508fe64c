import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { SIGNUP_TOKEN_PATTERN } from '../signup-tokens';

export class SignupConfirmDto {
  @ApiProperty({ description: 'The code after `#token=` in the confirmation link', example: 'q3Vx0m4dJ8mY0bq9M2fK7pZl1tR6uWcHn5sA3eE8yGk' })
  @IsString()
  @Matches(SIGNUP_TOKEN_PATTERN, { message: 'token must be the 43-character code from the confirmation link' })
  token!: string;
}
