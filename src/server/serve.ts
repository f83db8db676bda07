// Starts and stops the API's Node HTTP server; a port that is taken or not allowed is a SitrepError (E_SERVE_PORT), not a stack trace.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { createAdaptorServer } from "@hono/node-server";
import type { Hono } from "hono";
import { SitrepError, problem } from "../core/problems.js";

export interface RunningServer {
  /** The address bound (the port chosen when 0 was asked). */
  host: string;
  port: number;
  url: string;
  /** Closes the listener and every open connection (streams included). */
  stop(): Promise<void>;
}

/** Headers and whole requests that take longer than this are cut (slow-loris); streams are long responses, not long requests. */
const REQUEST_TIMEOUT_MS = 30_000;

export function startServer(app: Hono, opts: { host?: string; port: number }): Promise<RunningServer> {
  const host = opts.host ?? "127.0.0.1";
  const server = createAdaptorServer({ fetch: app.fetch, serverOptions: { requestTimeout: REQUEST_TIMEOUT_MS, headersTimeout: REQUEST_TIMEOUT_MS } }) as Server;
  return new Promise((resolve, reject) => {
    const fail = (e: NodeJS.ErrnoException) => {
      const where = `${host}:${opts.port}`;
      const why = e.code === "EADDRINUSE" ? "the port is in use (another sitrep serve? choose one with --port)" : e.code === "EACCES" ? "not allowed to bind it (ports below 1024 need privileges)" : e.code === "EADDRNOTAVAIL" ? "no such address on this machine (--host)" : e.message;
      reject(new SitrepError(problem("E_SERVE_PORT", where, why)));
    };
    server.once("error", fail);
    server.listen(opts.port, host, () => {
      server.off("error", fail);
      const a = server.address() as AddressInfo;
      const shown = a.family === "IPv6" ? `[${a.address}]` : a.address;
      resolve({
        host: a.address,
        port: a.port,
        url: `http://${shown}:${a.port}`,
        stop: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
