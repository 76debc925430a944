import { readFileSync } from 'node:fs'
import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, it } from 'vitest'
import { generateOpenApiDocument } from './document'

const committedFile = 'openapi/v1.json'

describe('the OpenAPI document', () => {
  it('is committed as generated: run `npm run openapi:generate` after changing a schema or a path', () => {
    const committed: unknown = JSON.parse(readFileSync(committedFile, 'utf8'))
    // A JSON round trip drops what JSON cannot hold (undefined), as writing the file did.
    expect(committed).toEqual(JSON.parse(JSON.stringify(generateOpenApiDocument())))
  })

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator()
    const result = await validator.validate(JSON.parse(readFileSync(committedFile, 'utf8')) as Record<string, unknown>)
    expect(result.errors).toBeUndefined()
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
  })

  it('has every register API path, each with its errors, and every $ref resolves', () => {
    const validator = new Validator()
    const document = generateOpenApiDocument()
    expect(Object.keys(document.paths ?? {}).sort()).toEqual(['/info', '/openapi.json', '/providers', '/providers/changes', '/providers/{id}'])
    expect(Object.keys(document.paths?.['/providers']?.get?.responses ?? {}).sort()).toEqual(['200', '304', '400', '401', '403', '404', '429', '500', '503'])
    expect(Object.keys(document.paths?.['/providers/{id}']?.get?.responses ?? {}).sort()).toEqual([
      '200',
      '304',
      '400',
      '401',
      '403',
      '404',
      '429',
      '500',
      '503',
    ])
    expect(Object.keys(document.paths?.['/providers/changes']?.get?.responses ?? {}).sort()).toEqual([
      '200',
      '304',
      '400',
      '401',
      '403',
      '404',
      '410',
      '429',
      '500',
      '503',
    ])
    expect(() => validator.resolveRefs({ specification: JSON.parse(JSON.stringify(document)) as Record<string, unknown> })).not.toThrow()
  })

  it('documents the list parameters the handler accepts, with their limits', () => {
    const parameters = generateOpenApiDocument().paths?.['/providers']?.get?.parameters ?? []
    const byName = Object.fromEntries(parameters.map((parameter) => ('name' in parameter ? [parameter.name, parameter] : ['$ref', parameter])))
    expect(Object.keys(byName)).toEqual(['changed_since', 'academic_year', 'provider_type', 'accreditation_status', 'page', 'per_page', 'If-None-Match'])
    expect(byName.per_page).toMatchObject({ in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } })
    expect(Object.keys(byName)).not.toContain('cursor')
  })

  it('documents the change feed’s parameters and If-None-Match', () => {
    const parameters = generateOpenApiDocument().paths?.['/providers/changes']?.get?.parameters ?? []
    expect(parameters.map((parameter) => ('name' in parameter ? `${parameter.in} ${parameter.name}` : '$ref'))).toEqual([
      'query cursor',
      'query per_page',
      'header If-None-Match',
    ])
  })

  it('gives every path the 404 of the switched-off API, an OPTIONS with Allow, and the 405 for other methods', () => {
    const paths = Object.entries(generateOpenApiDocument().paths ?? {})
    expect(paths.length).toBeGreaterThan(3)
    for (const [path, item] of paths) {
      const notFound = item.get?.responses?.['404']
      expect(notFound && 'description' in notFound ? notFound.description : '', path).toMatch(/switched off/)
      expect(Object.keys(item.options?.responses ?? {}).sort(), path).toEqual(['204', '404', '405'])
      expect(item.options?.responses?.['204'], path).toMatchObject({ headers: { Allow: { $ref: '#/components/headers/Allow' } } })
    }
  })

  it('names its licence and a contact, and serves with an absolute server URL from PUBLIC_URL or NEXTAUTH_URL', async () => {
    const { info } = generateOpenApiDocument()
    expect(info.license).toEqual({ name: 'Open Government Licence v3.0', url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/' })
    expect(info.contact).toEqual({ name: 'Department for Education', url: 'https://www.gov.uk/contact-dfe' })
    const { publicBaseUrl, servedOpenApiDocument } = await import('./served')
    const served = (values: Parameters<typeof publicBaseUrl>[0]) => servedOpenApiDocument(generateOpenApiDocument(), publicBaseUrl(values)).servers
    expect(served({ PUBLIC_URL: 'https://api.register.test/register', NEXTAUTH_URL: 'https://staff.register.test', NODE_ENV: 'production' })).toEqual([
      { url: 'https://api.register.test/register/api/v1', description: 'This service' },
    ])
    expect(served({ PUBLIC_URL: undefined, NEXTAUTH_URL: 'https://staff.register.test/', NODE_ENV: 'production' })?.[0]?.url).toBe('https://staff.register.test/api/v1')
    expect(served({ PUBLIC_URL: undefined, NEXTAUTH_URL: undefined, NODE_ENV: 'development' })?.[0]?.url).toBe('http://localhost:3000/api/v1')
    // Never the caller's Host header: with nothing configured in production the URL stays relative.
    expect(served({ PUBLIC_URL: undefined, NEXTAUTH_URL: undefined, NODE_ENV: 'production' })?.[0]?.url).toBe('/api/v1')
  })
})
