#!/usr/bin/env node
// @ts-check
/**
 * Before `npm test`: makes sure the browser tests have their Chromium (Debian's, with CJK fonts
 * for legible screenshots). When it is missing and this process may install packages (root, apt-get
 * present), it installs them and says so; otherwise it stops at once with the one command to run,
 * so no browser test is ever skipped or left to fail one by one.
 *
 * CHROMIUM_PATH   another Chromium to use (default /usr/bin/chromium, Debian's)
 * BROWSER_INSTALL `never` to never install (the command is printed instead), `apt` (default) to
 *                 install with apt-get when possible
 */
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const PACKAGES = ['chromium', 'fonts-noto-cjk'];
const CJK_FONT_DIR = '/usr/share/fonts/opentype/noto';

/** @param {string} file */
function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** @param {string} command */
function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function hasCjkFonts() {
  return fs.existsSync(CJK_FONT_DIR) && fs.readdirSync(CJK_FONT_DIR).some((name) => name.startsWith('NotoSansCJK'));
}

/** @param {string[]} packages */
function installCommand(packages) {
  const root = process.getuid?.() === 0;
  return `${root ? '' : 'sudo '}apt-get install -y ${packages.join(' ')}`;
}

/** @param {string[]} packages */
function canInstall(packages) {
  if (process.env.BROWSER_INSTALL === 'never') return false;
  return packages.length > 0 && process.getuid?.() === 0 && onPath('apt-get');
}

/** @param {string[]} packages */
function aptInstall(packages) {
  console.log(`The browser tests need ${packages.join(' and ')}: installing with apt-get (${installCommand(packages)}).`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--no-install-recommends', ...packages],
  ]) {
    const run = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (run.status !== 0) return false;
  }
  return true;
}

/** @param {string} message */
function stop(message) {
  console.error(message);
  process.exit(1);
}

function main() {
  const custom = process.env.CHROMIUM_PATH;
  const chromium = custom || DEBIAN_CHROMIUM;
  if (custom && !isExecutable(custom)) {
    stop(
      `The browser tests need Chromium, and CHROMIUM_PATH points at ${custom}, which is not an executable file.\n` +
        `Unset CHROMIUM_PATH to use Debian's Chromium (${installCommand(PACKAGES)}), or point it at a Chromium.`,
    );
  }
  const missing = [];
  if (!isExecutable(chromium)) missing.push('chromium');
  if (!custom && !hasCjkFonts()) missing.push('fonts-noto-cjk');
  if (missing.length === 0) return;
  if (!canInstall(missing) || !aptInstall(missing) || !isExecutable(chromium)) {
    stop(
      `The browser tests need ${missing.join(' and ')}, which this machine lacks. Run:\n\n    ${installCommand(missing)}\n\n` +
        `then npm test again${canInstall(missing) ? ' (apt-get failed above)' : ''}.`,
    );
  }
  console.log(`Chromium is ready at ${chromium}.`);
}

main();
