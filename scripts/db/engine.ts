// Prisma's WebAssembly schema engine driven through @prisma/adapter-pg, so migrations work without the
// native schema-engine binary (which the Prisma CLI would download).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQueryable,
} from '@prisma/driver-adapter-utils';
import type * as Wasm from '@prisma/schema-engine-wasm/schema_engine_bg';
import pg from 'pg';

export type SchemaEngine = Wasm.SchemaEngine;
export type { MigrationList, SchemaFilter } from '@prisma/schema-engine-wasm/schema_engine_bg';

export interface OpenOptions {
  /** Let the engine create temporary shadow databases on the server (needed by diff/diagnose). */
  shadow?: boolean;
  /** Use a fresh temporary database as the engine's main database; databaseUrl then only names the server. */
  scratch?: boolean;
  /** Prisma schema files as [path, content]; the engine reads datasource namespaces from them. */
  datamodels?: [string, string][];
  /** Receives the engine's JSON log lines. */
  log?: (line: string) => void;
}

export interface Engine {
  engine: SchemaEngine;
  /** Turns whatever an engine method threw into an Error with a readable message. */
  explain(error: unknown): Error;
  /** Frees the engine and drops the temporary databases. */
  close(): Promise<void>;
}

type PanicRegistry = { message: string; set_message(message: string): void };
const globals = globalThis as typeof globalThis & { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };

let wasmModule: Promise<typeof Wasm> | undefined;

// The package's ESM entry imports the .wasm file as a module, which Node 20 only allows behind a flag,
// so instantiate the glue by hand (once per process).
function loadWasm(): Promise<typeof Wasm> {
  wasmModule ??= (async () => {
    // The engine's panic hook writes the Rust panic message here (Prisma's CLI installs the same object).
    globals.PRISMA_WASM_PANIC_REGISTRY ??= {
      message: '',
      set_message(message: string) {
        this.message = message;
      },
    };
    const gluePath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const glue = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as typeof Wasm;
    const imports: Record<string, unknown> = { ...glue };
    for (const name of Object.keys(imports).filter((n) => n.startsWith('__wbg_setTimeout_'))) {
      // The engine never clears its timers (e.g. the 10 s advisory-lock timeout), which would keep the
      // process alive for 10 s after the work is done. Open connections keep it alive while work is pending.
      imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
    }
    const { instance } = await WebAssembly.instantiate(readFileSync(join(dirname(gluePath), 'schema_engine_bg.wasm')), {
      './schema_engine_bg.js': imports as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return wasmModule;
}

/** The Rust panic message, if the engine panicked (it then throws `RuntimeError: unreachable`). */
export function panicMessage(error: unknown): string | undefined {
  if (!(error instanceof WebAssembly.RuntimeError)) return undefined;
  return globals.PRISMA_WASM_PANIC_REGISTRY?.message || error.message;
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

// adapter-pg has no column type for the catalog type "char" (pg_constraint.contype etc.) and rejects such
// results, but the engine's describer selects them and expects ColumnType Character. So the pg client
// reports them as text and remembers their positions (keyed by the rows array, which adapter-pg passes
// through unchanged), and queryRaw then restores the column type.
const charColumns = new WeakMap<object, number[]>();

type PgResult = { fields?: { dataTypeID: number }[]; rows?: object };
function hideCharColumns<T>(result: T): T {
  for (const r of (Array.isArray(result) ? result : [result]) as PgResult[]) {
    const positions: number[] = [];
    r?.fields?.forEach((field, i) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        positions.push(i);
      }
    });
    if (positions.length && r.rows) charColumns.set(r.rows, positions);
  }
  return result;
}

class CharAwareClient extends pg.Client {
  // pg's query() has many overloads (callback or promise); wrap both shapes.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const query = super.query as (...a: unknown[]) => unknown;
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last] as (err: Error | null, res: unknown) => void;
      args[last] = (err: Error | null, res: unknown) => callback(err, err ? res : hideCharColumns(res));
      return query.apply(this, args);
    }
    const ret = query.apply(this, args);
    return ret instanceof Promise ? ret.then(hideCharColumns) : ret;
  }
}

