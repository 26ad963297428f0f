/** Issue #10.5 and #10.7: names as the API server takes them; label maps without prototypes; `name: 123`. */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';

const NODE = 'apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nspec: {podCIDRs: [10.0.0.0/24]}\n'
  + 'status: {addresses: [{type: InternalIP, address: 192.168.1.1}]}\n';
const pod = (meta: string, extra = '') => `${NODE}---\napiVersion: v1\nkind: Pod\nmetadata: ${meta}\nspec: {nodeName: n1}\nstatus: {podIP: 10.0.0.9${extra}}\n`;

function errorsOf(text: string): string[] {
  const r = loadScenario(text, 't');
  return r.ok ? [] : r.errors.map((e) => e.message);
}

describe('names', () => {
  it.each([
    ['escape sequences', '"\\e]0;PWNED\\a\\e[2J"'],
    ['markup', '"<img src=x onerror=alert(1)>"'],
    ['a bidi override', '"abc\\u202Egpj.exe"'],
    ['capitals', 'WebPod'],
    ['254 characters', 'a'.repeat(254)],
  ])('a pod name with %s is not a DNS-1123 subdomain', (_, name) => {
    expect(errorsOf(pod(`{name: ${name}}`))).toEqual([expect.stringMatching(/metadata\.name \(document 2, line 9\): .* is not a DNS-1123 subdomain/)]);
  });

  it('Service names are DNS-1035 labels; namespaces DNS-1123 labels', () => {
    const svc = `${NODE}---\napiVersion: v1\nkind: Service\nmetadata: {name: 1web, namespace: a.b}\nspec: {clusterIP: 10.96.0.5, ports: [{port: 80}]}\n`;
    expect(errorsOf(svc)).toEqual([
      expect.stringMatching(/Service a\.b\/1web, metadata\.name .*"1web" is not a DNS-1035 label/),
      expect.stringMatching(/metadata\.namespace .*"a\.b" is not a DNS-1123 label/),
    ]);
  });

  it('label keys and values are checked; a long name is not repeated whole in its messages', () => {
    const errors = errorsOf(pod(`{name: p1, labels: {"bad key": x, app: "-x-", "${'a'.repeat(300)}": y}}`));
    expect(errors).toEqual([
      expect.stringMatching(/metadata\.labels\['bad key'\] .*key "bad key" is not a label key/),
      expect.stringMatching(/metadata\.labels\.app .*"-x-" is not a label value/),
      expect.stringMatching(/key "a+\.\.\. is not a label key/),
    ]);
    expect(Math.max(...errors.map((e) => e.length))).toBeLessThan(600);
  });

  it('__proto__ is a located error; constructor is an ordinary label, kept', () => {
    expect(errorsOf(pod('{name: p1, labels: {__proto__: x}}'))).toEqual([expect.stringMatching(/key "__proto__" is not a label key/)]);
    const r = loadScenario(pod('{name: p1, labels: {constructor: x, app: web}}'), 't');
    expect(r.ok && { ...r.model.pods[0]?.labels }).toEqual({ constructor: 'x', app: 'web' });
    const none = loadScenario(pod('{name: p1}'), 't');
    expect(none.ok && 'constructor' in (none.model.pods[0]?.labels ?? {})).toBe(false);
  });

  it('`name: 123` says so and the object\'s other errors are still found', () => {
    expect(errorsOf(pod('{name: 123}', ', phase: Bogus'))).toEqual([
      expect.stringMatching(/^Pod default\/123, metadata\.name \(document 2, line 9\): must be a string, not 123/),
      expect.stringMatching(/Pod default\/123, status\.phase .*"Bogus" is not one of/),
    ]);
  });
});
