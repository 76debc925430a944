// Types for postcss.config.mjs, which stays JavaScript because Next loads it outside TypeScript.
import type { AcceptedPlugin } from 'postcss'

declare const config: { plugins: AcceptedPlugin[] }
export default config
