/**
 * The page a browser opens to watch a run: Stately's inspector in a frame, fed with the events the
 * relay holds. Messages go to the inspector's origin only, and are accepted only from it.
 */
export function bridgePage({ inspectorUrl, nonce }: { readonly inspectorUrl: string; readonly nonce: string }): string {
  const origin = new URL(inspectorUrl).origin;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Pathways: inspect a simulated case</title>
<style nonce="${nonce}">
  html, body { height: 100%; margin: 0; font-family: system-ui, sans-serif; }
  body { display: flex; flex-direction: column; }
  header { padding: 4px 12px; font-size: 13px; background: #f3f1ec; border-bottom: 1px solid #d8d4cc; }
  iframe { flex: 1; border: 0; width: 100%; }
</style>
</head>
<body>
<header>Pathways simulation: <span id="status">connecting…</span></header>
<iframe id="inspector" title="Stately inspector" src="${escapeAttribute(inspectorUrl)}"></iframe>
<script nonce="${nonce}">
  const inspectorOrigin = ${JSON.stringify(origin)};
  const frame = document.getElementById('inspector');
  const status = document.getElementById('status');
  const waiting = [];
  let ready = false;
  let received = 0;
  const show = (text) => { status.textContent = text; };
  const deliver = (event) => frame.contentWindow.postMessage(event, inspectorOrigin);
  window.addEventListener('message', (message) => {
    if (message.origin !== inspectorOrigin || !message.data || message.data.type !== '@statelyai.connected') return;
    ready = true;
    waiting.splice(0).forEach(deliver);
  });
  const socket = new WebSocket('ws://' + location.host + '/');
  socket.addEventListener('open', () => show('connected'));
  socket.addEventListener('close', () => show(received + ' inspection events received; the run has stopped relaying'));
  socket.addEventListener('message', (message) => {
    const event = JSON.parse(message.data);
    received += 1;
    show(received + ' inspection events received');
    if (ready) deliver(event); else waiting.push(event);
  });
</script>
</body>
</html>
`;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
