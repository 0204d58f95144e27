// SPDX-License-Identifier: GPL-3.0-or-later
// Model health, personas and value: drawn from the model cards, the backtest ledger, the persona card and the value
// model, each fetched from the API (GET /v1/models lists what exists, so an absent model is a note, never a refused
// request). Uses api, element, svgElement, swatch, integer and PALETTE from dashboard.js, loaded before this file.
'use strict';

const REALIZED_COLOUR = '#0072B2';
const PROMISED_COLOUR = '#E69F00';
// Low, medium and high value: light to dark blue, ordered so the band is read from lightness as well as hue.
const VALUE_BAND_COLOURS = { low: '#b8d8ec', medium: '#56B4E9', high: '#0072B2' };
const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

// Cards write a figure they cannot compute as the string "NaN"; it is shown as a dash.
function figure(value) {
  return typeof value === 'number' ? value : NaN;
}

function fixed(value, digits) {
  const number = figure(value);
  return Number.isFinite(number) ? number.toFixed(digits) : '–';
}

function share(value) {
  const number = figure(value);
  return Number.isFinite(number) ? (100 * number).toFixed(1) + '%' : '–';
}

function utc(instant) {
  return instant.replace('T', ' ').replace(/(:\d\d)(\.\d+)?Z$/, '$1') + ' UTC';
}

function age(instant) {
  const days = Math.floor((Date.now() - Date.parse(instant)) / 86400000);
  return days < 1 ? 'less than a day old' : days === 1 ? '1 day old' : integer.format(days) + ' days old';
}

// A column header per name; a name in textColumns heads a column of text, aligned left like its cells.
function headerRow(names, textColumns = []) {
  return element('thead', {}, element('tr', {}, ...names.map(name =>
    element('th', textColumns.includes(name) ? { scope: 'col', class: 'text' } : { scope: 'col' }, name))));
}

function scroll(table) {
  return element('div', { class: 'table-scroll' }, table);
}

// A square plot area with axes from 0 to 1 on both sides, ticks every 0.2; returns the svg and the two scales.
function unitPlot(label, size, xTitle, yTitle) {
  const left = 58, top = 10, bottom = 36, right = 22;
  const width = size + left + right, height = size + top + bottom;
  const chart = svgElement('svg', { width, height, role: 'img', 'aria-label': label });
  const x = value => left + size * value;
  const y = value => top + size * (1 - value);
  for (let tick = 0; tick <= 5; tick++) {
    const value = tick / 5;
    chart.append(svgElement('line', { x1: x(0), y1: y(value), x2: x(1), y2: y(value), class: 'grid' }));
    chart.append(svgElement('text', { x: left - 6, y: y(value) + 4, 'text-anchor': 'end' }, (100 * value).toFixed(0) + '%'));
    chart.append(svgElement('text', { x: x(value), y: top + size + 14, 'text-anchor': 'middle' }, (100 * value).toFixed(0) + '%'));
  }
  chart.append(svgElement('line', { x1: x(0), y1: y(0), x2: x(1), y2: y(0), stroke: '#1a1a1a' }));
  chart.append(svgElement('line', { x1: x(0), y1: y(0), x2: x(0), y2: y(1), stroke: '#1a1a1a' }));
  chart.append(svgElement('text', { x: x(0.5), y: height - 4, 'text-anchor': 'middle' }, xTitle));
  chart.append(svgElement('text', { x: 12, y: y(0.5), 'text-anchor': 'middle', transform: 'rotate(-90 12 ' + y(0.5) + ')' }, yTitle));
  chart.append(svgElement('line', { x1: x(0), y1: y(0), x2: x(1), y2: y(1), stroke: '#555', 'stroke-dasharray': '4 4' }));
  return { chart, x, y };
}

function legend(entries) {
  const list = element('ul', { class: 'legend' });
  for (const [colour, text] of entries) {
    list.append(element('li', {}, swatch(colour), text));
  }
  return list;
}

