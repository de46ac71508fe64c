import { UnprocessableEntityException } from '@nestjs/common';

/** SPEC §4: valid JSON missing what is required is 422, naming the field. */
export function unprocessable(field: string, message: string): UnprocessableEntityException {
  return new UnprocessableEntityException({ message: `${field} ${message}`, details: [{ field, message: `${field} ${message}` }] });
}
