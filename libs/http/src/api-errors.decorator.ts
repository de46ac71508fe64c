import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorBody, reasonPhrase } from './error-body';

/** Documents the error answers of a route with the shared error schema. */
export function ApiErrors(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        type: ErrorBody,
        description: reasonPhrase(status),
        example: { statusCode: status, error: reasonPhrase(status), message: 'What went wrong, in words' },
      }),
    ),
  );
}
