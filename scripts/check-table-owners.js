#!/usr/bin/env node
/**
 * One owner per table: each lib alone reads and writes its tables. A table
 * belongs to the lib whose `*.entity.ts` declares it (`@Entity('events')` in
 * libs/events → libs/events). This check reads the SQL in every other lib's
 * source and the apps' (string and template literals of libs/<lib>/src and
 * apps/<app>/src, *.ts, specs excepted; comments are not SQL) and fails on a table named after FROM, JOIN,
 * INTO, UPDATE, TABLE or USING, or passed to a query builder's from/into/
 * update/delete/join, that another lib owns. Another lib's rows are reached
 * through the store or SQL fragment its index.ts exports.
 *
 * Usage: node scripts/check-table-owners.js [root]   (exit 1 naming file, line, table and owner)
 * `npm run lint` runs it after ESLint (which refuses deep imports and value
 * imports of another lib's entity classes).
 */
const fs = require('node:fs');
const path = require('node:path');

const SQL_REFERENCE = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE|USING)\s+(?:ONLY\s+)?(?:public\.)?"?([a-z_][a-z0-9_]*)"?/g;
const BUILDER_CALL = /\.(?:from|into|update|delete|(?:inner|left)Join(?:AndSelect|AndMapOne|AndMapMany)?)\(\s*$/;

function sourceFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** libs/<name> (or apps/<name>, which own no table) and their sources. */
function packagesOf(root, kind = 'libs') {
  const dir = path.join(root, kind);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ name: entry.name, dir: `${kind}/${entry.name}`, files: sourceFiles(path.join(dir, entry.name, 'src')) }));
}

/** table → { lib, entity, file }: from each `@Entity('table') … export class Name` of libs/<lib>/src. */
function tableOwners(root) {
  const owners = new Map();
  for (const lib of packagesOf(root)) {
    for (const file of lib.files.filter((f) => f.endsWith('.entity.ts'))) {
      const source = fs.readFileSync(file, 'utf8');
      for (const match of source.matchAll(/@Entity\(\s*['"]([a-z_][a-z0-9_]*)['"][\s\S]*?export\s+(?:abstract\s+)?class\s+(\w+)/g)) {
        owners.set(match[1], { lib: lib.name, entity: match[2], file: path.relative(root, file) });
      }
    }
  }
  return owners;
}

/**
 * The string and template literals of a TypeScript source, with the line each
 * starts on and the code just before it; comments and regular expressions are
 * skipped. A template's `${…}` parts become a space (their code is scanned as code).
 */
function literals(source) {
  const found = [];
  const templates = []; // brace depth of each open `${` whose template continues after it
  let depth = 0;
  let line = 1;
  let i = 0;
  let lastSignificant = '';
  const n = source.length;

  const readQuoted = (quote) => {
    const start = i;
    const startLine = line;
    let text = '';
    i++;
    while (i < n && source[i] !== quote) {
      if (source[i] === '\\') {
        text += source[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (source[i] === '\n') line++;
      text += source[i++];
    }
    i++;
    found.push({ text, line: startLine, before: source.slice(Math.max(0, start - 80), start) });
  };

  // From just after a ` or a template's closing }, to the end of the template or its next `${`.
  const readTemplate = (startLine, start, text) => {
    while (i < n) {
      const c = source[i];
      if (c === '\\') {
        text += source[i + 1] ?? '';
        i += 2;
      } else if (c === '`') {
        i++;
        found.push({ text, line: startLine, before: source.slice(Math.max(0, start - 80), start) });
        return;
      } else if (c === '$' && source[i + 1] === '{') {
        i += 2;
        templates.push({ depth, startLine, start, text: `${text} ` });
        depth++;
        return;
      } else {
        if (c === '\n') line++;
        text += c;
        i++;
      }
    }
  };

  while (i < n) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '\n') {
      line++;
      i++;
    } else if (c === '/' && next === '/') {
      while (i < n && source[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      for (let k = i; k < stop; k++) if (source[k] === '\n') line++;
      i = stop;
    } else if (c === '/' && (lastSignificant === '' || '(,=:[!&|?{};+-*%<>~^'.includes(lastSignificant))) {
      // A regular expression literal: skip it (a quote in it is not a string).
      i++;
      let inClass = false;
      while (i < n && source[i] !== '\n') {
        if (source[i] === '\\') i += 2;
        else if (source[i] === '[') (inClass = true), i++;
        else if (source[i] === ']') (inClass = false), i++;
        else if (source[i] === '/' && !inClass) break;
        else i++;
      }
      i++;
      lastSignificant = '/';
    } else if (c === "'" || c === '"') {
      readQuoted(c);
      lastSignificant = 'a';
    } else if (c === '`') {
      const start = i;
      i++;
      readTemplate(line, start, '');
      lastSignificant = 'a';
    } else if (c === '{') {
      depth++;
      i++;
      lastSignificant = c;
    } else if (c === '}') {
      depth--;
      i++;
      const open = templates[templates.length - 1];
      if (open && open.depth === depth) {
        templates.pop();
        readTemplate(open.startLine, open.start, open.text);
        lastSignificant = 'a';
      } else {
        lastSignificant = c;
      }
    } else {
      if (!/\s/.test(c)) lastSignificant = /[\w$)\]]/.test(c) ? 'a' : c;
      i++;
    }
  }
  return found;
}

/** Every use of another lib's table in the SQL of libs/ and apps/: { file, line, table, owner, lib }. */
function violations(root) {
  const owners = tableOwners(root);
  const problems = [];
  for (const lib of [...packagesOf(root), ...packagesOf(root, 'apps')]) {
    for (const file of lib.files) {
      for (const literal of literals(fs.readFileSync(file, 'utf8'))) {
        const tables = [...literal.text.matchAll(SQL_REFERENCE)].map((m) => ({ table: m[1], offset: m.index }));
        if (BUILDER_CALL.test(literal.before) && owners.has(literal.text.trim())) tables.push({ table: literal.text.trim(), offset: 0 });
        for (const { table, offset } of tables) {
          const owner = owners.get(table);
          if (!owner || `libs/${owner.lib}` === lib.dir) continue;
          const line = literal.line + (literal.text.slice(0, offset).match(/\n/g) ?? []).length;
          problems.push({ file: path.relative(root, file), line, table, owner: `libs/${owner.lib}`, lib: lib.dir });
        }
      }
    }
  }
  return problems;
}

function main() {
  const root = path.resolve(process.argv[2] ?? path.join(__dirname, '..'));
  const problems = violations(root);
  for (const p of problems) {
    console.error(`${p.file}:${p.line}: table "${p.table}" belongs to ${p.owner}; ${p.lib} must use the store or SQL fragment ${p.owner} exports`);
  }
  if (problems.length > 0) {
    console.error(`check-table-owners: ${problems.length} use(s) of another lib's table (README, "How the pieces hold together": one owner per table)`);
    process.exit(1);
  }
  console.log(`check-table-owners: ${tableOwners(root).size} tables, each used in SQL by its owner only`);
}

if (require.main === module) main();

module.exports = { literals, tableOwners, violations };
