/**
 * Issue 7 point 8 in the browser: the page in Korean at each view, at
 * 1280x720 in presenter mode, with screenshots to look at: the socket LB
 * hop with its proof (the rows in Korean words, strace beside tcpdump), a
 * policy drop with its rule line, the outcome, the terminal's help and the
 * compare header. Presenter mode folds the views (hop list, captures,
 * terminal) away for the room; the terminal is the desk's, so its help is
 * read after F leaves presenter mode. What stays English is Cilium's own
 * (names, CLI output) and what the person typed (selectors, commands).
 */
import { expect, test } from './fixtures.ts';
import { sysdumpZip } from '../test/sysdump/make-sysdump.ts';

const KO = '&lang=ko&presenter=1';

test('Korean, whole: hop, policy rule line, outcome, terminal help', async ({ lab, page }, info) => {
  await lab.open(`?scenario=kans-lab&from=netpod&to=svc&proto=tcp&port=80${KO}`);
  await expect(page.getByTestId('hop-caption')).toContainText('connect()');
  // The proof the screenshot is for: the service rows said in Korean, and connect() to the VIP beside tcpdump.
  await expect(page.getByTestId('evidence-words').first()).toContainText('마스터 항목');
  await expect(page.getByTestId('evidence-words').first()).toBeInViewport();
  await expect(page.getByTestId('evidence-strace')).toContainText('connect(');
  await expect(page.getByTestId('evidence-strace')).toBeInViewport();
  await expect(page.getByTestId('evidence-tcpdump')).toBeInViewport();
  await page.screenshot({ path: info.outputPath('ko-socket-lb-1280.png') });

  await lab.open(`?scenario=kans-lab-policy&from=netpod2&to=webpod1&proto=tcp&port=80${KO}`);
  await page.keyboard.press('End');
  const line = page.getByTestId('policy-line');
  await expect(line).toContainText('거부 (133)');
  // The rule line: Korean words around the selectors as written, no English connecting words.
  await expect(line.locator('.policy-rule')).not.toContainText(/(^|\s)(from|to|on|in|anyone|nobody|pods|default deny)(\s|$)/);
  await expect(page.getByTestId('hop-caption')).toContainText('패킷');
  await page.screenshot({ path: info.outputPath('ko-policy-drop-1280.png') });

  await lab.open(`?scenario=kans-lab-policy&from=netpod&to=webpod1&proto=tcp&port=80${KO}`);
  await page.keyboard.press('End');
  await expect(page.locator('.caption-outcome')).toContainText('교환이 완료되었습니다');
  await page.keyboard.press('Home');
  // The ingress check at webpod1: the rule that allowed it, said in Korean.
  const ruleText = async () => (await page.locator('.policy-rule').allTextContents()).join(' ');
  for (let i = 0; i < 40 && !/출발지/.test(await ruleText()); i++) {
    const before = await lab.step();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => lab.step()).toBe(before + 1);
  }
  await expect(page.getByTestId('policy-line').locator('.policy-rule')).toContainText(/출발지 /);
  await page.screenshot({ path: info.outputPath('ko-policy-allow-1280.png') });

  // Presenter mode folds the views; F leaves it and the terminal's tab is there again.
  await expect(page.getByRole('tab', { name: '터미널' })).toBeHidden();
  await page.keyboard.press('f');
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'off');
  await page.getByRole('tab', { name: '터미널' }).click();
  const input = page.locator('.terminal-input input');
  await input.fill('help');
  await input.press('Enter');
  await expect(page.locator('.terminal-out')).toContainText('명령:');
  await expect(page.locator('.terminal-out')).toContainText('현재 홉까지 Hubble이 본 흐름');
  await expect(page.locator('.terminal-input input')).toBeInViewport();
  await page.screenshot({ path: info.outputPath('ko-terminal-help-1280.png') });
  expect(lab.errors).toEqual([]);
});

/**
 * Load problems in Korean (issue 7 point 8): the sentence around each problem is the catalog's, in the
 * page's language; the object, field path, value and the parser's own reason stay as written. The
 * scenario that was loaded stays. Broken YAML, a YAML syntax error, a truncated zip and a Hubble file
 * of foreign lines, as a person would open them from the Open dialog.
 */
