import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface DevSecrets {
  JWT_SECRET: string;
  APP_SECRET_KEY: string;
}

/**
 * Outside production the hub may run without JWT_SECRET / APP_SECRET_KEY. The
 * generated values are kept in a file so api and worker processes (and restarts)
 * agree on them: a per-process random APP_SECRET_KEY would make stored secrets
 * undecryptable after a restart.
 */
export function loadOrCreateDevSecrets(file: string): DevSecrets {
  if (existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<DevSecrets>;
    if (parsed.JWT_SECRET && parsed.APP_SECRET_KEY) return parsed as DevSecrets;
  }
  const secrets: DevSecrets = {
    JWT_SECRET: randomBytes(32).toString('base64url'),
    APP_SECRET_KEY: randomBytes(32).toString('base64url'),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
