import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class PageQueryDto {
  /** Opaque cursor from a previous page's next_cursor. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  /** Page size, 1–200. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;
}
