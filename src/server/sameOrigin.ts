// Only the user's own pages talk to the server.
//
// Host: a web page the user visits can point a name it controls at 127.0.0.1 (DNS
// rebinding) and then talk to the server as a same-origin page of that name. Its
// requests carry that name in Host, so the server answers only to its own names:
// localhost, 127.0.0.1, [::1], the address it is bound to or was reached on, on its
// own port, and the names given with `--allowed-host` (a reverse proxy's name, a LAN
// name when bound to 0.0.0.0). Anything else gets 421 Misdirected Request.
//
// Origin: a state-changing request (anything but GET/HEAD/OPTIONS; the console is a
// POST) from a browser carries Origin, and it must be this server's own origin. A
// cross-site Origin, "null" (sandboxed frames, file: pages) or a cross-site
// Sec-Fetch-Site gets 403. A request without Origin is not from a web page (curl,
// scripts, the CLI) and is let through: those clients could send any header anyway.
import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { ApiError } from '../graph/model.ts';

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

interface HostPort {
  host: string;
  port: number;
}

/** "Name:port", "[v6]:port" or "name" (port from the scheme); null when it is not one. */
function parseHost(value: string, defaultPort: number): HostPort | null {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]/@\s]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!m) return null;
  const host = m[1].toLowerCase().replace(/\.$/, '');
  return { host, port: m[2] ? Number(m[2]) : defaultPort };
}

/** A socket address as it appears in a Host header. */
function asHost(address: string | undefined): string | null {
  if (!address) return null;
  const plain = address.replace(/^::ffff:/, '');
  return plain.includes(':') ? `[${plain.toLowerCase()}]` : plain;
}

function refuse(res: Response, status: number, code: string, message: string): void {
  const body: ApiError = { error: { code, message } };
  res.status(status).json(body);
}

/**
 * The Host rule: the request's target and whether it is one of the server's own names
 * ('own') or an `--allowed-host` name ('listed'); null when the server must not answer.
 * `boundHost` is the address the server listens on; `allowedHosts` are `--allowed-host`
 * names (`name` matches any port, `name:port` that port only).
 */
export function hostRule(boundHost: string, allowedHosts: string[]) {
  const allowed = allowedHosts.map((entry) => parseHost(entry, -1)).filter((e): e is HostPort => e !== null);
  const bound = WILDCARD.has(boundHost) ? null : asHost(boundHost.replace(/^\[|\]$/g, ''));
  return (req: IncomingMessage): { target: HostPort; kind: 'own' | 'listed' } | null => {
    const target = parseHost(req.headers.host ?? '', 80);
    if (!target) return null;
    if (target.port === req.socket.localPort && (LOOPBACK.includes(target.host) || target.host === bound || target.host === asHost(req.socket.localAddress))) {
      return { target, kind: 'own' };
    }
    return allowed.some((a) => a.host === target.host && (a.port === -1 || a.port === target.port)) ? { target, kind: 'listed' } : null;
  };
}

/** Express middleware enforcing the Host and Origin rules (arguments as for hostRule). */
export function sameOrigin(boundHost: string, allowedHosts: string[]) {
  const rule = hostRule(boundHost, allowedHosts);
  return (req: Request, res: Response, next: NextFunction): void => {
    const hostHeader = req.headers.host ?? '';
    const own = rule(req);
    if (!own) {
      refuse(
        res,
        421,
        'misdirected',
        `This papergraph server answers only to localhost, 127.0.0.1 and [::1] on port ${req.socket.localPort} ` +
          `and to names given with --allowed-host (or PAPERGRAPH_ALLOWED_HOSTS); this request was for "${hostHeader.slice(0, 100)}".`,
      );
      return;
    }
    const { target, kind } = own;
    if (SAFE_METHODS.has(req.method)) {
      next();
      return;
    }
    const origin = req.headers.origin;
    const fetchSite = req.headers['sec-fetch-site'];
    if (fetchSite === 'cross-site' || fetchSite === 'same-site') {
      refuse(res, 403, 'forbidden', `Cross-site request refused (Sec-Fetch-Site: ${fetchSite}): only the explorer's own pages may send it.`);
      return;
    }
    if (origin === undefined) {
      next();
      return;
    }
    let from: HostPort | null = null;
    let scheme = '';
    try {
      const url = new URL(origin);
      scheme = url.protocol;
      if (scheme === 'http:' || scheme === 'https:') from = parseHost(url.host, scheme === 'https:' ? 443 : 80);
    } catch {
      from = null;
    }
    // The server speaks plain HTTP, so its own pages are http://its-name:its-port. A listed
    // name may sit behind a TLS proxy that drops the port (https://name → Host: name), so
    // for those only the host name must match.
    const same = from !== null && from.host === target.host && (kind === 'listed' || (scheme === 'http:' && from.port === target.port));
    if (!same) {
      refuse(res, 403, 'forbidden', `Cross-site request refused: it came from ${JSON.stringify(origin.slice(0, 100))}, not from this server's own pages.`);
      return;
    }
    next();
  };
}
