import { createRequire } from 'node:module';
import path from 'node:path';
import express, { Router } from 'express';

const require = createRequire(import.meta.url);

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API 文档 · 干部能力现代化平台</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>`;

// Kept as a separate file so the page works under a CSP without 'unsafe-inline' scripts.
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;

/** A page to browse /api/openapi.json, served from the swagger-ui-dist package (no CDN). */
export function createApiDocsRouter(): Router {
  const router = Router();
  const assets = path.dirname(require.resolve('swagger-ui-dist/package.json'));
  router.get('/', (_req, res) => res.type('html').send(PAGE));
  router.get('/init.js', (_req, res) => res.type('js').send(INIT));
  router.use('/assets', express.static(assets, { index: false, maxAge: '1d' }));
  return router;
}