// Cumulative gains: the share of all positives among the top-scored customers, decile by decile, against the
// diagonal a random order would give.
function gainsChart(deciles) {
  const { chart, x, y } = unitPlot('Cumulative gains by decile (the table has the numbers)', 220,
    'customers, highest scores first', 'positives found');
  const points = [[0, 0]].concat(deciles.map(row => [row.decile / deciles.length, figure(row.cumulative_gain)]));
  chart.append(svgElement('polyline', { points: points.map(([a, b]) => x(a) + ',' + y(b)).join(' '), fill: 'none',
    stroke: REALIZED_COLOUR, 'stroke-width': 2.5, class: 'gains-line' }));
  deciles.forEach((row, index) => {
    const dot = svgElement('circle', { cx: x(points[index + 1][0]), cy: y(points[index + 1][1]), r: 4, fill: REALIZED_COLOUR, class: 'point' });
    dot.append(svgElement('title', {}, 'top ' + (10 * row.decile) + '%: ' + share(row.cumulative_gain)
      + ' of positives, lift ' + fixed(row.cumulative_lift, 2)));
    chart.append(dot);
  });
  return element('figure', { class: 'chart' }, chart, legend([[REALIZED_COLOUR, 'model'], ['#555', 'random order (dashed)']]));
}

function gainsTable(deciles) {
  const table = element('table', { class: 'gains' });
  table.append(element('caption', {}, 'Deciles, highest scores first'));
  table.append(headerRow(['Decile', 'Customers', 'Positives', 'Positive rate', 'Lift', 'Cumulative gain', 'Cumulative lift']));
  const body = element('tbody');
  for (const row of deciles) {
    body.append(element('tr', { 'data-decile': row.decile }, element('th', { scope: 'row' }, String(row.decile)),
      element('td', { 'data-field': 'rows' }, integer.format(row.rows)),
      element('td', { 'data-field': 'positives' }, integer.format(row.positives)),
      element('td', { 'data-field': 'positive_rate' }, share(row.positive_rate)),
      element('td', { 'data-field': 'lift' }, fixed(row.lift, 2)),
      element('td', { 'data-field': 'cumulative_gain' }, share(row.cumulative_gain)),
      element('td', { 'data-field': 'cumulative_lift' }, fixed(row.cumulative_lift, 2))));
  }
  table.append(body);
  return table;
}

// Reliability: each probability bin's mean prediction against the rate observed in it; the diagonal is perfect
// calibration. Empty bins are left out of the plot and shown as dashes in the table.
function calibrationChart(bins) {
  const { chart, x, y } = unitPlot('Calibration: predicted against observed, per probability bin (the table has the numbers)', 220,
    'mean predicted probability', 'observed rate');
  const filled = bins.filter(bin => bin.rows > 0 && Number.isFinite(figure(bin.mean_predicted)) && Number.isFinite(figure(bin.observed_rate)));
  chart.append(svgElement('polyline', { points: filled.map(bin => x(bin.mean_predicted) + ',' + y(bin.observed_rate)).join(' '),
    fill: 'none', stroke: REALIZED_COLOUR, 'stroke-width': 1.5 }));
  const most = Math.max(1, ...filled.map(bin => bin.rows));
  for (const bin of filled) {
    // Area in proportion to the customers in the bin, so a bin of two customers does not look like evidence.
    const dot = svgElement('circle', { cx: x(bin.mean_predicted), cy: y(bin.observed_rate), r: 2.5 + 6 * Math.sqrt(bin.rows / most),
      fill: REALIZED_COLOUR, 'fill-opacity': 0.75, stroke: '#1a1a1a', class: 'point' });
    dot.append(svgElement('title', {}, fixed(bin.lower, 1) + '–' + fixed(bin.upper, 1) + ': predicted ' + share(bin.mean_predicted)
      + ', observed ' + share(bin.observed_rate) + ' of ' + integer.format(bin.rows)));
    chart.append(dot);
  }
  return element('figure', { class: 'chart' }, chart,
    legend([[REALIZED_COLOUR, 'bins (area: customers)'], ['#555', 'perfect calibration (dashed)']]));
}

