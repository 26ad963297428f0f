import { describe, expect, it } from 'vitest';
import type { Ipv4 } from '../../scenario/values.ts';
import { beInt16, beUint16, ctKey, ctValue, ipcacheValue, natValue, revSkKey, revSkValue, serviceValue } from './format.ts';

describe('map row formats', () => {
  it('prints reverse_sk ports and rev_nat index in network byte order, as the seed shows', () => {
    expect(beInt16(80)).toBe(20480);
    expect(beInt16(443)).toBe(-17663);
    expect(beUint16(9)).toBe(2304);
    expect(beUint16(1)).toBe(256);
    expect(revSkKey('172.16.1.235' as Ipv4, 80, 41965)).toBe('[172.16.1.235]:20480, 41965');
    expect(revSkValue('10.10.252.131' as Ipv4, 80, 9)).toBe('[10.10.252.131]:20480, 2304');
    expect(revSkValue('10.10.0.1' as Ipv4, 443, 1)).toBe('[10.10.0.1]:-17663, 256');
  });

  it('prints services_v2 and ipcache values as cilium map get does', () => {
    expect(serviceValue(0, 2, 9, 0)).toBe('0 2 (9) [0x0 0x0]');
    expect(serviceValue(12, 0, 9, 0)).toBe('12 0 (9) [0x0 0x0]');
    expect(ipcacheValue(10037, '192.168.10.102')).toBe('identity=10037 encryptkey=0 tunnelendpoint=192.168.10.102, flags=<none>');
  });

  it('prints conntrack and NAT entries as cilium bpf ct/nat list do', () => {
    const key = ctKey({ proto: 'TCP', dir: 'OUT', src: '172.16.0.124' as Ipv4, sport: 43654, dst: '172.16.1.55' as Ipv4, dport: 80 });
    expect(key).toBe('TCP OUT 172.16.0.124:43654 -> 172.16.1.55:80');
    const v = ctValue({ expires: 17010, rxFlagsSeen: 0x1b, lastRxReport: 16990, txFlagsSeen: 0x1b, lastTxReport: 16990, flags: 0x13, revNat: 0, sourceSecurityId: 504, ifIndex: 0, backendId: 0 });
    expect(v).toBe('expires=17010 Packets=0 Bytes=0 RxFlagsSeen=0x1b LastRxReport=16990 TxFlagsSeen=0x1b LastTxReport=16990 Flags=0x0013 [ RxClosing TxClosing SeenNonSyn ] RevNAT=0 SourceSecurityID=504 IfIndex=0 BackendID=0 ');
    expect(natValue('OUT', '192.168.10.10' as Ipv4, 43654, 12, false)).toBe('XLATE_SRC 192.168.10.10:43654 Created=12sec ago NeedsCT=0');
  });
});
