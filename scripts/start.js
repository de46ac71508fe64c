// `npm start`: build once when there is no build yet, then run the supervisor
// (api processes sharing the port + workers; see README "Running").
const { existsSync } = require('node:fs');
const { execSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
if (!existsSync(join(root, 'dist/apps/supervisor/src/main.js')) || !existsSync(join(root, 'web/dist/index.html'))) {
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
}
require(join(root, 'dist/apps/supervisor/src/main.js'));
