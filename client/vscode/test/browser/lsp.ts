/**
 * A minimal LSP client over stdio for the browser tests: enough JSON-RPC framing to start the
 * real `pyiq serve`, open a document and ask for a hover, without pulling in another package.
 */

import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export class StdioLspClient {
  private readonly process: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners: ((method: string, params: unknown) => void)[] = [];
  stderr = "";

  constructor(argv: string[], env: NodeJS.ProcessEnv) {
    this.process = spawn(argv[0], argv.slice(1), { env, stdio: "pipe" });
    this.process.stdout.on("data", (chunk: Buffer) => this.receive(chunk));
    this.process.stderr.on("data", (chunk: Buffer) => (this.stderr += chunk.toString("utf8")));
    this.process.on("exit", () => {
      for (const { reject } of this.pending.values()) reject(new Error(`server exited: ${this.stderr.slice(-2000)}`));
      this.pending.clear();
    });
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString("ascii");
      const length = Number(/Content-Length: *(\d+)/i.exec(header)?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString("utf8");
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } });
    }
  }

  private dispatch(message: { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } }): void {
    if (message.method !== undefined && message.id !== undefined) {
      // A request from the server (configuration, registerCapability): answer it plainly.
      const result = message.method === "workspace/configuration" ? [null] : null;
      this.write({ jsonrpc: "2.0", id: message.id, result });
    } else if (message.method !== undefined) {
      for (const listener of this.listeners) listener(message.method, message.params);
    } else if (message.id !== undefined) {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) pending?.reject(new Error(message.error.message));
      else pending?.resolve(message.result);
    }
  }

  private write(message: Record<string, unknown>): void {
    const body = Buffer.from(JSON.stringify(message), "utf8");
    this.process.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.process.stdin.write(body);
  }

  request<T>(method: string, params: Json | Record<string, unknown>, timeoutMs = 20_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method} timed out; stderr: ${this.stderr.slice(-2000)}`)), timeoutMs);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.write({ jsonrpc: "2.0", id, method, params });
    });
  }

  notify(method: string, params: Json | Record<string, unknown>): void {
    this.write({ jsonrpc: "2.0", method, params });
  }

  /** The params of the first notification `method` satisfying `test`. */
  waitFor<T>(method: string, test: (params: T) => boolean, timeoutMs = 20_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} in time`)), timeoutMs);
      this.listeners.push((m, params) => {
        if (m === method && test(params as T)) {
          clearTimeout(timer);
          resolve(params as T);
        }
      });
    });
  }

  async close(): Promise<void> {
    try {
      await this.request("shutdown", null, 5_000);
      this.notify("exit", null);
    } catch {
      // Already gone.
    }
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        this.process.kill();
        resolve();
      }, 5_000);
      this.process.on("exit", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
