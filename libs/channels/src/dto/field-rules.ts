import { createPublicKey } from 'node:crypto';
import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, ValidateBy, ValidateIf, ValidateNested, ValidationOptions } from 'class-validator';

/**
 * Presence rules shared by the create and patch DTOs. class-validator's
 * IsOptional also lets `null` through, which is right only for fields where
 * null means "clear it"; everything else may be omitted but never nulled.
 */
export const Omittable = () => ValidateIf((_object, value) => value !== undefined);

/** Settings given as an object of `settings` (checked by its rules), or null to remove them. */
export function NullableSettings(settings: new () => object): PropertyDecorator {
  return applyDecorators(IsOptional(), IsObject(), ValidateNested(), Type(() => settings));
}

export const E164 = /^\+[1-9]\d{6,14}$/;

export const SNS_TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/;

/** Absolute http(s) URL without user:password (credentials belong in auth_token, encrypted). */
export const HTTP_URL_OPTIONS = {
  protocols: ['http', 'https'],
  require_protocol: true,
  require_valid_protocol: true,
  require_tld: false,
  disallow_auth: true,
};

/** SendGrid's verification key: base64 of a DER (SPKI) EC public key. Checked now so a typo fails at save, not at the first webhook. */
export function IsSpkiPublicKey(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSpkiPublicKey',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !/^[A-Za-z0-9+/=\s]+$/.test(value)) return false;
          try {
            return createPublicKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'spki' }).asymmetricKeyType === 'ec';
          } catch {
            return false;
          }
        },
        defaultMessage: () => '$property must be the base64 (DER, SPKI) EC public key SendGrid shows as the verification key',
      },
    },
    options,
  );
}