function calibrationTable(bins) {
  const table = element('table', { class: 'calibration' });
  table.append(element('caption', {}, 'Probability bins'));
  table.append(headerRow(['Probability', 'Customers', 'Mean predicted', 'Observed rate']));
  const body = element('tbody');
  for (const bin of bins) {
    body.append(element('tr', { 'data-bin': bin.index }, element('th', { scope: 'row' }, fixed(bin.lower, 1) + '–' + fixed(bin.upper, 1)),
      element('td', { 'data-field': 'rows' }, integer.format(bin.rows)),
      element('td', { 'data-field': 'mean_predicted' }, share(bin.mean_predicted)),
      element('td', { 'data-field': 'observed_rate' }, share(bin.observed_rate))));
  }
  table.append(body);
  return table;
}

const HEADLINE_METRICS = [['auc', 'AUC', 3], ['pr_auc', 'PR AUC', 3], ['log_loss', 'Log loss', 4], ['brier', 'Brier', 4],
  ['ece', 'ECE', 4], ['base_rate', 'Base rate', 3], ['lift_top_decile', 'Lift, top decile', 2]];

function metricsTable(summary) {
  const table = element('table', { class: 'metrics' });
  table.append(element('caption', {}, 'The card’s figures'));
  table.append(headerRow(['Customers', 'Positives', ...HEADLINE_METRICS.map(([, label]) => label)]));
  const row = element('tr', {}, element('td', { 'data-metric': 'rows' }, integer.format(summary.rows)),
    element('td', { 'data-metric': 'positives' }, integer.format(summary.positives)));
  for (const [name, , digits] of HEADLINE_METRICS) {
    row.append(element('td', { 'data-metric': name }, fixed(summary[name], digits)));
  }
  table.append(element('tbody', {}, row));
  return table;
}

// One metric of the ledger over time: realized per snapshot (solid, circles) against what the card promised
// (dashed, squares), oldest snapshot on the left.
function ledgerChart(entries, metric, label, digits) {
  // A year of weekly snapshots fits too: the width stops growing and only every few points get a date.
  const width = Math.min(560, Math.max(260, 90 + entries.length * 52)), height = 190, left = 52, top = 24, bottom = 40;
  const labelEvery = Math.ceil(entries.length / 8);
  const plotHeight = height - top - bottom, step = (width - left - 20) / Math.max(1, entries.length - 1);
  const values = entries.flatMap(entry => [figure(entry.realized[metric]), figure(entry.card ? entry.card[metric] : NaN)])
    .filter(Number.isFinite);
  // A ledger whose figures are all missing (no positives matched) still gets an axis.
  let low = values.length ? Math.min(...values) : 0, high = values.length ? Math.max(...values) : 1;
  const pad = Math.max((high - low) * 0.15, metric === 'auc' ? 0.02 : 0.005);
  low = Math.max(0, low - pad);
  high = high + pad;
  const x = index => left + (entries.length === 1 ? (width - left - 20) / 2 : index * step);
  const y = value => top + plotHeight * (high - value) / (high - low);
  const chart = svgElement('svg', { width, height, role: 'img', 'aria-label': label + ' per snapshot, realized against the card (the table has the numbers)' });
  [low, (low + high) / 2, high].forEach(value => {
    chart.append(svgElement('line', { x1: left, y1: y(value), x2: width - 10, y2: y(value), class: 'grid' }));
    chart.append(svgElement('text', { x: left - 6, y: y(value) + 4, 'text-anchor': 'end' }, value.toFixed(digits)));
  });
  entries.forEach((entry, index) => {
    if ((entries.length - 1 - index) % labelEvery !== 0) {
      return;
    }
    // Snapshot ids are UTC times (20261103T060012Z): the date under each point, the time under that.
    const id = entry.snapshot;
    chart.append(svgElement('text', { x: x(index), y: height - bottom + 16, 'text-anchor': 'middle' }, id.slice(4, 6) + '-' + id.slice(6, 8)));
    chart.append(svgElement('text', { x: x(index), y: height - bottom + 30, 'text-anchor': 'middle' }, id.slice(9, 11) + ':' + id.slice(11, 13)));
  });
  const line = (pick, colour, dashed) => {
    const points = entries.map((entry, index) => [x(index), figure(pick(entry))]).filter(([, value]) => Number.isFinite(value));
    chart.append(svgElement('polyline', { points: points.map(([a, value]) => a + ',' + y(value)).join(' '), fill: 'none', stroke: colour,
      'stroke-width': 2, 'stroke-dasharray': dashed ? '6 4' : 'none' }));
    return points;
  };
  line(entry => entry.card ? entry.card[metric] : NaN, PROMISED_COLOUR, true).forEach(([a, value]) =>
    chart.append(svgElement('rect', { x: a - 4, y: y(value) - 4, width: 8, height: 8, fill: PROMISED_COLOUR, stroke: '#1a1a1a' })));
  line(entry => entry.realized[metric], REALIZED_COLOUR, false).forEach(([a, value]) =>
    chart.append(svgElement('circle', { cx: a, cy: y(value), r: 4.5, fill: REALIZED_COLOUR, stroke: '#1a1a1a', class: 'point' })));
  chart.append(svgElement('text', { x: left, y: 12, class: 'chart-title' }, label));
  return chart;
}

