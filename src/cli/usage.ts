/** `flowlab help`: the commands and their options (DESIGN §5). */
import { CILIUM_COMMANDS, EXEC_COMMANDS, MODE_PRESETS } from '../engine/index.ts';

export const USAGE = `flowlab: how Cilium's eBPF datapath moves a packet, hop by hop

Usage:
  flowlab trace --from SRC --to DST [--proto icmp|tcp|udp] [--port N]
                [--scenario FILE|NAME] [--seed N] [--set key=value ...]
                [--format text|hubble|hubble-json|hubble-jsonpb|json|tcpdump]
                [--iface NODE:IFACE|POD] [--explain] [--lang en|ko]
                [--compare key=value[,key=value] | --compare MODE]
  flowlab cilium NODE <cilium-dbg arguments> [--scenario FILE|NAME] [--set key=value ...]
                [--after "--from SRC --to DST [--proto P] [--port N] [--seed N]"]
  flowlab exec NODE|POD [--scenario FILE|NAME] [--set key=value ...]
                [--after "--from SRC --to DST ..."] -- COMMAND [ARGS...]
  flowlab validate FILE
  flowlab lesson check FILE|ID [--lang en|ko]
  flowlab lesson list
  flowlab sysdump cilium-sysdump-*.zip [--set key=value ...] [--lang en|ko]
  flowlab replay FLOWS.json [--scenario FILE|NAME] [--set key=value ...] [--lang en|ko]
  flowlab help

trace      Walks one conversation (ICMP echo and reply; TCP handshake, request and
           response; UDP query and answer) through the programs Cilium attaches.
           SRC: a pod (name or namespace/name) or a node. DST: a pod, a service
           (name[:port]), a node or any IPv4 address. --proto defaults to tcp.
           --format text (default): one line per hop (--explain adds why);
           hubble: what \`hubble observe\` would print (hubble-json, hubble-jsonpb:
           its -o jsonpb lines, which \`hubble observe --input-file\` reads);
           json: the whole trace; tcpdump: what \`tcpdump -n -i\` prints on
           --iface (NODE:IFACE, e.g. k8s-s:ens5, or a pod for its eth0).
           --compare runs the flow again with other settings and aligns
           both paths (= both, A or B only one); MODE is
           one of ${MODE_PRESETS.map((m) => m.id).join(', ')}. --lang ko prints the
           sentences, the outcome and flow errors in Korean (default en);
           Hubble lines and the hop table keep Cilium's own English words.
cilium     Prints what \`cilium-dbg\` on NODE prints, from the derived maps:
             ${CILIUM_COMMANDS.map((c) => `cilium ${c}`).join('\n             ')}
           --after runs a flow first, so the maps it writes (conntrack, NAT,
           cilium_lb4_reverse_sk) show its entries.
exec       Prints what COMMAND prints on NODE or inside POD, from the model:
             ${EXEC_COMMANDS.join('\n             ')}
           Unknown commands exit 2 and list these. --after runs a flow first
           (neighbour entries, conntrack, tcpdump, strace and the maps follow it).
validate   Loads a scenario and prints what was understood, or the located errors.
lesson     check: traces each stop of a lesson (public/lessons/ID.yaml or a file)
           and prints the hop its selector finds and every problem (exit 2 if any);
           list: the built-in lessons and their length.
sysdump    Reads a cilium-sysdump zip: which Kubernetes object files it held and
           which are missing, then each agent's captured tables (cilium-bugtool's
           bpf ipcache/lb/endpoint list) against what the model derives for
           that node: rows missing on either side, identities that differ.
replay     Reads real Hubble flows (\`hubble observe -o jsonpb\` lines, -o json, a
           sysdump's hubble-flows-*.json), traces each flow's 5-tuple with the
           engine and prints where the real flow and the model agree (=) or
           differ (!): node, observation point, verdict, drop reason, policy.

--scenario NAME is a built-in scenario (public/scenarios/NAME.yaml; default kans-lab);
anything with a slash or a .yaml/.yml/.json/.zip ending is a file; a cilium-sysdump
zip works as --scenario for every command. --set overrides
cilium-config keys, e.g. --set enable-ip-masq-agent=false; --set and --compare
take key=value (or key:value) pairs separated by commas. A scenario file must be
a regular file of at most 256 MiB (FLOWLAB_MAX_BYTES=N to change the limit), UTF-8
or UTF-16 with a byte-order mark.

Exit status: 0 success, 2 bad input (the message says what), 1 internal error.

Examples:
  flowlab trace --from netpod --to webpod1 --proto icmp --format hubble
  flowlab trace --from netpod --to svc --proto tcp
  flowlab trace --from netpod --to svc --proto tcp --format tcpdump --iface netpod
  flowlab trace --from netpod --to webpod1 --proto icmp --compare routing-mode=tunnel
  flowlab trace --from netpod --to svc --proto tcp --compare kube-proxy
  flowlab cilium k8s-s map get cilium_ipcache
  flowlab exec k8s-s -- ip -c addr
  flowlab exec netpod --after "--from netpod --to netpod2 --proto icmp" -- ip -c neigh
  flowlab exec k8s-s -- cilium status --verbose
  flowlab cilium k8s-s bpf nat list --after "--from netpod --to 8.8.8.8 --proto tcp --port 443"
`;
