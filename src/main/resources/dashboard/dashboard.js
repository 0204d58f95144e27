// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard: fetches the snapshot history from the API (with the tab's key when the server needs one) and draws
// each section as SVG beside a table of the same numbers. No inline script or style, so the page runs under a strict
// Content-Security-Policy. A new section is a <section> and a link in index.html, a draw function here, and one more
// request and call in load(). Actions (downloads, the picker, the lookalike form) fetch with the same key.
'use strict';

const KEY_STORAGE = 'propensity-api-key';
const SVG = 'http://www.w3.org/2000/svg';
// Okabe-Ito: told apart with the common colour-vision deficiencies.
const PALETTE = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'];
const FLAGGED_COLOUR = '#D55E00';
const CALM_COLOUR = '#0072B2';

class Unauthorized extends Error {}

/** A request with the tab's key, if any; a refused key throws Unauthorized, any other failure the problem's detail. */
async function request(path, options) {
  const headers = Object.assign({ Accept: 'application/json' }, (options || {}).headers);
  const key = sessionStorage.getItem(KEY_STORAGE);
  if (key) {
    headers.Authorization = 'Bearer ' + key;
  }
  const response = await fetch(path, Object.assign({ cache: 'no-store', referrerPolicy: 'no-referrer' }, options, { headers }));
  if (response.status === 401 || response.status === 403) {
    const problem = await response.json().catch(() => ({}));
    throw new Unauthorized(problem.detail || 'this needs an API key with the read role');
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || path.replace(/\?.*/, '') + ': ' + response.status);
  }
  return response;
}

async function api(path) {
  return (await request(path)).json();
}

/**
 * Fetches a file with the tab's key and hands it to the browser as a download: a plain link could not carry the
 * key, and the response never passes through a URL that a server or proxy would log.
 */