const FLAG_NAMES = { auc_drop: 'AUC drop', miscalibrated: 'miscalibrated' };

function ledgerTable(entries) {
  const table = element('table', { class: 'backtests' });
  table.append(element('caption', {}, 'Backtests, latest snapshot first'));
  table.append(headerRow(['Snapshot', 'Model', 'Matched', 'AUC', 'Card AUC', 'ECE', 'Card ECE', 'Flags'], ['Model', 'Flags']));
  const body = element('tbody');
  for (const entry of entries.slice().reverse()) {
    const card = entry.card || {};
    const flags = (entry.flags || []).map(flag => FLAG_NAMES[flag.kind] || flag.kind).join(', ');
    body.append(element('tr', { 'data-snapshot': entry.snapshot },
      element('th', { scope: 'row' }, entry.snapshot),
      element('td', { class: 'text' }, entry.model_version),
      element('td', { 'data-field': 'rows' }, integer.format(figure(entry.realized.rows))),
      element('td', { 'data-field': 'auc' }, fixed(entry.realized.auc, 3)),
      element('td', { 'data-field': 'card_auc' }, fixed(card.auc, 3)),
      element('td', { 'data-field': 'ece' }, fixed(entry.realized.ece, 4)),
      element('td', { 'data-field': 'card_ece' }, fixed(card.ece, 4)),
      element('td', { class: flags ? 'text flagged' : 'text', 'data-field': 'flags' }, flags || 'none')));
  }
  table.append(body);
  return table;
}

