// `npm run openapi:generate`: writes the OpenAPI document generated from the zod schemas to openapi/v1.json,
// the copy that GET /api/v1/openapi.json serves and lib/openapi/document.test.ts compares against.
import { writeFileSync } from 'node:fs'
import { generateOpenApiDocument } from '../lib/openapi/document'

const file = 'openapi/v1.json'
writeFileSync(file, `${JSON.stringify(generateOpenApiDocument(), null, 2)}\n`)
console.info(`Wrote ${file}`)