function restoreCharColumns<Q extends SqlQueryable>(queryable: Q): Q {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

async function connect(url: string, onDispose?: () => Promise<void>): Promise<SqlDriverAdapter> {
  const pool = new pg.Pool({ connectionString: url, Client: CharAwareClient, max: 4 });
  pool.on('error', () => {}); // a dropped idle connection surfaces on the next query instead of crashing
  const adapter = restoreCharColumns(await new PrismaPg(pool, { disposeExternalPool: true }).connect());
  const dispose = adapter.dispose.bind(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  let disposed: Promise<void> | undefined;
  return Object.assign(adapter, {
    startTransaction: async (...args: Parameters<typeof startTransaction>) =>
      restoreCharColumns(await startTransaction(...args)),
    // adapter-pg splits scripts on every ";" (breaking $$ bodies, literals, comments) and autocommits the
    // pieces. Send the script as one simple-protocol query instead, like the native engine: Postgres runs
    // it as one implicit transaction, so a failing migration leaves nothing half-applied.
    executeScript: async (script: string) => {
      try {
        await pool.query(script);
      } catch (e) {
        if (!(e instanceof pg.DatabaseError)) throw e;
        // Pass Postgres' own code and message on (adapter-pg would map e.g. 42P01 to "No such table").
        const { code = 'XX000', severity = 'ERROR', message, detail, column, hint } = e;
        throw new DriverAdapterError({ kind: 'postgres', code, severity, message, detail, column, hint });
      }
    },
    // Idempotent, because both the engine and Engine.close() may call it.
    dispose: () => (disposed ??= dispose().then(() => onDispose?.())),
  });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const isMissingDatabase = (e: unknown) => (e as { code?: string })?.code === '3D000';

/** Runs one statement on the server; falls back to the `postgres` database if the named one is missing. */
async function adminQuery(url: string, sql: string): Promise<void> {
  for (const target of [url, withDatabase(url, 'postgres')]) {
    const client = new pg.Client({ connectionString: target });
    try {
      await client.connect();
    } catch (e) {
      await client.end().catch(() => {});
      if (isMissingDatabase(e) && target === url) continue;
      throw e;
    }
    try {
      await client.query(sql);
      return;
    } finally {
      await client.end();
    }
  }
}

/** Creates the database named in the URL if it does not exist, like `prisma migrate deploy`. Returns true if created. */
export async function ensureDatabase(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return false;
  } catch (e) {
    if (!isMissingDatabase(e)) throw e;
    try {
      await adminQuery(url, `CREATE DATABASE ${quoteIdent(databaseName(url))}`);
      return true;
    } catch (e) {
      // Someone else created it meanwhile (42P04, or 23505 when both CREATEs ran at the same time).
      const code = (e as { code?: string }).code;
      if (code === '42P04' || code === '23505') return false;
      throw e;
    }
  } finally {
    await client.end().catch(() => {});
  }
}

export async function openEngine(databaseUrl: string, options: OpenOptions = {}): Promise<Engine> {
  const temporary = new Set<string>();
  const prefix = (databaseName(databaseUrl) || 'postgres').slice(0, 40);
  const createTemporary = async (kind: string) => {
    const name = `${prefix}_${kind}_${randomBytes(6).toString('hex')}`;
    await adminQuery(databaseUrl, `CREATE DATABASE ${quoteIdent(name)}`);
    temporary.add(name);
    return name;
  };
  const dropTemporary = async (name: string) => {
    await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    temporary.delete(name);
  };

  const adapters = new Set<SqlDriverAdapter>();
  const track = async (adapter: Promise<SqlDriverAdapter>) => {
    const a = await adapter;
    adapters.add(a);
    return a;
  };
  const close = async () => {
    // The engine cannot await async cleanup when freed, so end its pools here (otherwise idle
    // connections keep the process alive), then drop whatever temporary databases are left.
    await Promise.all([...adapters].map((a) => a.dispose().catch(() => {})));
    await Promise.all([...temporary].map((name) => dropTemporary(name).catch(() => {})));
  };

  let mainUrl = databaseUrl;
  try {
    if (options.scratch) mainUrl = withDatabase(databaseUrl, await createTemporary('scratch'));
  } catch (e) {
    await close();
    throw e;
  }

  // PrismaPg.connectToShadowDb() (7.10) creates a database but then connects to the main one, so use our
  // own: every call gets a fresh, empty database, dropped again when the engine disposes the adapter.
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => track(connect(mainUrl)),
    connectToShadowDb: async () => {
      if (!options.shadow) throw new Error('this command was not allowed to create a shadow database');
      const name = await createTemporary('shadow');
      return track(connect(withDatabase(databaseUrl, name), () => dropTemporary(name)));
    },
  };
  const bound = bindMigrationAwareSqlAdapterFactory(factory);

  const explain = (error: unknown): Error => {
    const panic = panicMessage(error);
    if (panic) return new Error(`schema engine panicked: ${panic}`);
    const e = error as { message?: unknown; code?: unknown };
    let message = typeof e?.message === 'string' ? e.message : String(error);
    // A JS exception inside the adapter reaches the engine only as an id into the factory's error registry.
    message = message.replace(/External error id#(\d+)/g, (text, id: string) => {
      const original = bound.errorRegistry.consumeError(Number(id))?.error;
      return original === undefined ? text : original instanceof Error ? original.message : String(original);
    });
    // Engine errors end with a tracing span trace ("   0: sql_schema_connector::...", with arguments such
    // as migration_name="..."); keep only the migration name from it.
    const trace = /\n\s+0: [\s\S]*$/.exec(message)?.[0] ?? '';
    message = message
      .slice(0, message.length - trace.length)
      .replace(/^external connector error\n/, '')
      .trim();
    const migration = /migration_name="([^"]+)"/.exec(trace)?.[1];
    if (migration && !message.includes(migration)) message = `migration ${migration} failed: ${message}`;
    if (typeof e?.code === 'string' && !message.startsWith(e.code)) message = `${e.code}: ${message}`;
    return new Error(message);
  };

  try {
    const wasm = await loadWasm();
    const engine = await wasm.SchemaEngine.new(
      { datamodels: options.datamodels?.length ? options.datamodels : undefined },
      (line: string) => options.log?.(line),
      bound,
    );
    return {
      engine,
      explain,
      close: async () => {
        try {
          engine.free();
        } catch {
          // After a Rust panic the engine is poisoned and free() throws; still clean up below.
        }
        await close();
      },
    };
  } catch (e) {
    await close();
    throw explain(e);
  }
}