test('Korean load problems: located, said in Korean, the current scenario stays', async ({ lab, page }, info) => {
  await lab.open('?scenario=kans-lab&from=netpod&to=webpod1&proto=icmp&lang=ko');
  const english = /\b(is required|is not an?|must be|document \d|line \d|column \d|not a readable|no Hubble flows|is the file complete)\b/;
  const open = async () => {
    await page.getByRole('button', { name: '열기…' }).click();
    return page.getByRole('dialog', { name: '시나리오 열기' });
  };
  const loadText = async (yaml: string) => {
    const dialog = await open();
    await dialog.getByRole('textbox', { name: '시나리오 열기' }).fill(yaml);
    await dialog.getByRole('button', { name: '불러오기', exact: true }).click();
    return dialog.locator('.load-errors');
  };

  // A pod with a bad podIP and no nodeName, a Service with a bad type.
  const broken = [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: webpod9\nspec:\n  containers: [{name: c, image: x}]',
    'status:\n  phase: Running\n  podIP: "10.0.0.999"\n---',
    'apiVersion: v1\nkind: Service\nmetadata: {name: web2}\nspec: {type: Balanced, clusterIP: 10.96.9.9, ports: [{port: 80}]}\n',
  ].join('\n');
  const errors = await loadText(broken);
  await expect(errors).toContainText('시나리오를 불러오지 못했습니다');
  await expect(errors).toContainText('Pod default/webpod9, status.podIP (문서 1, 9행): "10.0.0.999"는 IPv4 주소가 아닙니다');
  await expect(errors).toContainText('Pod default/webpod9, spec.nodeName (문서 1, 5행): Running 상태인 파드에는 반드시 있어야 합니다');
  await expect(errors).toContainText('Service default/web2, spec.type (문서 2, 14행): "Balanced"는 ClusterIP, NodePort, LoadBalancer, ExternalName 중 하나가 아닙니다');
  await expect(errors).not.toContainText(english);
  await page.screenshot({ path: info.outputPath('ko-load-errors-1280.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(errors).toBeInViewport();
  await page.screenshot({ path: info.outputPath('ko-load-errors-1920.png') });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: '닫기' }).click();

  // YAML's own reason (the parser library's English) stays; the place around it is Korean.
  const syntax = await loadText('apiVersion: v1\nkind: Pod\nmetadata: {name: a\n');
  await expect(syntax).toContainText(/YAML \(문서 1, 4행, 1열\): Flow map/);
  await page.getByRole('button', { name: '닫기' }).click();
  // An object without a kind.
  const shapeless = await loadText('apiVersion: v1\nmetadata: {name: what}\n');
  await expect(shapeless).toContainText('YAML (문서 1, 1행): Kubernetes 오브젝트가 아닙니다 (`kind`가 없습니다. apiVersion, kind, metadata가 있어야 합니다)');
  await expect(shapeless).not.toContainText(english);
  await page.getByRole('button', { name: '닫기' }).click();

  // A truncated sysdump zip: fflate's reason as it said it, the sentence Korean.
  const whole = Buffer.from(sysdumpZip('kans-lab'));
  let dialog = await open();
  await dialog.getByLabel('YAML 또는 JSON 파일, 또는 cilium-sysdump zip 고르기').setInputFiles({ name: 'cut.zip', mimeType: 'application/zip', buffer: whole.subarray(0, 3000) });
  await dialog.getByRole('button', { name: '불러오기', exact: true }).click();
  await expect(dialog.locator('.load-errors')).toContainText(/cut\.zip: 읽을 수 있는 zip이 아닙니다 \(.+\)\. 파일이 온전한가요\?/);
  await expect(dialog.locator('.load-errors')).not.toContainText(english);
  await page.getByRole('button', { name: '닫기' }).click();

  // A Hubble file with no flow in it: each line's problem in Korean.
  dialog = await open();
  await dialog.getByTestId('hubble-file').setInputFiles({ name: 'flows.json', mimeType: 'application/json', buffer: Buffer.from('level=info msg="hello"\n{"node_status": {}}\n') });
  await expect(dialog.locator('.load-errors')).toContainText('flows.json: Hubble 플로우가 없습니다 (1행: JSON이 아닙니다');
  await expect(dialog.locator('.load-errors')).not.toContainText(english);
  await page.screenshot({ path: info.outputPath('ko-hubble-errors-1280.png') });
  await page.getByRole('button', { name: '닫기' }).click();

  // The scenario that was loaded is still there, and still steps.
  await expect(page.getByLabel('시나리오', { exact: true })).toHaveValue('kans-lab');
  await expect(lab.node('k8s-w1')).toBeVisible();
  const before = await lab.step();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => lab.step()).toBe(before + 1);
  expect(lab.errors).toEqual([]);
});

