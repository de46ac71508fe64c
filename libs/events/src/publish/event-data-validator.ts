import { Injectable } from '@nestjs/common';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { EVENT_CATALOG } from '../catalog';

export interface DataProblem {
  field: string;
  message: string;
}

/** Checks a published event's `data` against its catalog schema, so receivers get what the catalog promises. */
@Injectable()
export class EventDataValidator {
  private readonly validators = new Map<string, ValidateFunction>();

  constructor() {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    for (const definition of EVENT_CATALOG) this.validators.set(definition.type, ajv.compile(definition.schema));
  }

  problems(type: string, data: Record<string, unknown>): DataProblem[] {
    const validate = this.validators.get(type);
    if (!validate || validate(data)) return [];
    return (validate.errors ?? []).map((error) => {
      const missing = (error.params as { missingProperty?: string }).missingProperty;
      const path = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const field = ['data', path, missing].filter(Boolean).join('.');
      return { field, message: `${field} ${error.message ?? 'is invalid'}` };
    });
  }
}