async function download(path, fileName, options) {
  const response = await request(path, options);
  const url = URL.createObjectURL(await response.blob());
  const link = element('a', { href: url, download: fileName, hidden: '' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** A query string from the entries whose value is set. */
function query(parameters) {
  const set = Object.entries(parameters).filter(([, value]) => value !== undefined && value !== null && value !== '');
  return set.length ? '?' + new URLSearchParams(set).toString() : '';
}

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    node.setAttribute(name, value);
  }
  for (const child of children) {
    node.append(child);
  }
  return node;
}

function svgElement(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    node.setAttribute(name, String(value));
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function swatch(colour) {
  const box = svgElement('svg', { width: 14, height: 14, 'aria-hidden': 'true', class: 'swatch-svg' });
  box.append(svgElement('rect', { x: 0.5, y: 0.5, width: 13, height: 13, fill: colour, stroke: '#1a1a1a' }));
  return box;
}

const integer = new Intl.NumberFormat('en-US');
function percent(part, whole) {
  return whole > 0 ? (100 * part / whole).toFixed(1) + '%' : '–';
}

function status(text) {
  document.getElementById('status').textContent = text;
}

// Segments over time: stacked columns per snapshot, oldest first; the table lists the same counts, latest first.
function drawSegments(snapshots) {
  const names = [];
  for (const snapshot of snapshots) {
    for (const name of Object.keys(snapshot.segments)) {
      if (!names.includes(name)) {
        names.push(name);
      }
    }
  }
  const colour = name => PALETTE[names.indexOf(name) % PALETTE.length];
  const table = document.getElementById('segments-table');
  table.replaceChildren(element('caption', {}, 'Customers per segment, latest snapshot first'));
  const head = element('tr', {}, element('th', { scope: 'col' }, 'Snapshot'), element('th', { scope: 'col' }, 'Finished (UTC)'),
    element('th', { scope: 'col' }, 'Rows read'), element('th', { scope: 'col' }, 'Customers'));
  for (const name of names) {
    head.append(element('th', { scope: 'col' }, swatch(colour(name)), name));
  }
  table.append(element('thead', {}, head));
  const body = element('tbody');
  for (const snapshot of snapshots) {
    const row = element('tr', { 'data-snapshot': snapshot.id }, element('th', { scope: 'row' }, snapshot.id),
      element('td', {}, snapshot.created_at.replace('T', ' ').replace(/\.\d+Z$|Z$/, '')),
      element('td', { 'data-field': 'rows' }, integer.format(snapshot.rows)),
      element('td', { 'data-field': 'customers' }, integer.format(snapshot.customers)));
    for (const name of names) {
      const count = snapshot.segments[name] || 0;
      row.append(element('td', { 'data-segment': name }, integer.format(count)));
    }
    body.append(row);
  }
  table.append(body);

  const oldestFirst = snapshots.slice().reverse();
  const width = Math.max(320, 60 + oldestFirst.length * 56), height = 260, top = 10, bottom = 40, left = 60;
  const most = Math.max(1, ...oldestFirst.map(s => s.customers));
  const chart = svgElement('svg', { width, height, role: 'img', 'aria-label': 'Customers per segment in each snapshot (the table has the numbers)' });
  const plotHeight = height - top - bottom;
  chart.append(svgElement('line', { x1: left, y1: top + plotHeight, x2: width, y2: top + plotHeight, stroke: '#1a1a1a' }));
  chart.append(svgElement('text', { x: left - 6, y: top + 10, 'text-anchor': 'end' }, integer.format(most)));
  chart.append(svgElement('text', { x: left - 6, y: top + plotHeight, 'text-anchor': 'end' }, '0'));
  oldestFirst.forEach((snapshot, index) => {
    const x = left + 8 + index * 56;
    let y = top + plotHeight;
    for (const name of names) {
      const count = snapshot.segments[name] || 0;
      const barHeight = plotHeight * count / most;
      y -= barHeight;
      const bar = svgElement('rect', { x, y, width: 40, height: barHeight, fill: colour(name), stroke: '#ffffff', class: 'bar' });
      bar.append(svgElement('title', {}, snapshot.id + ' · ' + name + ': ' + integer.format(count)));
      chart.append(bar);
    }
    // The date under each column, the time under that: weekly snapshots differ by date, same-day reruns by time.
    const when = snapshot.created_at;
    chart.append(svgElement('text', { x: x + 20, y: height - bottom + 14, 'text-anchor': 'middle' }, when.slice(5, 10)));
    chart.append(svgElement('text', { x: x + 20, y: height - bottom + 28, 'text-anchor': 'middle' }, when.slice(11, 16)));
  });
  const legend = element('ul', { class: 'legend' });
  for (const name of names) {
    legend.append(element('li', {}, swatch(colour(name)), name));
  }
  document.getElementById('segments-chart').replaceChildren(chart, legend);
}

// Migration: one heat map per dimension; each cell holds the count and its share of the row (where customers came
// from), and a cell with customers is a button that downloads them as CSV.
function drawMigration(migration) {
  const caption = document.getElementById('migration-caption');
  const holder = document.getElementById('migration-matrices');
  holder.replaceChildren();
  if (migration.dimensions.length === 0) {
    caption.textContent = 'Snapshot ' + migration.snapshot + ' has no migration: it is the first one, or nothing was scored before it.';
    return;
  }
  caption.textContent = 'Snapshot ' + migration.snapshot + ' against ' + migration.against
    + ': rows are where customers were, columns where they are now. Each cell: customers, and their share of the row;'
    + ' select a count to download those customers (CSV).';
  for (const dimension of migration.dimensions) {
    const table = element('table', { class: 'heat', 'data-dimension': dimension.name });
    table.append(element('caption', {}, dimension.name));
    const head = element('tr', {}, element('th', { scope: 'col' }, 'from \\ to'));
    for (const to of dimension.to) {
      head.append(element('th', { scope: 'col' }, to));
    }
    table.append(element('thead', {}, head));
    const body = element('tbody');
    dimension.customers.forEach((counts, i) => {
      const total = counts.reduce((sum, count) => sum + count, 0);
      const from = dimension.from[i];
      const row = element('tr', { 'data-from': from }, element('th', { scope: 'row' }, from));
      counts.forEach((count, j) => {
        const to = dimension.to[j];
        const share = total > 0 ? count / total : 0;
        const shade = count === 0 ? 0 : Math.min(5, 1 + Math.floor(share * 5));
        const number = count === 0 ? integer.format(count) : cellDownload(migration, dimension.name, from, to, count);
        row.append(element('td', { class: 'heat-' + shade, 'data-to': to, 'data-customers': count },
          number, element('span', { class: 'share' }, percent(count, total))));
      });
      body.append(row);
    });
    table.append(body);
    holder.append(element('div', { class: 'table-scroll' }, table));
  }
}

function cellDownload(migration, dimension, from, to, count) {
  const button = element('button', { type: 'button', class: 'cell-download',
    'aria-label': 'Download the ' + integer.format(count) + ' customers whose ' + dimension + ' went from ' + from + ' to ' + to + ' (CSV)' },
  integer.format(count));
  button.addEventListener('click', () => {
    const path = '/v1/snapshots/' + encodeURIComponent(migration.snapshot) + '/migration/customers'
      + query({ against: migration.against, dimension, from, to });
    const name = ['migration', migration.snapshot, dimension, from, 'to', to].join('-').replace(/[^A-Za-z0-9-]+/g, '') + '.csv';
    download(path, name, { headers: { Accept: 'text/csv' } }).catch(error => reportFailure(error, 'migration-caption'));
  });
  return button;
}

// The picker: any snapshot against any other, the latest against the one before it first.
function setUpMigrationPicker(snapshots) {
  const to = document.getElementById('migration-to');
  const from = document.getElementById('migration-from');
  const options = select => select.replaceChildren(...snapshots.map(s => element('option', { value: s.id }, s.id)));
  options(to);
  options(from);
  to.value = snapshots[0].id;
  from.value = snapshots.length > 1 ? snapshots[1].id : snapshots[0].id;
  document.getElementById('migration-pair').hidden = snapshots.length < 2;
  const redraw = () => {
    if (to.value === from.value) {
      document.getElementById('migration-caption').textContent = 'Choose two different snapshots.';
      document.getElementById('migration-matrices').replaceChildren();
      return;
    }
    loadMigration(to.value, from.value).catch(error => reportFailure(error, 'migration-caption'));
  };
  to.onchange = redraw;
  from.onchange = redraw;
}

async function loadMigration(snapshot, against) {
  const path = '/v1/snapshots/' + encodeURIComponent(snapshot) + '/migration' + query({ against });
  drawMigration(await api(path));
}

// Drift: PSI per input and score as bars, flagged first, with the 0.1 (watch) and alert thresholds drawn.
function drawDrift(drift) {
  document.getElementById('drift-caption').textContent = 'Snapshot ' + drift.snapshot
    + ': population stability index of each input and score against training. Below ' + drift.watch_threshold
    + ' no shift, up to ' + drift.alert_threshold + ' a moderate one, above it flagged.'
    + (drift.notes.length ? ' ' + drift.notes.join(' ') : '');
  const table = document.getElementById('drift-table');
  table.replaceChildren(element('caption', {}, 'PSI, flagged first'));
  table.append(element('thead', {}, element('tr', {}, element('th', { scope: 'col' }, 'Task'), element('th', { scope: 'col' }, 'Input'),
    element('th', { scope: 'col' }, 'PSI'), element('th', { scope: 'col' }, 'Flagged'))));
  const body = element('tbody');
  for (const entry of drift.entries) {
    body.append(element('tr', { 'data-task': entry.task, 'data-input': entry.input, class: entry.flagged ? 'flagged' : '' },
      element('td', {}, entry.task), element('td', {}, entry.input), element('td', { 'data-field': 'psi' }, entry.psi.toFixed(4)),
      element('td', {}, entry.flagged ? 'flagged' : 'no')));
  }
  table.append(body);

  // The axis stops at 1 (a PSI of 1 is already a different population) so the thresholds stay readable; longer
  // bars end at the edge with their value written beside them.
  const rowHeight = 18, left = 240, width = 720, top = 34, valueWidth = 60;
  const height = top + drift.entries.length * rowHeight + 10;
  const scaleMax = Math.max(drift.alert_threshold * 2, Math.min(1, Math.max(...drift.entries.map(e => e.psi))));
  const x = psi => left + (width - left - valueWidth) * Math.min(psi, scaleMax) / scaleMax;
  const chart = svgElement('svg', { width, height, role: 'img', 'aria-label': 'PSI per input and score (the table has the numbers)' });
  drift.entries.forEach((entry, index) => {
    const y = top + index * rowHeight;
    chart.append(svgElement('text', { x: left - 6, y: y + 12, 'text-anchor': 'end' }, entry.task + ' · ' + entry.input));
    const bar = svgElement('rect', { x: left, y: y + 2, width: Math.max(1, x(entry.psi) - left), height: rowHeight - 5,
      fill: entry.flagged ? FLAGGED_COLOUR : CALM_COLOUR, class: 'bar' });
    bar.append(svgElement('title', {}, entry.task + ' · ' + entry.input + ': ' + entry.psi.toFixed(4)));
    chart.append(bar);
    chart.append(svgElement('text', { x: x(entry.psi) + 4, y: y + 12 }, entry.psi.toFixed(3) + (entry.psi > scaleMax ? ' ▸' : '')));
  });
  [[drift.watch_threshold, 'watch'], [drift.alert_threshold, 'alert']].forEach(([threshold, label], index) => {
    chart.append(svgElement('line', { x1: x(threshold), y1: top - (index ? 8 : 20), x2: x(threshold), y2: height - 6, stroke: '#1a1a1a',
      'stroke-dasharray': label === 'alert' ? '6 3' : '2 3', class: 'threshold', 'data-threshold': threshold }));
    chart.append(svgElement('text', { x: x(threshold) + 3, y: top - (index ? 10 : 22) }, label + ' ' + threshold));
  });
  document.getElementById('drift-chart').replaceChildren(chart);
}

// Lists: the first rows of a segment's list as the server ranks it (by the segment's own score, by value or by
// expected loss), with the whole list as CSV or JSON; and, when the server has a pool, a lookalike audience form.
const LIST_PREVIEW_ROWS = 50;
const LIST_COLUMNS_SHOWN = 12;

function setUpLists(summary) {
  const segment = document.getElementById('list-segment');
  const names = Object.keys(summary.segments);
  segment.replaceChildren(...names.map(name => element('option', { value: name },
    name + ' (' + integer.format(summary.segments[name]) + ')')));
  // The retention team's list first: the segment named at-risk, else the first rule's.
  segment.value = names.includes('at-risk') ? 'at-risk' : names[0];
  const sort = document.getElementById('list-sort');
  const refresh = () => loadList().catch(error => reportFailure(error, 'list-caption'));
  segment.onchange = refresh;
  sort.onchange = refresh;
  const listPath = format => '/v1/segments/' + encodeURIComponent(segment.value) + '/customers' + query({ format, sort: sort.value });
  document.getElementById('list-csv').onclick = () => download(listPath('csv'), segment.value + '.csv', { headers: { Accept: 'text/csv' } })
    .catch(error => reportFailure(error, 'list-caption'));
  document.getElementById('list-json').onclick = () => download(listPath('json'), segment.value + '.json')
    .catch(error => reportFailure(error, 'list-caption'));
  document.getElementById('lookalike-form').hidden = document.body.dataset.pool !== 'true';
  return refresh();
}

async function loadList() {
  const segment = document.getElementById('list-segment').value;
  const sort = document.getElementById('list-sort');
  const caption = document.getElementById('list-caption');
  const table = document.getElementById('list-table');
  const { customers } = await api('/v1/segments/' + encodeURIComponent(segment) + '/customers'
    + query({ format: 'json', limit: LIST_PREVIEW_ROWS, sort: sort.value }));
  if (sort.value === '') {
    // Value and expected loss rank only a snapshot whose base carried a CLV: offered when its rows have one.
    const valued = customers.length > 0 && Object.prototype.hasOwnProperty.call(customers[0], 'clv');
    for (const option of sort.querySelectorAll('option[value="clv"], option[value="expected_loss"]')) {
      option.disabled = !valued;
    }
  }
  const ranking = sort.options[sort.selectedIndex].textContent;
  caption.textContent = customers.length === 0 ? 'Nobody is in ' + segment + ' in the latest snapshot.'
    : 'The first ' + customers.length + ' customers of ' + segment + ', ranked by ' + ranking + '; the downloads hold the whole list.';
  table.replaceChildren(element('caption', {}, segment + ': the first ' + customers.length + ' by ' + ranking));
  if (customers.length === 0) {
    return;
  }
  const columns = Object.keys(customers[0]).slice(0, LIST_COLUMNS_SHOWN);
  if (Object.keys(customers[0]).includes('expected_loss') && !columns.includes('expected_loss')) {
    columns[columns.length - 1] = 'expected_loss';
  }
  table.append(element('thead', {}, element('tr', {}, ...columns.map(column => element('th', { scope: 'col' }, column)))));
  const body = element('tbody');
  customers.forEach((customer, index) => {
    body.append(element('tr', { 'data-rank': index + 1 }, ...columns.map(column => element('td', { 'data-column': column },
      customer[column] === null || customer[column] === undefined ? '' : String(customer[column])))));
  });
  table.append(body);
}

function setUpLookalikeForm() {
  const form = document.getElementById('lookalike-form');
  const status = document.getElementById('lookalike-status');
  form.onsubmit = event => {
    event.preventDefault();
    const seed = document.getElementById('lookalike-seed').value.split(/[\s,;]+/).filter(id => id.length > 0);
    const size = document.getElementById('lookalike-size').value.trim();
    status.textContent = 'Building an audience like ' + integer.format(seed.length) + ' seed customers…';
    download('/v1/lookalike?format=csv', 'lookalike.csv', {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'text/csv' },
      body: JSON.stringify({ seed, size: /^\d+$/.test(size) ? Number(size) : size })
    }).then(() => { status.textContent = 'Downloaded lookalike.csv.'; })
      .catch(error => { status.textContent = error instanceof Unauthorized ? 'Building an audience needs a key with the score role: ' + error.message : error.message; });
  };
}

/** A failed action after the page loaded: a refused key asks for another; anything else is said beside the control. */
function reportFailure(error, elementId) {
  if (error instanceof Unauthorized) {
    askForKey(error.message);
  } else {
    document.getElementById(elementId).textContent = 'Could not load: ' + error.message;
  }
}

function askForKey(message) {
  document.getElementById('sections').hidden = true;
  document.getElementById('sign-in').hidden = false;
  document.getElementById('sign-out').hidden = !sessionStorage.getItem(KEY_STORAGE);
  status(message);
  document.getElementById('api-key').focus();
}

const SNAPSHOT_SECTIONS = ['segments', 'migration', 'drift', 'lists'];

function showSnapshotSections(shown) {
  for (const id of SNAPSHOT_SECTIONS) {
    document.getElementById(id).hidden = !shown;
    document.querySelector('nav a[href="#' + id + '"]').parentElement.hidden = !shown;
  }
}

async function load() {
  const form = document.getElementById('sign-in');
  const main = document.getElementById('sections');
  if (document.body.dataset.keysRequired === 'true' && !sessionStorage.getItem(KEY_STORAGE)) {
    askForKey('Sign in with an API key that has the read role.');
    return;
  }
  try {
    status('Loading…');
    const { snapshots } = await api('/v1/snapshots');
    form.hidden = true;
    document.getElementById('sign-out').hidden = !sessionStorage.getItem(KEY_STORAGE);
    // Before the first snapshot the models can still be looked at; the sections drawn from snapshots wait for one.
    showSnapshotSections(snapshots.length > 0);
    if (snapshots.length === 0) {
      await loadHealthSections(snapshots);
      main.hidden = false;
      status('No snapshot yet. Score a customer base to make one: propensity score --data BASE.csv --id customer_id');
      return;
    }
    const latest = snapshots[0].id;
    const [drift, summary] = await Promise.all([
      api('/v1/snapshots/' + encodeURIComponent(latest) + '/drift'),
      api('/v1/segments')]);
    drawSegments(snapshots);
    setUpMigrationPicker(snapshots);
    await loadMigration(latest, snapshots.length > 1 ? snapshots[1].id : undefined);
    drawDrift(drift);
    await loadHealthSections(snapshots);
    await setUpLists(summary);
    main.hidden = false;
    status('');
  } catch (error) {
    main.hidden = true;
    if (error instanceof Unauthorized) {
      askForKey(error.message);
    } else {
      status('Could not load the dashboard: ' + error.message);
    }
  }
}

document.addEventListener('DOMContentLoaded', () => {
  setUpLookalikeForm();
  document.getElementById('sign-in').addEventListener('submit', event => {
    event.preventDefault();
    const input = document.getElementById('api-key');
    sessionStorage.setItem(KEY_STORAGE, input.value.trim());
    input.value = '';
    load();
  });
  document.getElementById('sign-out').addEventListener('click', () => {
    sessionStorage.removeItem(KEY_STORAGE);
    load();
  });
  load();
});