function taskHealth(listed, card, ledger) {
  const split = listed.auc_split === 'none' ? null : card.metrics[listed.auc_split];
  const block = element('article', { class: 'task-health', 'data-task': listed.task, 'aria-labelledby': 'health-' + listed.task });
  block.append(element('h3', { id: 'health-' + listed.task }, listed.task + (card.task_meaning ? ' · ' + card.task_meaning : '')));
  block.append(element('p', { class: 'note' }, 'Model ', element('code', { 'data-field': 'version' }, listed.version),
    ' (' + listed.family + '), trained ', element('span', { 'data-field': 'created_at' }, utc(listed.created_at)), ', ' + age(listed.created_at) + '. '
    + (split ? 'Figures from the ' + split.description + '.' : 'Its card holds no test or cross-validated figures.')));
  if (split) {
    block.append(scroll(metricsTable(split.summary)));
    block.append(element('div', { class: 'side-by-side' }, gainsChart(split.deciles), scroll(gainsTable(split.deciles))));
    block.append(element('div', { class: 'side-by-side' }, calibrationChart(split.calibration_table), scroll(calibrationTable(split.calibration_table))));
  }
  if (ledger.length === 0) {
    block.append(element('p', { class: 'note backtest-note' }, 'No backtest yet: once outcomes are known, '
      + 'propensity backtest compares a snapshot’s scores with them and the ledger appears here.'));
  } else {
    block.append(element('h4', {}, 'Backtests: realized on each snapshot against the card'));
    block.append(element('div', { class: 'side-by-side ledger' },
      element('figure', { class: 'chart' }, ledgerChart(ledger, 'auc', 'AUC', 3), ledgerChart(ledger, 'ece', 'ECE', 3),
        legend([[REALIZED_COLOUR, 'realized (circles)'], [PROMISED_COLOUR, 'the card (squares, dashed)']])),
      scroll(ledgerTable(ledger))));
    const latest = ledger[ledger.length - 1];
    if ((latest.flags || []).length > 0) {
      block.append(element('ul', { class: 'flag-messages' },
        ...latest.flags.map(flag => element('li', {}, 'Snapshot ' + latest.snapshot + ': ' + flag.message))));
    }
  }
  return block;
}

function drawModelHealth(models, cards, backtests) {
  const holder = document.getElementById('health-tasks');
  document.getElementById('health-caption').textContent = models.length === 0
    ? 'No model is loaded yet; train one with: propensity train --data FILE --task churn'
    : 'Per task: the figures its card promised on data it was not fitted on, how its scores rank (gains) and how '
      + 'true its probabilities are (calibration), and, when outcomes were backtested, what each snapshot realized.';
  holder.replaceChildren(...models.map((listed, index) =>
    taskHealth(listed, cards[index], backtests.filter(entry => entry.task === listed.task))));
}

function drawPersonas(personas) {
  const caption = document.getElementById('personas-caption');
  const holder = document.getElementById('persona-cards');
  if (!personas) {
    caption.textContent = 'No persona model yet; fit one with: propensity personas fit --data FILE --id COLUMN';
    holder.replaceChildren();
    return;
  }
  caption.textContent = 'Persona model ' + personas.version + ': ' + personas.personas.length
    + ' personas, each with its share of the customers it was fitted on and what sets it apart from the base.';
  holder.replaceChildren(...personas.personas.map((persona, index) => {
    const traits = element('ul', { class: 'traits' });
    for (const trait of persona.distinguishing) {
      const sign = trait.standardized_difference >= 0 ? '+' : '−';
      traits.append(element('li', { 'data-feature': trait.feature }, trait.feature + ' ' + trait.direction + ' ',
        element('span', { class: 'sd' }, '(' + sign + Math.abs(trait.standardized_difference).toFixed(2) + ' sd)')));
    }
    return element('article', { class: 'persona-card', 'data-persona': persona.id },
      element('h3', {}, swatch(PALETTE[index % PALETTE.length]), persona.name),
      element('p', { class: 'persona-share' }, element('span', { 'data-field': 'share' }, share(persona.share)), ' of customers'),
      persona.description ? element('p', {}, persona.description) : '',
      traits);
  }));
}

