import { describe, expect, it } from 'vitest';
import { validateApp } from '../../../src/generator/validate/index.ts';

const PACKAGES = { packages: ['express', 'ws'] };
const PAGE = '<!DOCTYPE html><html><head><link rel="stylesheet" href="./style.css"></head><body><script src="app.js?v=1"></script></body></html>';

describe('validateApp', () => {
  it('accepts a sound web app', () => {
    const files = [
      { path: 'index.html', content: PAGE },
      { path: 'style.css', content: 'body{}' },
      { path: 'app.js', content: 'const x = 1; export {};' },
    ];
    expect(validateApp('webapp', files, PACKAGES)).toEqual({ ok: true, errors: [] });
  });

  it('reports a missing entry file', () => {
    expect(validateApp('api', [{ path: 'index.js', content: '' }], PACKAGES).errors).toContain('missing entry file: the app must have server.js');
    expect(validateApp('script', [], PACKAGES).errors[0]).toMatch(/main\.js or main\.py/);
  });

  it('catches JS syntax errors with their position', () => {
    const result = validateApp('script', [{ path: 'main.js', content: 'console.log("hi";\n' }], PACKAGES);
    expect(result.ok).toBe(false);
    expect(result.errors[0]).toMatch(/^main\.js: syntax error: .*\(1:\d+\)/);
  });

  it('names imports that the sandbox does not have, and allows built-ins and curated packages', () => {
    const server = [
      "const express = require('express');",
      "const fs = require('node:fs');",
      "const path = require('path');",
      "const _ = require('lodash');",
      "const { z } = require('zod/v4');",
      "import('ws');",
      'express().listen(process.env.PORT);',
    ].join('\n');
    const result = validateApp('api', [{ path: 'server.js', content: server }], PACKAGES);
    expect(result.errors).toEqual([
      "server.js: import of 'lodash' is not available in the sandbox; use Node built-ins or express, ws",
      "server.js: import of 'zod' is not available in the sandbox; use Node built-ins or express, ws",
    ]);
  });

  it('checks ES module imports and relative files too', () => {
    const server = "import express from 'express';\nimport db from './db.js';\nimport chalk from 'chalk';\nexpress().listen(process.env.PORT);";
    const result = validateApp('api', [{ path: 'server.js', content: server }], PACKAGES);
    expect(result.errors).toEqual(["server.js: import of 'chalk' is not available in the sandbox; use Node built-ins or express, ws"]);
  });

  it('requires an api server to listen on process.env.PORT', () => {
    const result = validateApp('api', [{ path: 'server.js', content: "require('http').createServer().listen(3000);" }], PACKAGES);
    expect(result.errors).toEqual(['server.js: the server must listen on process.env.PORT']);
    const ok = validateApp('api', [{ path: 'server.js', content: "const { PORT } = process.env; require('http').createServer().listen(PORT);" }], PACKAGES);
    expect(ok.errors).toEqual([]);
  });

  it('catches an unclosed <script>, a broken inline script and a missing local file in HTML', () => {
    expect(validateApp('webapp', [{ path: 'index.html', content: '<html><body><script>let a = 1;</body></html>' }], PACKAGES).errors).toEqual([
      'index.html: <script> is never closed: add </script>',
    ]);
    const broken = validateApp('webapp', [{ path: 'index.html', content: '<html><body>\n<script>\nfunction (\n</script></body></html>' }], PACKAGES);
    expect(broken.errors[0]).toMatch(/^index\.html: inline <script> at line 2: Unexpected token/);
    const missing = validateApp('webapp', [{ path: 'index.html', content: PAGE }], PACKAGES);
    expect(missing.errors).toEqual(['index.html loads style.css, which is not one of the app\'s files', 'index.html loads app.js, which is not one of the app\'s files']);
  });

  it('ignores non-JS script types and flags bare imports in browser code', () => {
    const page = '<html><body><script type="application/json">{"a":</script><script type="module">import x from "lodash";</script></body></html>';
    expect(validateApp('webapp', [{ path: 'index.html', content: page }], PACKAGES).errors).toEqual([]);
    const js = validateApp('webapp', [{ path: 'index.html', content: '<p>' }, { path: 'a.js', content: "import x from 'lodash';" }], PACKAGES);
    expect(js.errors).toEqual(["a.js: bare import of 'lodash' cannot load in the browser; use a relative path or a full https:// URL"]);
  });

  it('reads the curated packages from images/runtime/packages.json by default', () => {
    const server = "require('better-sqlite3'); require('express'); require('process'); process.env.PORT;";
    expect(validateApp('api', [{ path: 'server.js', content: server }]).errors).toEqual([]);
  });
});
