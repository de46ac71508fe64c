import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Storefront integration' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name!: string;
}

export class ApiKeyDto {
  @ApiProperty({ example: '2d3c8a0e-6a9f-4f7e-9a7d-8e1c5b0a4f21' })
  id!: string;
  @ApiProperty({ example: 'Storefront integration' })
  name!: string;
  @ApiProperty({ example: 'whk_Q2x8vR1a', description: 'First characters of the key' })
  prefix!: string;
  @ApiProperty({ example: '2026-11-24T10:00:00.000Z' })
  created_at!: Date;
  @ApiProperty({ example: null, nullable: true, type: Date })
  last_used_at!: Date | null;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ example: 'whk_Q2x8vR1aN4bY…', description: 'The whole key. Shown only in this response; store it now.' })
  key!: string;
}
