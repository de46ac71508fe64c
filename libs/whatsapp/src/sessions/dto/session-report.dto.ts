import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { SESSION_STATUSES, SessionStatus } from '@hub/channels';

/** What the node reports about one session (SPEC §4: `{session_id, status, qr?, phone?}`). */
export class SessionReportDto {
  @ApiProperty({ example: 'wa_3q2-7wEvBRj5XU8yPd1sLg', description: 'The session id the hub generated for the WhatsApp channel', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  session_id!: string;

  @ApiProperty({ enum: SESSION_STATUSES, example: 'qr' })
  @IsIn(SESSION_STATUSES)
  status!: SessionStatus;

  @ApiPropertyOptional({
    example: '2@q3Jv1fXk9mR0bT+4wYcL8pZ2sN6aE5hU7iO1dG3jK9lQ==,fJ5nS1oP8xW2vB6cM4zA0yT7rE3uI9hG1kL5dF8sA2w=,Zx7Lq0vN4mB8cT2wR6yU1iO5pE9aS3dF,Kp4Tn8Vb2Xc6Zm0Lq5Wr9Ey3Ui7Oa1Sd=',
    description: 'Required while status is `qr`: the string the phone scans (the admin app renders it as a QR code)',
    maxLength: 4096,
  })
  @ValidateIf((report: SessionReportDto) => report.status === 'qr' || report.qr !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(4096)
  qr?: string;

  @ApiPropertyOptional({ example: '+5511987654321', description: 'The WhatsApp account\u2019s phone (E.164, `+` optional), once connected', nullable: true, maxLength: 32 })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9]{6,15}$/, { message: 'phone must be an E.164 phone number (digits, + optional)' })
  phone?: string | null;
}

export class SessionSyncDto {
  @ApiProperty({
    type: [SessionReportDto],
    description: 'Every session the node runs, on start-up. WhatsApp channels not listed become disconnected.',
    maxItems: 10000,
    example: [
      { session_id: 'wa_3q2-7wEvBRj5XU8yPd1sLg', status: 'connected', phone: '+5511987654321' },
      { session_id: 'wa_Yk2hN7vQ0pLm4Rt8Xc1ZsA', status: 'qr', qr: '2@q3Jv1fXk9mR0bT+4wYcL8pZ2sN6aE5hU7iO1dG3jK9lQ==,fJ5nS1oP8xW2vB6cM4zA0yT7rE3uI9hG1kL5dF8sA2w=' },
    ],
  })
  @IsArray()
  @ArrayMaxSize(10000)
  @ValidateNested({ each: true })
  @Type(() => SessionReportDto)
  sessions!: SessionReportDto[];
}
