import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export interface ErrorDetail {
  field?: string;
  message: string;
}

/** The one error shape of every route: `{statusCode, error, message, details?}`. */
export class ErrorBody {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'Bad Request' })
  error!: string;

  @ApiProperty({ example: 'email must be an email' })
  message!: string;

  @ApiPropertyOptional({ example: [{ field: 'email', message: 'email must be an email' }] })
  details?: unknown;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? (status >= 500 ? 'Internal Server Error' : 'Error');
}

export function errorBody(statusCode: number, message: string, details?: unknown, error?: string): ErrorBody {
  const body: ErrorBody = { statusCode, error: error ?? reasonPhrase(statusCode), message };
  if (details !== undefined) body.details = details;
  return body;
}
