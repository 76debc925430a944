import type { ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { connect, createConnection, createServer, type Server, type Socket } from 'node:net'
import { join } from 'node:path'
import { asServerUser, exited, requireBinary, startServerProcess, waitFor } from './processes'

/** Resolves when something accepts TCP connections on `port`. */
export function portAccepts(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection(port, '127.0.0.1')
    socket.once('connect', () => {
      done(true)
      socket.destroy()
    })
    socket.once('error', () => done(false))
  })
}

/**
 * PgBouncer in transaction pooling mode, as a deployment would run it in front of PostgreSQL. Trust
 * authentication suits this machine only; the names must still be in the auth file.
 */
export async function startPgBouncer(dir: string, port: number, database: string, postgresPort: number): Promise<ChildProcess> {
  const binary = requireBinary('/usr/sbin/pgbouncer', 'pgbouncer')
  writeFileSync(join(dir, 'userlist.txt'), '"postgres" ""\n')
  const settings = [
    '[databases]',
    `${database} = host=127.0.0.1 port=${postgresPort} dbname=${database}`,
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    'unix_socket_dir =',
    'auth_type = trust',
    `auth_file = ${join(dir, 'userlist.txt')}`,
    'pool_mode = transaction',
    'max_client_conn = 500',
    'default_pool_size = 20',
    // While PostgreSQL is down, try it again every second and give waiting clients up after 5 s.
    'server_login_retry = 1',
    'query_wait_timeout = 5',
    'admin_users = postgres',
  ]
  const config = join(dir, 'pgbouncer.ini')
  writeFileSync(config, `${settings.join('\n')}\n`)
  const [command, args] = asServerUser(binary, [config])
  const child = startServerProcess(command, args, join(dir, 'pgbouncer.log'))
  await waitFor(() => portAccepts(port), `PgBouncer did not start on port ${port}: see ${join(dir, 'pgbouncer.log')}`, 20_000)
  return child
}

/** HAProxy's answer when no instance is ready: a problem document with Retry-After, as the app's own 503. */
const unavailable = [
  'HTTP/1.1 503 Service Unavailable',
  'Content-Type: application/problem+json',
  'Cache-Control: no-store',
  'Retry-After: 5',
  'Connection: close',
  '',
  '{"type":"about:blank","title":"Service Unavailable","status":503}',
  '',
].join('\r\n')

/** The HAProxy configuration of docs/deployment.md, with this harness's ports and a fast health check. */
export function haproxyConfig(dir: string, port: number, statsPort: number, instancePorts: number[]): string {
  writeFileSync(join(dir, '503.http'), unavailable)
  return [
    'global',
    '  maxconn 2000',
    `  stats socket ${join(dir, 'haproxy.sock')} mode 600 level admin`,
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 30s',
    '  timeout server 30s',
    '  option forwardfor',
    // A connection refused by an instance that just stopped is tried again on another; a GET (safe to send
    // twice) is also tried again when an instance closed without answering.
    '  retries 3',
    '  option redispatch 1',
    '  retry-on conn-failure empty-response response-timeout',
    `  errorfile 503 ${join(dir, '503.http')}`,
    'frontend register',
    `  bind 127.0.0.1:${port}`,
    '  http-request disable-l7-retry unless METH_GET || METH_HEAD',
    '  default_backend instances',
    'backend instances',
    '  balance roundrobin',
    '  option httpchk GET /api/health/ready',
    '  http-check expect status 200',
    '  http-response set-header X-Served-By %[srv_name]',
    '  default-server inter 500ms fall 1 rise 1',
    ...instancePorts.map((instancePort, index) => `  server app${index + 1} 127.0.0.1:${instancePort} check`),
    'frontend stats',
    `  bind 127.0.0.1:${statsPort}`,
    '  stats enable',
    '  stats uri /stats',
    '',
  ].join('\n')
}

/** Starts HAProxy with the configuration above, in the foreground as the harness's child. */
export async function startHaproxy(dir: string, port: number, statsPort: number, instancePorts: number[]): Promise<ChildProcess> {
  const binary = requireBinary('/usr/sbin/haproxy', 'haproxy')
  const config = join(dir, 'haproxy.cfg')
  writeFileSync(config, haproxyConfig(dir, port, statsPort, instancePorts))
  const child = startServerProcess(binary, ['-db', '-f', config], join(dir, 'haproxy.log'))
  await waitFor(() => portAccepts(port), `HAProxy did not start on port ${port}: see ${join(dir, 'haproxy.log')}`, 20_000)
  return child
}

/** Sends one command to HAProxy's admin socket and resolves with its answer. */
export function haproxyCommand(socketPath: string, command: string): Promise<string> {
  return new Promise((done, fail) => {
    let answer = ''
    const socket = connect(socketPath, () => socket.end(`${command}\n`))
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()))
    socket.on('end', () => done(answer))
    socket.on('error', fail)
  })
}

/** Stops a server child and waits for it. */
export async function stopChild(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!child) return
  child.kill(signal)
  await exited(child)
}

/** A TCP forwarder in front of PostgreSQL that a test can cut: each instance's direct (LISTEN) connection goes through one. */
export class Forwarder {
  #server: Server | undefined
  readonly #sockets = new Set<Socket>()

  constructor(
    readonly port: number,
    readonly targetPort: number,
  ) {}

  /** Forwards connections again. */
  async start(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.targetPort, '127.0.0.1')
      for (const socket of [client, upstream]) {
        this.#sockets.add(socket)
        socket.on('close', () => this.#sockets.delete(socket))
        socket.on('error', () => [client, upstream].forEach((each) => each.destroy()))
      }
      client.pipe(upstream).pipe(client)
    })
    await new Promise<void>((done, fail) => server.once('error', fail).listen(this.port, '127.0.0.1', done))
    this.#server = server
  }

  /** Cuts every open connection and refuses new ones, until start(). */
  async cut(): Promise<void> {
    const server = this.#server
    this.#server = undefined
    for (const socket of this.#sockets) socket.destroy()
    if (server) await new Promise<void>((done) => server.close(() => done()))
  }
}
