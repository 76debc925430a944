// Vitest stand-in for the 'server-only' marker package, which throws unless bundled for the server.
export {}
