// Renders /openapi/v1.json and lets a developer try each operation with a bearer token.
(async () => {
  const root = document.getElementById('operations');
  const tokenInput = document.getElementById('token');
  tokenInput.value = sessionStorage.getItem('guichet-token') || '';
  tokenInput.addEventListener('change', () => sessionStorage.setItem('guichet-token', tokenInput.value.trim()));

  const el = (tag, props = {}, ...children) => {
    const node = Object.assign(document.createElement(tag), props);
    children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return node;
  };

  let doc;
  try {
    const response = await fetch('/openapi/v1.json');
    doc = await response.json();
  } catch (error) {
    root.textContent = 'Impossible de lire le document OpenAPI : ' + error;
    return;
  }

  document.getElementById('title').textContent = doc.info?.title || 'API';
  document.getElementById('description').textContent = doc.info?.description || '';
  root.textContent = '';

  const byTag = new Map();
  for (const [path, item] of Object.entries(doc.paths || {})) {
    for (const [method, operation] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const tag = (operation.tags && operation.tags[0]) || 'Autres';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push({ path, method, operation, parameters: [...(item.parameters || []), ...(operation.parameters || [])] });
    }
  }

  for (const [tag, operations] of byTag) {
    root.append(el('h2', {}, tag));
    for (const op of operations) root.append(renderOperation(op));
  }

  function renderOperation({ path, method, operation, parameters }) {
    const inputs = new Map();
    const rows = parameters.map(p => {
      const input = el('input', { placeholder: p.schema?.type || 'string' });
      inputs.set(p, input);
      return el('tr', {}, el('td', {}, el('code', {}, p.name)), el('td', {}, p.in), el('td', {}, p.required ? 'requis' : ''), el('td', {}, input));
    });
    const hasBody = !!operation.requestBody;
    const body = el('textarea', { rows: 4, placeholder: '{ }' });
    const output = el('pre');
    const send = el('button', { type: 'button' }, 'Essayer');
    send.addEventListener('click', async () => {
      let url = path;
      const query = new URLSearchParams();
      const headers = {};
      for (const [p, input] of inputs) {
        const value = input.value;
        if (!value) continue;
        if (p.in === 'path') url = url.replace('{' + p.name + '}', encodeURIComponent(value));
        else if (p.in === 'query') query.append(p.name, value);
        else if (p.in === 'header') headers[p.name] = value;
      }
      if (tokenInput.value.trim()) headers['Authorization'] = 'Bearer ' + tokenInput.value.trim();
      const init = { method: method.toUpperCase(), headers };
      if (hasBody && body.value.trim()) {
        headers['Content-Type'] = 'application/json';
        init.body = body.value;
      }
      const qs = query.toString();
      try {
        const response = await fetch(url + (qs ? '?' + qs : ''), init);
        const text = await response.text();
        const shown = [...response.headers].filter(([k]) => ['location', 'retry-after', 'x-ms-continuation-token', 'x-correlation-id'].includes(k));
        output.textContent = response.status + ' ' + response.statusText + '\n' + shown.map(([k, v]) => k + ': ' + v).join('\n') + '\n\n' + pretty(text);
      } catch (error) {
        output.textContent = String(error);
      }
    });
    const responses = Object.entries(operation.responses || {}).map(([code, r]) => el('tr', {}, el('td', {}, code), el('td', {}, r.description || '')));
    return el('details', {},
      el('summary', {}, el('span', { className: 'method ' + method }, method.toUpperCase()), ' ', el('code', {}, path), ' — ', operation.summary || ''),
      operation['x-policy'] ? el('p', {}, 'Politique : ', el('code', {}, operation['x-policy'])) : '',
      rows.length ? el('table', {}, el('tr', {}, el('th', {}, 'paramètre'), el('th', {}, 'où'), el('th', {}, ''), el('th', {}, 'valeur')), rows) : '',
      hasBody ? [el('p', {}, 'Corps JSON :'), body] : '',
      el('table', {}, el('tr', {}, el('th', {}, 'statut'), el('th', {}, 'réponse')), responses),
      send, output);
  }

  function pretty(text) {
    try { return JSON.stringify(JSON.parse(text), null, 2); } catch { return text; }
  }
})();
