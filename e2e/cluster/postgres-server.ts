import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { postgresBin, runAsServerUser } from './processes'

/**
 * A throwaway PostgreSQL cluster of the harness's own, on its own port: the test that restarts PostgreSQL
 * must never restart the machine's shared server, so the whole harness runs on this one.
 */
export class PostgresServer {
  readonly dataDir: string

  constructor(
    readonly dir: string,
    readonly port: number,
  ) {
    this.dataDir = join(dir, 'pgdata')
  }

  /** The superuser URL of `database` on this server. */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`
  }

  /** initdb with trust authentication for local connections, and settings for a disposable server. */
  init(): void {
    runAsServerUser(postgresBin('initdb'), ['-D', this.dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8'])
    // Durability is not what these tests are about; skipping fsync spares the shared machine's disk.
    const settings = [
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      'max_connections = 200',
      `unix_socket_directories = '${this.dir}'`,
    ]
    writeFileSync(join(this.dataDir, 'postgresql.auto.conf'), `${settings.join('\n')}\n`, { flag: 'a' })
  }

  /** Starts the server and waits until it accepts connections. */
  start(): void {
    runAsServerUser(postgresBin('pg_ctl'), [
      '-D',
      this.dataDir,
      '-l',
      join(this.dir, 'postgres.log'),
      '-o',
      `-p ${this.port} -h 127.0.0.1`,
      '-w',
      '-t',
      '60',
      'start',
    ])
  }

  /** Stops the server at once (fast mode: open sessions are ended, as in a failover or a restart). */
  stop(): void {
    runAsServerUser(postgresBin('pg_ctl'), ['-D', this.dataDir, '-m', 'fast', '-w', '-t', '60', 'stop'])
  }
}
