import { BadRequestException, PipeTransform } from '@nestjs/common';
import { validateSync } from 'class-validator';
import { validationFailure } from './validation-pipe';

/** Keys that would reach an instance's prototype instead of its own fields. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Validates a webhook envelope: a DTO whose fields are primitives or
 * free-form JSON (the node service's `data`), checked by the same
 * class-validator rules and answered with the same 400 as the global pipe.
 * The global pipe deep-copies a free-form field with class-transformer and
 * walks it twice more (binary values, array gaps); on the WhatsApp node
 * webhook that was about a tenth of the api's CPU per request (bench
 * profile). Here the body's own fields are set on an instance as they are.
 *
 * Use it as `@Body(new EnvelopeValidationPipe(Dto)) body: SomeInterface`: a
 * parameter typed by an interface is left alone by the global pipe. A DTO
 * with nested classes needs the global pipe.
 */
export class EnvelopeValidationPipe<T extends object> implements PipeTransform<unknown, T> {
  constructor(private readonly type: new () => T) {}

  transform(value: unknown): T {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new BadRequestException({ message: 'The body must be a JSON object', details: [{ message: 'The body must be a JSON object' }] });
    }
    const instance = new this.type() as Record<string, unknown>;
    for (const [key, field] of Object.entries(value)) {
      if (PROTOTYPE_KEYS.has(key)) throw new BadRequestException({ message: `property ${key} should not exist`, details: [{ field: key, message: `property ${key} should not exist` }] });
      instance[key] = field;
    }
    const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } });
    if (errors.length > 0) throw validationFailure(errors);
    return instance as T;
  }
}
