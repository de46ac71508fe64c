import type { Instrumentation } from '@opentelemetry/instrumentation';

interface PatchTarget {
  name: string;
  patch?: (exports: unknown, version?: string) => unknown;
  files?: PatchTarget[];
}

/**
 * Applies the OpenTelemetry instrumentations' patches to the modules Jest
 * loads. Under Node, each instrumentation hooks require() and patches http,
 * pg and ioredis as they load; Jest has a module loader of its own (and hands
 * the hook a stand-in of node:module), so in a test nothing would be patched.
 * Each patch wraps prototypes in place (Server.prototype.emit,
 * Client.prototype.query, Redis.prototype.sendCommand), so the hub's code
 * loaded by Jest from the same registry uses them.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- the modules are named at run time by each instrumentation */
export function applyInstrumentationsInJest(instrumentations: Instrumentation[]): void {
  const versions: Record<string, string | undefined> = {
    pg: (require('pg/package.json') as { version: string }).version,
    ioredis: (require('ioredis/package.json') as { version: string }).version,
  };
  for (const instrumentation of instrumentations) {
    for (const definition of (instrumentation as unknown as { getModuleDefinitions(): PatchTarget[] }).getModuleDefinitions()) {
      if (!['http', 'https', 'pg', 'ioredis'].includes(definition.name)) continue;
      const version = versions[definition.name];
      definition.patch?.(require(definition.name), version);
      for (const file of definition.files ?? []) {
        // pg/lib/native/client.js needs pg-native, which the hub does not use.
        if (file.name.includes('/native/')) continue;
        file.patch?.(require(file.name), version);
      }
    }
  }
}
