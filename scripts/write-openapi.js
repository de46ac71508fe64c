// Writes openapi.json from the built app (`nest build` runs the Swagger plugin), the API
// contract artifact: `npm run openapi:check` fails when the committed file differs, and
// the admin app's typed client is generated from it. Needs PostgreSQL and Redis like the app.
require('reflect-metadata');
const { writeFileSync, readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const { buildOpenApiDocument, createHubApp } = require('../dist/apps/api/src/create-hub-app');
const { loadConfig } = require('../dist/libs/config/src');
const { preflight } = require('../dist/libs/operations/src');

async function main() {
  const check = process.argv.includes('--check');
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  await preflight(config);
  const app = await createHubApp(config, { api: true, worker: false });
  const text = `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  await app.close();
  const target = join(__dirname, '..', 'openapi.json');
  if (check) {
    if (!existsSync(target) || readFileSync(target, 'utf8') !== text) {
      console.error('openapi.json is out of date with the controllers and DTOs: run `npm run openapi` and commit it.');
      process.exit(1);
    }
    console.log('openapi.json matches the API.');
    return;
  }
  writeFileSync(target, text);
  console.log('Wrote openapi.json');
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
