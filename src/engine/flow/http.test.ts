import { describe, expect, it } from 'vitest';
import { linkLocal } from '../util/link-local.ts';
import { curlRequest, httpDate, whoamiResponse } from './http.ts';

// The write-up's strace of `curl -s 10.10.252.131` in netpod (seed lines 947 and 949).
const SEED_SENT = 'GET / HTTP/1.1\r\nHost: 10.10.252.131\r\nUser-Agent: curl/8.7.1\r\nAccept: */*\r\n\r\n';
const SEED_RECEIVED =
  'HTTP/1.1 200 OK\r\nDate: Mon, 28 Oct 2024 15:09:36 GMT\r\nContent-Length: 193\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n' +
  'Hostname: webpod2\nIP: 127.0.0.1\nIP: ::1\nIP: 172.16.2.253\nIP: fe80::80c4:5bff:fe4b:6e3f\nRemoteAddr: 172.16.0.79:43654\n' +
  'GET / HTTP/1.1\r\nHost: 10.10.252.131\r\nUser-Agent: curl/8.7.1\r\nAccept: */*\r\n\r\n';

describe('the HTTP bytes of a curl to whoami', () => {
  it('curl 8.7.1 sends the write-up\'s 76 bytes', () => {
    expect(curlRequest('10.10.252.131', 80)).toBe(SEED_SENT);
    expect(SEED_SENT).toHaveLength(76);
    expect(curlRequest('10.0.0.1', 8080)).toContain('Host: 10.0.0.1:8080\r\n');
  });

  it('whoami answers the write-up\'s 311 bytes, link-local address from the pod MAC (EUI-64)', () => {
    expect(linkLocal('ce:4f:33:14:59:b3')).toBe('fe80::cc4f:33ff:fe14:59b3'); // netpod's eth0, seed line 562
    const at = Date.UTC(2024, 9, 28, 15, 9, 36) * 1000;
    expect(httpDate(at)).toBe('Mon, 28 Oct 2024 15:09:36 GMT');
    const got = whoamiResponse({ name: 'webpod2', ip: '172.16.2.253' as never, mac: '82:c4:5b:4b:6e:3f' as never }, '172.16.0.79:43654', SEED_SENT, at);
    expect(got).toBe(SEED_RECEIVED);
    expect(got).toHaveLength(311);
  });
});
