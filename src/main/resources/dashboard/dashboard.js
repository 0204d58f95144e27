// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard: fetches the snapshot history from the API (with the tab's key when the server needs one) and draws
// each section as SVG beside a table of the same numbers. No inline script or style, so the page runs under a strict
// Content-Security-Policy. A new section is a <section> and a link in index.html, a draw function here, and one more
// request and call in load().
'use strict';

const KEY_STORAGE = 'propensity-api-key';
const SVG = 'http://www.w3.org/2000/svg';
// Okabe-Ito: told apart with the common colour-vision deficiencies.
const PALETTE = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'];
const FLAGGED_COLOUR = '#D55E00';
const CALM_COLOUR = '#0072B2';

class Unauthorized extends Error {}

async function api(path) {
  const headers = { Accept: 'application/json' };
  const key = sessionStorage.getItem(KEY_STORAGE);
  if (key) {
    headers.Authorization = 'Bearer ' + key;
  }
  const response = await fetch(path, { headers, cache: 'no-store', referrerPolicy: 'no-referrer' });
  if (response.status === 401 || response.status === 403) {
    const problem = await response.json().catch(() => ({}));
    throw new Unauthorized(problem.detail || 'this page needs an API key with the read role');
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(path + ': ' + (problem.detail || response.status));
  }
  return response.json();
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

// Migration: one heat map per dimension; each cell holds the count and its share of the row (where customers came from).
function drawMigration(migration) {
  const caption = document.getElementById('migration-caption');
  const holder = document.getElementById('migration-matrices');
  holder.replaceChildren();
  if (migration.dimensions.length === 0) {
    caption.textContent = 'Snapshot ' + migration.snapshot + ' has no migration: it is the first one, or nothing was scored before it.';
    return;
  }
  caption.textContent = 'Snapshot ' + migration.snapshot + ' against ' + (migration.against || 'the snapshot before it')
    + ': rows are where customers were, columns where they are now. Each cell: customers, and their share of the row.';
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
      const row = element('tr', { 'data-from': dimension.from[i] }, element('th', { scope: 'row' }, dimension.from[i]));
      counts.forEach((count, j) => {
        const share = total > 0 ? count / total : 0;
        const shade = count === 0 ? 0 : Math.min(5, 1 + Math.floor(share * 5));
        row.append(element('td', { class: 'heat-' + shade, 'data-to': dimension.to[j], 'data-customers': count },
          integer.format(count), element('span', { class: 'share' }, percent(count, total))));
      });
      body.append(row);
    });
    table.append(body);
    holder.append(element('div', { class: 'table-scroll' }, table));
  }
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

function askForKey(message) {
  document.getElementById('sections').hidden = true;
  document.getElementById('sign-in').hidden = false;
  document.getElementById('sign-out').hidden = !sessionStorage.getItem(KEY_STORAGE);
  status(message);
  document.getElementById('api-key').focus();
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
    if (snapshots.length === 0) {
      main.hidden = true;
      status('No snapshot yet. Score a customer base to make one: propensity score --data BASE.csv --id customer_id');
      return;
    }
    const latest = snapshots[0].id;
    const [migration, drift] = await Promise.all([
      api('/v1/snapshots/' + encodeURIComponent(latest) + '/migration'),
      api('/v1/snapshots/' + encodeURIComponent(latest) + '/drift')]);
    drawSegments(snapshots);
    drawMigration(migration);
    drawDrift(drift);
    await loadHealthSections();
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
