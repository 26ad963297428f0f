/**
 * The bytes of the TCP conversation: what `curl -s http://HOST[:PORT]/` (curl
 * 8.7.1, as in the write-up) sends, and what traefik/whoami (the webpods'
 * image) answers. Sizes are the byte lengths of these texts, so strace's
 * sendto/recvfrom and tcpdump's `length` come from the flow, not from a table:
 *
 * - request: `GET / HTTP/1.1`, `Host:` (the address curl was given: the
 *   ClusterIP for a service, `:port` added unless 80), `User-Agent`, `Accept`,
 *   CRLF line ends, an empty line. For 10.10.252.131 that is 76 bytes.
 * - response (whoami's handler): `Hostname:` the pod name, one `IP:` line per
 *   address of the pod (lo 127.0.0.1 and ::1, the pod IP, the IPv6 link-local
 *   address the kernel forms from eth0's MAC, EUI-64), `RemoteAddr:` the
 *   client address as the server saw it, then the request echoed; Go's
 *   net/http adds `Date`, `Content-Length` and `Content-Type`. For the
 *   write-up's webpod2 that is 311 bytes (a 193-byte body).
 * A server that is not a pod answers with an empty 200 (a stand-in: the lab
 * cannot know what an outside server says).
 */
import type { Ipv4, Mac } from '../../scenario/values.ts';
import { linkLocal } from '../util/link-local.ts';

const CRLF = '\r\n';
export const CURL_VERSION = '8.7.1';

/** curl's request line and headers for `curl -s http://host[:port]/`. */
export function curlRequest(host: Ipv4 | string, port: number): string {
  const hostHeader = port === 80 ? host : `${host}:${port}`;
  const lines = ['GET / HTTP/1.1', `Host: ${hostHeader}`, `User-Agent: curl/${CURL_VERSION}`, 'Accept: */*', '', ''];
  return lines.join(CRLF);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** Go's http.TimeFormat (RFC 7231 IMF-fixdate), `Mon, 28 Oct 2024 15:09:36 GMT`: always 29 characters. */
export function httpDate(us: number): string {
  const d = new Date(Math.floor(us / 1000));
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} GMT`;
}

export interface WhoamiPod {
  name: string;
  ip: Ipv4;
  mac: Mac;
}

/** whoami's answer to `request`, from `remote` (`ip:port` as the server saw it), at `timeUs`. */
export function whoamiResponse(pod: WhoamiPod | undefined, remote: string, request: string, timeUs: number): string {
  const head = (length: number, type: boolean) =>
    `HTTP/1.1 200 OK${CRLF}Date: ${httpDate(timeUs)}${CRLF}Content-Length: ${length}${CRLF}` +
    `${type ? `Content-Type: text/plain; charset=utf-8${CRLF}` : ''}${CRLF}`;
  if (!pod) return head(0, false);
  const body = `Hostname: ${pod.name}\nIP: 127.0.0.1\nIP: ::1\nIP: ${pod.ip}\nIP: ${linkLocal(pod.mac)}\n` +
    `RemoteAddr: ${remote}\n${request}`;
  return head(body.length, true) + body;
}

/** The first line of an HTTP message (what tcpdump's HTTP decoder prints). */
export const httpFirstLine = (payload: string): string => payload.split(CRLF)[0] ?? '';
