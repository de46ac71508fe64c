import { UnprocessableEntityException } from '@nestjs/common';
import { parse } from 'lossless-json';

/**
 * The request body parsed again from its raw bytes with every number kept as
 * its digits (a string): Google's and Meta's ids are int64, and JSON.parse
 * (what the body parser did) rounds those past 2^53. The body parser already
 * refused what is not JSON, so this only fails on what cannot happen.
 */
export function losslessBody(rawBody: Buffer | undefined): unknown {
  try {
    return parse(rawBody?.toString('utf8') ?? '', null, (digits) => digits);
  } catch (error) {
    throw new UnprocessableEntityException(`The body could not be read: ${(error as Error).message}`);
  }
}

/** An id the provider sent as a string or a number (kept as digits by losslessBody), else undefined. */
export function idText(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= 100 ? value : undefined;
}
