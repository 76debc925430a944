import { describe, expect, it } from 'vitest'
import { nodeFlagsOf, startScriptNodeFlags } from './node-flags'

describe('startScriptNodeFlags', () => {
  it("reads the heap settings from package.json's start script, which runs Next's own binary", () => {
    // The benchmarks and the cluster journeys start the server with these: a start script they cannot read would
    // leave them measuring V8's defaults without a word (docs/decisions/0030).
    expect(startScriptNodeFlags()).toEqual(['--max-old-space-size=2000', '--max-semi-space-size=16'])
  })

  it('finds no flags in a start script of another form', () => {
    expect(nodeFlagsOf('next start --port 3000')).toEqual([])
    expect(nodeFlagsOf('node node_modules/next/dist/bin/next start')).toEqual([])
    expect(nodeFlagsOf(' node --a  --b node_modules/next/dist/bin/next start')).toEqual(['--a', '--b'])
  })
})
