import { BadRequestException } from '@nestjs/common';
import { LeadProvider } from './lead-source.entity';

/** The fields each provider's sources use; a create needs them all, and the other provider's are refused. */
export const PROVIDER_FIELDS: Record<LeadProvider, readonly string[]> = {
  meta: ['page_id', 'verify_token', 'app_secret', 'page_access_token'],
  google: ['google_key'],
};

/** 400 naming each field that is missing for the provider (on create) or belongs to the other one. */
export function assertProviderFields(provider: LeadProvider, input: object, creating: boolean): void {
  const given = input as Record<string, unknown>;
  const details: { field: string; message: string }[] = [];
  for (const [other, fields] of Object.entries(PROVIDER_FIELDS)) {
    for (const field of fields) {
      const present = given[field] !== undefined && given[field] !== null;
      if (other === provider && creating && !present) details.push({ field, message: `${field} is required for ${provider} lead sources` });
      if (other !== provider && present) details.push({ field, message: `${field} is not used by ${provider} lead sources` });
    }
  }
  if (details.length) throw new BadRequestException({ message: details.map((d) => d.message).join('; '), details });
}
