/**
 * Hop kinds as a class reads them, in both languages. The engine's id
 * (`tunnel-encap`) stays visible beside the name: it is what the CLI and
 * `--format json` print, so students can match the two.
 */
import type { HopKind } from '../engine/index.ts';
import type { Lang } from './lang.ts';

export const KIND_NAMES: Record<Lang, Record<HopKind, string>> = {
  en: {
    send: 'pod sends',
    'arp-proxy': 'ARP answered by Cilium',
    'socket-lb-rewrite': 'socket LB (connect)',
    'socket-rev-nat': 'socket LB reverse',
    'service-lb': 'service LB (per packet)',
    'service-rev-nat': 'service reverse NAT',
    'lxc-ingress': 'leaves the pod (lxc)',
    conntrack: 'conntrack',
    'ipcache-lookup': 'ipcache lookup',
    'endpoint-lookup': 'endpoint lookup',
    policy: 'policy check',
    'native-routing': 'native routing',
    'netdev-egress': 'leaves the node',
    snat: 'SNAT (masquerade)',
    wire: 'on the wire',
    'netdev-ingress': 'enters the node',
    'rev-snat': 'reverse SNAT',
    'tunnel-encap': 'tunnel encapsulation',
    'tunnel-decap': 'tunnel decapsulation',
    'kernel-stack': 'kernel stack',
    iptables: 'iptables (kube-proxy)',
    deliver: 'delivered to the pod',
    drop: 'dropped',
  },
  ko: {
    send: '파드가 보냄',
    'arp-proxy': 'Cilium의 ARP 응답',
    'socket-lb-rewrite': '소켓 LB (connect)',
    'socket-rev-nat': '소켓 LB 역변환',
    'service-lb': '서비스 LB (패킷 단위)',
    'service-rev-nat': '서비스 역 NAT',
    'lxc-ingress': '파드에서 나감 (lxc)',
    conntrack: '연결 추적',
    'ipcache-lookup': 'ipcache 조회',
    'endpoint-lookup': '엔드포인트 조회',
    policy: '정책 검사',
    'native-routing': '네이티브 라우팅',
    'netdev-egress': '노드에서 나감',
    snat: 'SNAT (마스커레이드)',
    wire: '네트워크 전송',
    'netdev-ingress': '노드로 들어옴',
    'rev-snat': 'SNAT 역변환',
    'tunnel-encap': '터널 캡슐화',
    'tunnel-decap': '터널 캡슐 해제',
    'kernel-stack': '커널 스택',
    iptables: 'iptables (kube-proxy)',
    deliver: '파드에 전달',
    drop: '드롭',
  },
};

export function kindName(lang: Lang, kind: HopKind): string {
  return KIND_NAMES[lang][kind] ?? kind;
}
