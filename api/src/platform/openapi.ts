import { OpenApiGeneratorV3, type OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';

export function generateOpenApiDocument(registry: OpenAPIRegistry) {
  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: {
      title: '干部能力现代化平台 API (Cadre capability platform)',
      version: '0.1.0',
      description:
        'API of the cadre capability platform. Errors are application/problem+json (RFC 9457). ' +
        'Generated from the zod schemas in shared-models.',
    },
    servers: [{ url: '/' }],
  });
}