/**
 * A cilium_policy row in Korean (issue 7 point 8): the Cilium part stays raw (`Allow proxy-port=NONE
 * auth=disabled prefix=0`, Cilium's output), the entry's origin is said in Korean beside it, in the hop's
 * evidence and in the map panel; the English origin sentence the CLI prints in parentheses is not on screen.
 */
test('Korean policy rows: Cilium\'s part raw, the origin in Korean words', async ({ lab, page }, info) => {
  await lab.open('?lesson=policy-drop&stop=1&lang=ko&presenter=1');
  const english = /allows all|from pods|the node itself|the agent|enableDefaultDeny false|\(line \d/;
  const evidence = page.locator('[data-testid="evidence-row"][data-map="cilium_policy"]');
  await expect(evidence.first()).toBeVisible();
  await expect(evidence.first().locator('.evidence-value')).toContainText(/Allow proxy-port=NONE auth=disabled prefix=\d+$/);
  await expect(evidence.first().getByTestId('evidence-words')).toContainText(/[가-힣]/);
  for (const text of await evidence.allTextContents()) expect(text).not.toMatch(english);
  const rows = page.locator('.map-row[data-map="cilium_policy"]');
  await expect(rows.first()).toBeVisible();
  await expect(rows.first().locator('.map-words')).toContainText(/[가-힣]/);
  for (const text of await rows.allTextContents()) expect(text).not.toMatch(english);
  await page.screenshot({ path: info.outputPath('ko-policy-rows-1280.png') });
  expect(lab.errors).toEqual([]);
});

/**
 * The hop inspector's map ops in Korean (issue 7 point 8): why each op happened (MapOp.noteWords) in
 * Korean, Cilium's function names kept; a cilium_policy row's value without its English origin, the
 * origin said in Korean beside it.
 */
test('Korean map op notes in the inspector: slot, master entry, policy origin', async ({ lab, page }, info) => {
  await lab.open('?scenario=kans-lab&from=netpod&to=svc&proto=tcp&port=80&lang=ko');
  await expect(page.getByTestId('hop-caption')).toContainText('connect()');
  const notes = page.locator('.inspector .op-note');
  await expect(notes.first()).toContainText('lb4_lookup_service: 마스터 항목');
  await expect(page.locator('.inspector')).toContainText(/슬롯 \d+\/\d+/);
  for (const text of await notes.allTextContents()) expect(text).not.toMatch(/master entry|slot \d+ of|socket cookie/);
  await page.locator('.inspector .map-ops').scrollIntoViewIfNeeded();
  await page.locator('.inspector').screenshot({ path: info.outputPath('ko-inspector-socket-lb.png') });

  await lab.open('?scenario=kans-lab-policy&from=netpod2&to=webpod1&proto=tcp&port=80&lang=ko');
  await page.keyboard.press('End');
  const policyOps = page.locator('.inspector .map-op').filter({ hasText: 'cilium_policy' });
  await expect(policyOps.first()).toBeVisible();
  await expect(page.locator('.inspector .op-note').first()).toContainText(/[가-힣]/);
  for (const text of await page.locator('.inspector').allTextContents()) {
    expect(text).not.toMatch(/no entry for|this entry decides|less specific|allows all|\(line \d/);
  }
  await page.locator('.inspector .map-ops').scrollIntoViewIfNeeded();
  await page.locator('.inspector').screenshot({ path: info.outputPath('ko-inspector-policy.png') });
  expect(lab.errors).toEqual([]);
});
