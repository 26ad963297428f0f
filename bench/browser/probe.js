// Injected into the page before its own scripts (Playwright addInitScript).
// Plain JavaScript on purpose: functions that tsx compiles carry `__name`
// helpers that do not exist in the page.
(() => {
  const TOPOLOGY = '[aria-label="Cluster topology"]';
  const bench = { ready: undefined, longtasks: [], frames: [], stop: false };

  // Long tasks from navigation on (buffered: those before this script too).
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no longtask support: the figures say "none observed"
  }

  const topologyShown = () => {
    const svg = document.querySelector(TOPOLOGY);
    if (!svg || !svg.querySelector('[data-node]')) return false;
    const box = svg.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(svg).visibility !== 'hidden';
  };

  // The moment the topology is ready: the start of the first frame after the
  // DOM mutation that made it laid out with at least one node.
  let seen = false;
  const observer = new MutationObserver(() => {
    if (seen || !topologyShown()) return;
    seen = true;
    observer.disconnect();
    requestAnimationFrame(() => {
      bench.ready = performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });

  const playButton = () => [...document.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === 'Play');

  window.__bench = {
    ready: () => bench.ready,
    playEnabled: () => {
      const b = playButton();
      return b !== undefined && !b.disabled;
    },
    longestTask: (since) => Math.max(0, ...bench.longtasks.filter((t) => t.start >= since).map((t) => t.duration)),
    startFrames: () => {
      bench.frames = [];
      bench.steps = [];
      bench.stop = false;
      let last;
      let step;
      const loop = (t) => {
        if (last !== undefined) bench.frames.push({ dt: t - last, playing: document.querySelector('button[aria-label="Pause"]') !== null });
        // When the hop changed (the scrubber's value), to tell whether long tasks follow hop changes.
        const now = document.querySelector('input[type="range"]')?.value;
        if (now !== step) bench.steps.push(t);
        step = now;
        last = t;
        if (!bench.stop) requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
      return performance.now();
    },
    stopFrames: (since) => {
      bench.stop = true;
      const long = bench.longtasks.filter((t) => t.start >= since);
      // A long task "at a hop change" ends within a frame of the change being painted.
      const atHop = long.filter((t) => bench.steps.some((s) => s >= t.start && s <= t.start + t.duration + 20)).length;
      return { frames: bench.frames.map((f) => f.dt), playingFrames: bench.frames.filter((f) => f.playing).length, tasks: long.map((t) => t.duration), tasksAtHopChange: atHop };
    },
    // Where startup time went: navigation timing and the app's own flowlab:* marks, ms since navigation.
    timeline: () => {
      const nav = performance.getEntriesByType('navigation')[0];
      const out = nav ? { responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd } : {};
      for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('flowlab:')) out[m.name.slice(8)] = m.startTime;
      return out;
    },
    diagnose: () => {
      const svg = document.querySelector(TOPOLOGY);
      if (!svg) return `no element ${TOPOLOGY} in the page (it shows: ${JSON.stringify(document.body.innerText.slice(0, 120))})`;
      const nodes = svg.querySelectorAll('[data-node]').length;
      if (nodes === 0) return `${TOPOLOGY} is there but has no [data-node] group`;
      const box = svg.getBoundingClientRect();
      return `${TOPOLOGY} has ${nodes} [data-node] but is not visible (${box.width}x${box.height})`;
    },
  };
})();
