// @ts-check
// Runs inside the designer's page (Playwright's addInitScript, before the app loads), so every
// time is taken there with the Performance API, never in Node around a Playwright round trip.
// `arm(spec)` waits for the event that starts a measurement (a click, a file chosen, a form
// submitted) and marks it; a MutationObserver then watches the DOM until the condition holds;
// the next frame is then produced (requestAnimationFrame, then a task after it) and marked.
// `result()` resolves with both times. Plain JavaScript read as text: Node's TypeScript loader
// would add helpers to functions handed to page.evaluate that do not exist in the page.
/* global window, document, performance, requestAnimationFrame, MessageChannel, MutationObserver, Element, HTMLElement, setTimeout, clearTimeout */

/**
 * @typedef {import('./probe.js').Condition} Condition
 * @typedef {import('./probe.js').ProbeSpec} ProbeSpec
 * @typedef {import('./probe.js').ProbeResult} ProbeResult
 */

(() => {
  /** @type {Promise<ProbeResult> | undefined} */
  let pending;

  /**
   * The condition as a predicate, with what it compares against taken now.
   * @param {Condition} condition
   * @returns {() => boolean}
   */
  const prepare = (condition) => {
    switch (condition.kind) {
      case 'present':
        return () => {
          const element = document.querySelector(condition.selector);
          // React Flow keeps a node hidden until it has measured it.
          return element !== null && (!condition.visible || element.checkVisibility({ visibilityProperty: true }));
        };
      case 'absent':
        return () => document.querySelector(condition.selector) === null;
      case 'text':
        return () => (document.querySelector(condition.selector)?.textContent ?? '').includes(condition.includes);
      case 'attribute':
        return () => document.querySelector(condition.selector)?.getAttribute(condition.name) === condition.equals;
      case 'replaced': {
        const before = document.querySelector(condition.selector);
        return () => {
          const now = document.querySelector(condition.selector);
          return now !== null && now !== before;
        };
      }
      case 'moved': {
        /** @type {Map<string | null, string>} */
        const before = new Map();
        for (const element of document.querySelectorAll(condition.selector)) if (element instanceof HTMLElement) before.set(element.getAttribute('data-id'), element.style.transform);
        return () => {
          for (const element of document.querySelectorAll(condition.selector)) {
            if (element instanceof HTMLElement && before.has(element.getAttribute('data-id')) && before.get(element.getAttribute('data-id')) !== element.style.transform) return true;
          }
          return false;
        };
      }
      case 'all': {
        const predicates = condition.conditions.map(prepare);
        return () => predicates.every((holds) => holds());
      }
    }
  };

  /**
   * The attributes the condition reads: only those are observed, so the observer itself records
   * as little as it can of a large render.
   * @param {Condition} condition
   * @returns {string[]}
   */
  const attributesRead = (condition) => {
    switch (condition.kind) {
      case 'present':
        return condition.visible ? ['style', 'class', 'hidden'] : [];
      case 'attribute':
        return [condition.name];
      case 'moved':
        return ['style'];
      case 'all':
        return [...new Set(condition.conditions.flatMap(attributesRead))];
      default:
        return [];
    }
  };

  /** Resolves after the next frame has been produced: a task queued from requestAnimationFrame runs once that frame's style, layout and paint are done. */
  const nextFrame = () =>
    new Promise((resolve) => {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(undefined);
        channel.port2.postMessage(undefined);
      });
    });

  /** @param {ProbeSpec} spec */
  const arm = (spec) => {
    const holds = prepare(spec.until);
    const attributes = attributesRead(spec.until);
    pending = new Promise((resolve, reject) => {
      /** @type {number | undefined} */
      let startedAt;
      let finished = false;
      const observer = new MutationObserver(() => check());
      /** @param {Event} event */
      const onStart = (event) => {
        if (!(event.target instanceof Element) || event.target.closest(spec.start.selector) === null) return;
        document.removeEventListener(spec.start.event, onStart, true);
        performance.mark(`${spec.label}:start`);
        startedAt = performance.now();
        observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true, ...(attributes.length > 0 ? { attributeFilter: attributes } : {}) });
      };
      const stop = () => {
        finished = true;
        clearTimeout(timer);
        observer.disconnect();
        document.removeEventListener(spec.start.event, onStart, true);
      };
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`${spec.label}: ${startedAt === undefined ? `no ${spec.start.event} on ${spec.start.selector}` : `the DOM did not reach ${JSON.stringify(spec.until)}`} within ${spec.timeoutMs} ms`));
      }, spec.timeoutMs);
      const check = () => {
        if (finished || startedAt === undefined || !holds()) return;
        const start = startedAt;
        const dom = performance.now();
        performance.mark(`${spec.label}:dom`);
        stop();
        void nextFrame().then(() => {
          const painted = performance.now();
          performance.mark(`${spec.label}:painted`);
          performance.measure(spec.label, `${spec.label}:start`, `${spec.label}:painted`);
          resolve({ label: spec.label, domMs: dom - start, paintedMs: painted - start });
        });
      };
      // Capture phase on the document: before any handler of the designer's runs.
      document.addEventListener(spec.start.event, onStart, true);
    });
    // Never an unhandled rejection when result() is not reached (an error in between).
    pending.catch(() => undefined);
  };

  /** @returns {Promise<ProbeResult>} */
  const result = () => pending ?? Promise.reject(new Error('nothing was armed'));

  Object.defineProperty(window, '__pathwaysBench', { value: Object.freeze({ arm, result }) });
})();