// The value model's reference: CLV at every percentile of the customers it was fitted on, the bands shaded where
// the latest snapshot cut them. The axis stops at the 99th percentile so the long tail does not flatten the rest.
function valueReferenceChart(model, bands) {
  const width = 420, height = 240, left = 64, top = 12, bottom = 40, right = 12;
  const plotWidth = width - left - right, plotHeight = height - top - bottom;
  const ceiling = Math.max(1e-9, model.clv_percentiles[99]);
  const x = percentile => left + plotWidth * percentile / 100;
  const y = clv => top + plotHeight * (1 - Math.min(clv, ceiling) / ceiling);
  const chart = svgElement('svg', { width, height, role: 'img', 'aria-label': 'CLV at each percentile of the value model’s customers, with the value bands (the tables have the numbers)' });
  if (bands && bands.value_band_cutoffs) {
    const cuts = [0, bands.value_band_cutoffs.medium_percentile, bands.value_band_cutoffs.high_percentile, 100];
    ['low', 'medium', 'high'].forEach((band, index) => {
      chart.append(svgElement('rect', { x: x(cuts[index]), y: top, width: x(cuts[index + 1]) - x(cuts[index]), height: plotHeight,
        fill: VALUE_BAND_COLOURS[band], 'fill-opacity': 0.35, class: 'value-band', 'data-band': band }));
      const middle = (x(cuts[index]) + x(cuts[index + 1])) / 2;
      chart.append(svgElement('text', { x: middle, y: top + 14, 'text-anchor': 'middle' }, band));
      const from = band === 'low' ? null : bands.clv_thresholds[band];
      if (from !== null) {
        chart.append(svgElement('text', { x: middle, y: top + 28, 'text-anchor': 'middle' }, '≥ ' + money.format(from)));
      }
    });
  }
  [0, 0.5, 1].forEach(part => {
    chart.append(svgElement('text', { x: left - 6, y: y(part * ceiling) + 4, 'text-anchor': 'end' }, money.format(part * ceiling)));
  });
  [0, 25, 50, 75, 100].forEach(percentile =>
    chart.append(svgElement('text', { x: x(percentile), y: top + plotHeight + 14, 'text-anchor': 'middle' }, String(percentile))));
  chart.append(svgElement('line', { x1: left, y1: top + plotHeight, x2: width - right, y2: top + plotHeight, stroke: '#1a1a1a' }));
  chart.append(svgElement('polyline', { points: model.clv_percentiles.map((clv, p) => x(p) + ',' + y(clv)).join(' '), fill: 'none',
    stroke: '#1a1a1a', 'stroke-width': 2 }));
  chart.append(svgElement('text', { x: left + plotWidth / 2, y: height - 4, 'text-anchor': 'middle' },
    'percentile of the fitted customers (' + model.clv_column + ', axis to the 99th)'));
  return element('figure', { class: 'chart' }, chart);
}

function valueModelTable(model) {
  const card = model.card || {};
  const population = card.population || {};
  const holdout = card.holdout && card.holdout.model ? card.holdout.model : null;
  const rows = [['version', 'Version', model.version], ['created_at', 'Fitted', utc(model.created_at) + ', ' + age(model.created_at)],
    ['family', 'Models', card.family || '–'], ['horizon_days', 'Horizon', integer.format(model.horizon_days) + ' days (' + model.clv_column + ')'],
    ['customers', 'Customers fitted', Number.isFinite(figure(population.customers)) ? integer.format(population.customers) : '–'],
    ['repeat_buyers', 'Repeat buyers', Number.isFinite(figure(population.repeat_buyers)) ? integer.format(population.repeat_buyers) : '–'],
    ['mean_clv', 'Mean CLV', Number.isFinite(figure(population.mean_clv)) ? money.format(population.mean_clv) : '–']];
  if (holdout) {
    rows.push(['auc_any_purchase', 'Holdout AUC, any purchase', fixed(holdout.auc_any_purchase, 3)]);
  }
  const table = element('table', { class: 'value-model' });
  table.append(element('caption', {}, 'The value model'));
  table.append(element('tbody', {}, ...rows.map(([field, label, text]) =>
    element('tr', {}, element('th', { scope: 'row' }, label), element('td', { 'data-field': field }, text)))));
  return table;
}

