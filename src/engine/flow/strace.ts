/**
 * `strace` of the client: the system calls it makes, each put on the hop
 * where it happens. For TCP the client is curl 8.7.1 as the write-up traces it
 * (`strace -f curl -s $SVCIP`): socket(), four setsockopt(), connect() to the
 * address it was given (-1 EINPROGRESS: non-blocking), getsockname() once the
 * SYN is out (the source port exists only then), getsockopt(SO_ERROR) and
 * getsockname() three times once connected, sendto() of the request,
 * recvfrom() of the response. curl never calls getpeername(): it knows whom
 * it connected to. Sizes are the payloads' lengths (./http.ts). For UDP a
 * resolver's sendto()/recvfrom(). ICMP (ping) is not traced.
 */
import type { HopEvent, SockAddr } from '../trace.ts';

/** The client's socket (fd 5, as in the write-up: curl has 3 and 4 open already). */
export const CLIENT_FD = 5;
/** curl's receive buffer (CURL_MAX_READ_SIZE default), the write-up's recvfrom size. */
const CURL_READ = 102400;

const sockaddr = (a: SockAddr) => `{sa_family=AF_INET, sin_port=htons(${a.port}), sin_addr=inet_addr("${a.ip}")}`;

/** A buffer as strace -s 65535 prints it: quoted, with C escapes. */
const ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\r': '\\r', '\n': '\\n', '\t': '\\t' };
export const straceString = (s: string) => `"${s.replace(/[\\"\r\n\t]/g, (c) => ESCAPES[c] ?? c)}"`;

const fd = CLIENT_FD;

/** Before and with connect(): curl's socket set-up, then connect() to the address it was given. */
export function curlConnect(to: SockAddr, result: string): string[] {
  return [
    `socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = ${fd}`,
    `setsockopt(${fd}, SOL_TCP, TCP_NODELAY, [1], 4) = 0`,
    `setsockopt(${fd}, SOL_SOCKET, SO_KEEPALIVE, [1], 4) = 0`,
    `setsockopt(${fd}, SOL_TCP, TCP_KEEPIDLE, [60], 4) = 0`,
    `setsockopt(${fd}, SOL_TCP, TCP_KEEPINTVL, [60], 4) = 0`,
    `connect(${fd}, ${sockaddr(to)}, 16) = ${result}`,
  ];
}

export const CONNECT_IN_PROGRESS = '-1 EINPROGRESS (Operation in progress)';
export const CONNECT_NO_ROUTE = '-1 EHOSTUNREACH (No route to host)';

/** curl asks for its own address once connect() returned: the kernel's port is there now. */
export const curlGetsockname = (local: SockAddr) => `getsockname(${fd}, ${sockaddr(local)}, [128 => 16]) = 0`;

/** Connected (poll said POLLOUT): curl checks the error, reads its address three times, sends. */
export function curlSend(local: SockAddr, request: string): string[] {
  const name = curlGetsockname(local);
  return [
    `getsockopt(${fd}, SOL_SOCKET, SO_ERROR, [0], [4]) = 0`, name, name, name,
    `sendto(${fd}, ${straceString(request)}, ${request.length}, MSG_NOSIGNAL, NULL, 0) = ${request.length}`,
  ];
}

export const curlReceive = (response: string) =>
  `recvfrom(${fd}, ${straceString(response)}, ${CURL_READ}, 0, NULL, NULL) = ${response.length}`;

/** A resolver's datagram to `to` (after any socket LB, the application still names the service). */
export const udpSend = (payload: string, to: SockAddr) =>
  `sendto(${fd}, ${straceString(payload)}, ${payload.length}, 0, ${sockaddr(to)}, 16) = ${payload.length}`;

export const udpReceive = (payload: string, from: SockAddr) =>
  `recvfrom(${fd}, ${straceString(payload)}, 512, 0, ${sockaddr(from)}, [16]) = ${payload.length}`;

/** Appends calls to a hop (events are the walk's own objects until the trace is returned). */
export function addSyscalls(e: HopEvent | undefined, lines: string[]): void {
  if (!e || lines.length === 0) return;
  e.syscalls = [...(e.syscalls ?? []), ...lines];
}
