export * from './users'
export * from './api-clients'
export * from './revisions'
export * from './register'