function valueBandsTable(bands) {
  const table = element('table', { class: 'value-bands' });
  table.append(element('caption', {}, 'Value bands in snapshot ' + bands.snapshot));
  table.append(headerRow(['Band', 'Reference percentiles', 'CLV from', 'Customers', 'Share']));
  const total = Object.values(bands.customers).reduce((sum, count) => sum + count, 0);
  const cuts = bands.value_band_cutoffs;
  const limits = { low: [0, cuts.medium_percentile, null], medium: [cuts.medium_percentile, cuts.high_percentile, bands.clv_thresholds.medium],
    high: [cuts.high_percentile, 100, bands.clv_thresholds.high] };
  const body = element('tbody');
  for (const band of ['high', 'medium', 'low']) {
    const [from, to, clv] = limits[band];
    const count = bands.customers[band] || 0;
    body.append(element('tr', { 'data-band': band }, element('th', { scope: 'row' }, swatch(VALUE_BAND_COLOURS[band]), band),
      element('td', {}, from + '–' + to),
      element('td', { 'data-field': 'clv_from' }, clv === null ? '0.00' : money.format(clv)),
      element('td', { 'data-field': 'customers' }, integer.format(count)),
      element('td', {}, percent(count, total))));
  }
  table.append(body);
  return table;
}

function drawValue(found, bands) {
  const caption = document.getElementById('value-caption');
  const holder = document.getElementById('value-content');
  const banded = bands && bands.value_band_cutoffs;
  const model = found && !found.unreadable ? found : null;
  if (found && found.unreadable) {
    caption.textContent = 'The current value model cannot be read (' + found.unreadable + ').';
    holder.replaceChildren(banded ? scroll(valueBandsTable(bands)) : '');
    return;
  }
  if (!model && !banded) {
    caption.textContent = 'No value model yet; fit one with: propensity value fit --transactions FILE ... --calibration-end DATE';
    holder.replaceChildren();
    return;
  }
  caption.textContent = (banded
    ? 'Snapshot ' + bands.snapshot + ' banded ' + bands.clv_column + ' with value model ' + bands.value_model + ': a band starts at a '
      + 'percentile of the CLVs of the customers that model was fitted on.'
      + (bands.customers_without_clv > 0 ? ' ' + integer.format(bands.customers_without_clv) + ' customers had no CLV and no band.' : '')
    : 'Snapshot ' + (bands ? bands.snapshot : '') + ' has no value bands: ' + (bands ? bands.unbanded_reason : 'no snapshot') + '.');
  const tables = element('div', { class: 'value-tables' });
  if (model) {
    tables.append(scroll(valueModelTable(model)));
  }
  if (banded) {
    tables.append(scroll(valueBandsTable(bands)));
  }
  holder.replaceChildren(element('div', { class: 'side-by-side' }, model ? valueReferenceChart(model, bands) : '', tables));
}

// A model that cannot be read becomes a note in its section rather than a page that fails; a refused key still
// goes back to load(), which asks for one.
function unreadable(error) {
  if (error instanceof Unauthorized) {
    throw error;
  }
  return { unreadable: error.message };
}

// Entry point, called by dashboard.js's load() after the snapshot sections with the snapshot list it already fetched
// (newest first); an Unauthorized error propagates there.
async function loadHealthSections(snapshots) {
  const listing = await api('/v1/models');
  const [cards, ledger, personas, valueModel] = await Promise.all([
    Promise.all(listing.models.map(model => api('/v1/models/' + encodeURIComponent(model.task)))),
    api('/v1/backtests'),
    listing.personas ? api('/v1/personas') : null,
    listing.value ? api('/v1/value').catch(unreadable) : null]);
  const latest = snapshots.length ? snapshots[0].id : null;
  const bands = latest ? await api('/v1/snapshots/' + encodeURIComponent(latest) + '/value') : null;
  drawModelHealth(listing.models, cards, ledger.backtests);
  drawPersonas(personas);
  drawValue(valueModel, bands);
}
