import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/index.ts';
import { message } from '../../engine/index.ts';
import { decodeRow, fromBe16, rawValue, type RowText } from './decode.ts';

const words = (row: RowText, lookup?: Parameters<typeof decodeRow>[1], lang: 'en' | 'ko' = 'en') => {
  const d = decodeRow(row, lookup);
  return d && translate(lang, d.key, d.params);
};

describe('decodeRow: a row\'s value in words', () => {
  it('reads a services_v2 slot row with its master row\'s count', () => {
    const master = new Map([['10.10.252.131:80 (0)', '0 2 (9) [0x0 0x0]']]);
    const row: RowText = { map: 'cilium_lb4_services_v2', key: '10.10.252.131:80 (2)', value: '12 0 (9) [0x0 0x0]' };
    expect(words(row, (_m, k) => master.get(k))).toBe('backend 12, slot 2 of 2, rev-NAT 9');
    expect(words(row, (_m, k) => master.get(k), 'ko')).toBe('백엔드 12, 슬롯 2/2, rev-NAT 9');
    // Without its master the count is not invented.
    expect(words(row)).toBe('backend 12, slot 2, rev-NAT 9');
    expect(words({ ...row, key: '10.10.252.131:80 (0)', value: '0 2 (9) [0x0 0x0]' })).toBe(
      'master row of 10.10.252.131:80: 2 backends, rev-NAT 9',
    );
    expect(words({ ...row, key: '10.0.0.2:30867/i (0)', value: '0 0 (3) [0x42 0x0]' })).toMatch(/no backend/);
  });

  it('reads backends, rev-NAT, reverse_sk (network-order ports), ipcache, lxc, conntrack, NAT, tunnel', () => {
    expect(words({ map: 'cilium_lb4_backends_v3', key: '12', value: 'ANY://172.16.2.253' })).toBe('backend 12 is 172.16.2.253');
    expect(words({ map: 'cilium_lb4_backends_v3', key: '12', value: 'ANY://172.16.2.253' }, undefined, 'ko')).toBe(
      '백엔드 12는 172.16.2.253',
    );
    expect(words({ map: 'cilium_lb4_reverse_nat', key: '9', value: '10.10.252.131:80' })).toMatch(/rev-NAT 9: .*10\.10\.252\.131:80/);
    expect(fromBe16(20480)).toBe(80);
    expect(fromBe16(2304)).toBe(9);
    expect(fromBe16(-28641)).toBe(8080);
    expect(words({ map: 'cilium_lb4_reverse_sk', key: '[172.16.2.253]:20480, 18889', value: '[10.10.252.131]:20480, 2304' })).toBe(
      'socket cookie 18889 talks to 172.16.2.253:80; the application asked for 10.10.252.131:80 (rev-NAT 9)',
    );
    const ipc = (v: string) => words({ map: 'cilium_ipcache', key: '172.16.2.253/32', value: v });
    expect(ipc('identity=26332 encryptkey=0 tunnelendpoint=192.168.10.102, flags=<none>')).toBe(
      '172.16.2.253/32: identity 26332, on the node at 192.168.10.102',
    );
    expect(ipc('identity=2 encryptkey=0 tunnelendpoint=0.0.0.0, flags=<none>')).toMatch(/no tunnel endpoint/);
    expect(
      words({ map: 'cilium_lxc', key: '172.16.0.79:0', value: 'id=1234  sec_id=26332 flags=0x0000 ifindex=9   mac=AA:BB:CC:DD:EE:FF nodemac=11:22:33:44:55:66' }),
    ).toBe('172.16.0.79 is endpoint 1234, identity 26332, lxc ifindex 9, MAC AA:BB:CC:DD:EE:FF');
    expect(words({ map: 'cilium_lxc', key: '192.168.10.10:0', value: '(localhost)' })).toMatch(/own address/);
    const ct = 'expires=24990 Packets=0 Bytes=0 RxFlagsSeen=0x1a LastRxReport=16990 TxFlagsSeen=0x1a LastTxReport=16990 ' +
      'Flags=0x0010 [ SeenNonSyn ] RevNAT=0 SourceSecurityID=26332 IfIndex=0 BackendID=0 ';
    expect(words({ map: 'cilium_ct4_global', key: 'TCP OUT 172.16.0.79:46731 -> 172.16.2.253:80', value: ct })).toBe(
      'TCP 172.16.0.79:46731 → 172.16.2.253:80 sent from here, source identity 26332',
    );
    expect(words({ map: 'cilium_snat_v4_external', key: 'TCP OUT 172.16.0.79:46731 -> 8.8.8.8:443', value: 'XLATE_SRC 192.168.10.10:46731 Created=0sec ago NeedsCT=0' })).toBe(
      '172.16.0.79:46731 leaves as 192.168.10.10:46731',
    );
    expect(words({ map: 'cilium_tunnel_map', key: '172.16.2.0', value: '192.168.10.102:0' })).toBe('pods in 172.16.2.0 are behind the node at 192.168.10.102');
  });

  it('gives nothing for a miss or a text it does not know (the raw text stays alone)', () => {
    expect(decodeRow({ map: 'cilium_ct4_global', key: 'TCP OUT 1.1.1.1:1 -> 2.2.2.2:2' })).toBeUndefined();
    expect(decodeRow({ map: 'cilium_lb4_services_v2', key: 'garbage', value: '1 2 3' })).toBeUndefined();
    expect(decodeRow({ map: 'iptables', key: '-A KUBE', value: 'x' })).toBeUndefined();
  });
});

describe('a cilium_policy row: the Cilium part raw, the origin in words', () => {
  const value = 'Allow proxy-port=NONE auth=disabled prefix=0 (no policy enforces this direction: the agent allows all (allowAllIdentities))';
  const row: RowText = { map: 'cilium_policy', key: 'cilium_policy_00042 Egress identity=0 ANY', value, words: message('policy.origin.allow-all') };

  it('shows the value without its English parenthetical and says the origin in the page\'s language', () => {
    expect(rawValue(row)).toBe('Allow proxy-port=NONE auth=disabled prefix=0');
    expect(words(row)).toBe('no policy enforces this direction: the agent allows all (allowAllIdentities)');
    expect(words(row, undefined, 'ko')).toMatch(/에이전트가 모두 허용합니다/);
    expect(words(row, undefined, 'ko')).not.toMatch(/allows all/);
  });

  it('a row without words (an older trace) keeps its whole text and invents none', () => {
    const bare: RowText = { map: 'cilium_policy', key: row.key, value };
    expect(rawValue(bare)).toBe(value);
    expect(decodeRow(bare)).toBeUndefined();
    expect(rawValue({ map: 'cilium_lxc', key: '10.0.0.1:0', value: '(localhost)' })).toBe('(localhost)');
  });
});
