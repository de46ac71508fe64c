export { errorBody, ErrorBody, ErrorDetail, reasonPhrase } from './error-body';
export { createValidationPipe } from './validation-pipe';
export { HttpExceptionFilter, HttpExceptionFilterOptions, toErrorBody } from './http-exception.filter';
export { installTextBodyParser } from './text-body-parser';
export { Cursor, decodeCursor, encodeCursor, Page, toPage } from './cursor-page';
export { PageQueryDto } from './page-query.dto';
export { ApiErrors } from './api-errors.decorator';
export { REDACTED, redactHeaders } from './header-redaction';
