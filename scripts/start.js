// `npm start`: build once when there is no build yet, then run api + worker in one process.
const { existsSync } = require('node:fs');
const { execSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
if (!existsSync(join(root, 'dist/apps/all-in-one/src/main.js')) || !existsSync(join(root, 'web/dist/index.html'))) {
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
}
require(join(root, 'dist/apps/all-in-one/src/main.js'));
