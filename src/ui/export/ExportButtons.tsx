/**
 * "SVG" and "PNG" over the drawing: save the topology at the current hop,
 * in presenter styling, named after the scenario, flow and hop
 * (file-name.ts). The file's <title> is the hop's sentence.
 */
import { explainHop } from '../../i18n/index.ts';
import { lastStep } from '../../state/player.ts';
import { selectCurrentEvent } from '../../state/selectors.ts';
import type { AppState } from '../../state/store.ts';
import { useApp, useServices, useT } from '../app/context.tsx';
import { pngBlob, saveBlob, svgBlob } from './download.ts';
import { exportFileName } from './file-name.ts';
import { snapshotSvg } from './snapshot.ts';

type Format = 'svg' | 'png';

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** Waits (at most ~2 s) until the marker has stopped gliding, so the file shows it at the hop, not on the way. */
async function markerSettled(svg: SVGSVGElement): Promise<void> {
  const marker = svg.querySelector('[data-testid="packet"]');
  let last = marker?.getAttribute('transform');
  for (let i = 0, still = 0; i < 120 && still < 3; i++) {
    await frame();
    const now = marker?.getAttribute('transform');
    still = now === last ? still + 1 : 0;
    last = now;
  }
}

function nameAndTitle(s: AppState, ext: Format): { name: string; title: string } {
  const ev = selectCurrentEvent(s);
  const hop = { n: s.step + 1, total: lastStep(s) + 1, kind: ev?.kind };
  const name = exportFileName(s.scenarioName, s.flow, hop, ext);
  const title = ev ? `${s.scenarioName} · ${s.flow.from} → ${s.flow.to} · ${hop.n}/${hop.total}: ${explainHop(s.lang, ev)}` : s.scenarioName;
  return { name, title };
}

export function ExportButtons() {
  const t = useT();
  const { store } = useServices();
  const ready = useApp((s) => s.trace !== undefined);
  const save = async (ext: Format) => {
    const svg = document.querySelector<SVGSVGElement>('.topology[data-side="a"] svg.topology-svg');
    if (!svg) return;
    const { name, title } = nameAndTitle(store.getState(), ext);
    try {
      await markerSettled(svg);
      const snap = snapshotSvg(svg, title);
      saveBlob(ext === 'svg' ? svgBlob(snap) : await pngBlob(snap), name);
    } catch (e) {
      store.setState({ notice: t('export.failed', { message: e instanceof Error ? e.message : String(e) }) });
    }
  };
  return (
    <div className="export-buttons" role="group" aria-label={t('export.label')}>
      {(['svg', 'png'] as const).map((ext) => (
        <button key={ext} type="button" disabled={!ready} title={t(`export.${ext}`)} data-testid={`export-${ext}`} onClick={() => void save(ext)}>
          ⤓ {ext.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
