import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_INDEX_URL,
  contentTypeOf,
  isAllowedRequestUrl,
  isAppPageUrl,
  resolveAppFile,
} from '../../src/main/security/appUrls';
import { contentSecurityPolicy } from '../../src/main/security/contentSecurityPolicy';
import { isTrustedSender } from '../../src/main/ipc/trustedSender';

const RENDERER = resolve('/opt/workbench/out/renderer');
const DEV = 'http://localhost:5173/';

describe('resolveAppFile', () => {
  it.each([
    ['app://workbench/', 'index.html'],
    ['app://workbench/index.html', 'index.html'],
    ['app://workbench/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://workbench/assets/a%20b.css', 'assets/a b.css'],
    ['app://workbench/../secret', 'secret'],
    ['app://workbench/%2e%2e/secret', 'secret'],
  ])('maps %s inside the folder', (url, file) => {
    expect(resolveAppFile(RENDERER, url)).toBe(join(RENDERER, file));
  });

  it.each([
    'app://workbench/..%2f..%2fetc%2fpasswd',
    'app://workbench/%2e%2e%2fsecret',
    'app://other/index.html',
    'file:///etc/passwd',
    'app://workbench/%E0%A4%A',
    'not a url',
  ])('rejects %s', (url) => {
    expect(resolveAppFile(RENDERER, url)).toBeNull();
  });
});

describe('isAppPageUrl', () => {
  it('accepts the app page', () => {
    expect(isAppPageUrl(APP_INDEX_URL)).toBe(true);
  });

  it.each(['https://example.com/', 'file:///index.html', 'app://other/index.html', DEV])(
    'rejects %s when packaged',
    (url) => {
      expect(isAppPageUrl(url)).toBe(false);
    },
  );

  it('accepts only the dev server in development', () => {
    expect(isAppPageUrl('http://localhost:5173/index.html', DEV)).toBe(true);
    expect(isAppPageUrl('http://localhost:5174/', DEV)).toBe(false);
    expect(isAppPageUrl(APP_INDEX_URL, DEV)).toBe(false);
  });
});

describe('isAllowedRequestUrl', () => {
  it.each([
    [APP_INDEX_URL, undefined, true],
    ['devtools://devtools/bundled/inspector.html', undefined, true],
    ['https://fonts.googleapis.com/css', undefined, false],
    ['http://127.0.0.1:8080/', undefined, false],
    ['http://localhost:5173/@vite/client', DEV, true],
    ['ws://localhost:5173/', DEV, true],
    ['http://localhost:9999/', DEV, false],
    ['https://example.com/', DEV, false],
  ])('treats %s with dev server %s as allowed: %s', (url, devServer, allowed) => {
    expect(isAllowedRequestUrl(url, devServer)).toBe(allowed);
  });
});

describe('contentTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.bin', 'application/octet-stream'],
  ])('types %s', (file, type) => {
    expect(contentTypeOf(file)).toBe(type);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows scripts only from the app', () => {
    const directives = contentSecurityPolicy().split('; ');
    expect(directives).toContain("default-src 'self'");
    expect(directives).toContain("script-src 'self'");
    expect(directives).toContain("object-src 'none'");
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('allows the hot-reload socket in development', () => {
    expect(contentSecurityPolicy(DEV)).toContain("connect-src 'self' ws://localhost:5173");
  });
});

describe('isTrustedSender', () => {
  const appFrame = { fromAppWindow: true, isTopFrame: true, url: APP_INDEX_URL };

  it('trusts the app page', () => {
    expect(isTrustedSender(appFrame)).toBe(true);
  });

  it.each([
    ['a closed frame', null],
    ['another window', { ...appFrame, fromAppWindow: false }],
    ['an iframe', { ...appFrame, isTopFrame: false }],
    ['a navigated page', { ...appFrame, url: 'https://example.com/' }],
  ])('rejects %s', (_case, frame) => {
    expect(isTrustedSender(frame)).toBe(false);
  });
});
