// GET /api/stream: Server-Sent Events of new events (matching the filters) and new alerts, from polling the store.
import type { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import type { Store } from "../../store/store.js";
import type { ApiContext } from "../context.js";
import { listQuery } from "../list-query.js";
import { paramsOf } from "../openapi.js";
import { ApiError, safeJson } from "../respond.js";
import { eventJson } from "./events.js";

const BATCH = 500;
/** A comment line this often keeps proxies and clients from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

/** The highest event seq: found by halving over the `after` cursor (the Store has no max-seq query; ~2·log2(n) indexed lookups). */
export async function lastEventSeq(store: Store): Promise<number> {
  const beyond = async (after: number) => (await store.queryEvents({ after, limit: 1 })).length > 0;
  if (!(await beyond(0))) return 0;
  let lo = 0;
  let hi = 1;
  while (await beyond(hi)) [lo, hi] = [hi, hi * 2];
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (await beyond(mid)) lo = mid;
    else hi = mid;
  }
  return hi;
}

async function lastAlertSeq(store: Store): Promise<number> {
  const all = await store.outbox.listAlerts();
  return all.length ? all[all.length - 1].seq : 0;
}

export function registerStream(app: Hono, ctx: ApiContext): void {
  const read = listQuery(paramsOf("/api/stream", "get"));
  let open = 0;
  app.get("/api/stream", async (c) => {
    const q = read(c, ctx.now());
    if (open >= ctx.maxStreams) throw new ApiError(429, "E_API_RATE", `${ctx.maxStreams} streams are open already`, { "Retry-After": "30" });
    // resume from Last-Event-ID ("<event seq>:<alert seq>"), else from now
    const last = /^(\d+):(\d+)$/.exec(c.req.header("last-event-id") ?? "");
    let ev = last ? Number(last[1]) : await lastEventSeq(ctx.store);
    let al = last ? Number(last[2]) : await lastAlertSeq(ctx.store);
    open++;
    c.header("X-Accel-Buffering", "no");
    return streamSSE(
      c,
      async (stream) => {
        try {
          await stream.writeSSE({ event: "ready", id: `${ev}:${al}`, data: safeJson({ after: `${ev}:${al}` }) });
          let quiet = 0;
          while (!stream.aborted && !stream.closed) {
            let sent = 0;
            for (;;) {
              const rows = await ctx.store.queryEvents({ ...q.filters, after: ev, limit: BATCH });
              for (const r of rows) {
                ev = r.seq;
                await stream.writeSSE({ event: "event", id: `${ev}:${al}`, data: safeJson(eventJson(r)) });
              }
              sent += rows.length;
              if (rows.length < BATCH) break;
            }
            for (const a of (await ctx.store.outbox.listAlerts()).filter((x) => x.seq > al)) {
              al = a.seq;
              sent++;
              await stream.writeSSE({ event: "alert", id: `${ev}:${al}`, data: safeJson(a) });
            }
            quiet = sent ? 0 : quiet + ctx.pollMs;
            if (quiet >= HEARTBEAT_MS) {
              quiet = 0;
              await stream.write(": keep-alive\n\n");
            }
            await stream.sleep(ctx.pollMs);
          }
        } finally {
          open--;
        }
      },
      async (e, stream) => {
        ctx.report(e);
        // the client learns that the stream failed, not why (the reason may name files or SQL)
        await stream.writeSSE({ event: "error", data: safeJson({ error: { code: "E_API_INTERNAL", message: "the stream failed; reconnect with Last-Event-ID" } }) });
      },
    );
  });
}
