// The counting desk's charts (ECharts, served offline from /webjars). Each chart reads its data from
// a data attribute the server wrote; a chart inside content htmx swaps in is drawn when it arrives.
(function () {
  'use strict';

  var COLOURS = ['#8a3b2e', '#2e5e8a', '#4f7a28', '#7a5a28', '#5a2e8a'];

  // A vertical interval [x, low, high] drawn as a line with caps.
  function intervalItem(params, api) {
    var low = api.value(1);
    var high = api.value(2);
    if (low === null || high === null || isNaN(low) || isNaN(high)) { return null; }
    var offset = api.value(3) || 0;
    var a = api.coord([api.value(0), low]);
    var b = api.coord([api.value(0), high]);
    a[0] += offset; b[0] += offset;
    var cap = 5;
    var style = { stroke: api.visual('color'), lineWidth: 2 };
    return {
      type: 'group',
      children: [
        { type: 'line', shape: { x1: a[0], y1: a[1], x2: b[0], y2: b[1] }, style: style },
        { type: 'line', shape: { x1: a[0] - cap, y1: a[1], x2: a[0] + cap, y2: a[1] }, style: style },
        { type: 'line', shape: { x1: b[0] - cap, y1: b[1], x2: b[0] + cap, y2: b[1] }, style: style }
      ]
    };
  }

  function drawEstimates(el) {
    var d = JSON.parse(el.dataset.estimates);
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    var series = [{
      type: 'bar', name: 'documented', data: d.documented, barWidth: '40%',
      itemStyle: { color: '#c9c2b8' }
    }];
    var n = d.methods.length;
    d.methods.forEach(function (m, i) {
      var offset = (i - (n - 1) / 2) * 14;
      var colour = COLOURS[(i + 1) % COLOURS.length];
      series.push({
        type: 'scatter', name: m.method, symbolSize: 10, symbolOffset: [offset, 0],
        itemStyle: { color: colour },
        data: m.points.map(function (p) { return { value: [p[0], p[1]], model: p[4], low: p[2], high: p[3] }; }),
        tooltip: {
          formatter: function (x) {
            return m.method + ' ' + x.data.model + ': ' + x.data.value[1].toLocaleString()
              + ' (95% ' + (x.data.low === null ? '?' : x.data.low.toLocaleString()) + ' to '
              + (x.data.high === null ? '?' : x.data.high.toLocaleString()) + ')';
          }
        }
      });
      series.push({
        type: 'custom', name: m.method, renderItem: intervalItem, itemStyle: { color: colour },
        encode: { x: 0, y: [1, 2] }, silent: true,
        data: m.points.map(function (p) { return [p[0], p[2], p[3], offset]; })
      });
    });
    chart.setOption({
      animation: false,
      legend: { top: 0 },
      tooltip: { trigger: 'item' },
      grid: { left: 64, right: 16, top: 40, bottom: 64 },
      xAxis: { type: 'category', data: d.categories, axisLabel: { rotate: d.categories.length > 4 ? 30 : 0 } },
      yAxis: { type: 'value', name: 'persons', min: 0 },
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  // Each claim's figure (a range as two points) against the documented count (bar) and the
  // estimate's interval; a marked claim is drawn in red.
  function drawClaims(el) {
    var d = JSON.parse(el.dataset.claims).claims;
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    var labels = d.map(function (c) { return c.label; });
    chart.setOption({
      animation: false,
      legend: { top: 0 },
      tooltip: { trigger: 'item' },
      grid: { left: 64, right: 16, top: 40, bottom: 96 },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: 20, width: 160, overflow: 'truncate' } },
      yAxis: { type: 'value', name: 'persons', min: 0 },
      series: [
        { type: 'bar', name: 'documented by name', barWidth: '40%', itemStyle: { color: '#c9c2b8' },
          data: d.map(function (c) { return c.documented; }) },
        { type: 'custom', name: 'estimate (95% interval)', renderItem: intervalItem,
          itemStyle: { color: '#2e5e8a' }, encode: { x: 0, y: [1, 2] },
          data: d.map(function (c, i) { return [i, c.lower, c.upper, 0]; }) },
        { type: 'scatter', name: 'estimate', symbolSize: 8, itemStyle: { color: '#2e5e8a' },
          data: d.map(function (c, i) { return [i, c.total]; }) },
        { type: 'scatter', name: 'claimed', symbol: 'diamond', symbolSize: 14,
          data: d.map(function (c, i) {
            return { value: [i, c.figure], itemStyle: { color: c.marked ? '#b00020' : '#4f7a28' } };
          }).concat(d.filter(function (c) { return c.figureHigh !== null && c.figureHigh !== c.figure; })
            .map(function (c) {
              return { value: [d.indexOf(c), c.figureHigh], itemStyle: { color: c.marked ? '#b00020' : '#4f7a28' } };
            })) }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  // A pair's match weight: the prior, then each field's log2(m/u) as a step up (green) or down
  // (red) from where the one before left it; the last bar is the total.
  function drawWaterfall(el) {
    var d = JSON.parse(el.dataset.waterfall);
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    var names = d.bars.map(function (b) { return b.name; }).concat(['total']);
    var data = d.bars.map(function (b, i) { return [i, b.before, b.before + b.weight, b.weight]; });
    data.push([d.bars.length, 0, d.total, d.total]);
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 16, top: 16, bottom: 48 },
      tooltip: { trigger: 'item', formatter: function (x) {
        return names[x.data[0]] + ': ' + (x.data[3] >= 0 ? '+' : '') + x.data[3].toFixed(2);
      } },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value', name: 'log2 odds' },
      series: [{
        type: 'custom', encode: { x: 0, y: [1, 2] }, data: data,
        renderItem: function (params, api) {
          var a = api.coord([api.value(0), api.value(1)]);
          var b = api.coord([api.value(0), api.value(2)]);
          var w = api.size([1, 0])[0] * 0.6;
          var last = api.value(0) === names.length - 1;
          var up = api.value(3) >= 0;
          return { type: 'rect',
            shape: { x: a[0] - w / 2, y: Math.min(a[1], b[1]), width: w, height: Math.max(1, Math.abs(a[1] - b[1])) },
            style: { fill: last ? '#2e5e8a' : (up ? '#4f7a28' : '#b00020') } };
        }
      }]
    });
  }

  function bars(id, categories, series, yName) {
    var el = document.getElementById(id);
    if (!el) { return; }
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      grid: { left: 56, right: 16, top: 32, bottom: 64 },
      xAxis: { type: 'category', data: categories, axisLabel: { rotate: categories.length > 8 ? 30 : 0 } },
      yAxis: { type: 'value', name: yName, minInterval: 1 },
      series: series
    });
  }

  // The linkage diagnostics: match-weight histogram, records per person, list overlap.
  function drawDiagnostics(el) {
    var d = JSON.parse(el.dataset.diagnostics);
    bars('weights-chart', d.bins, [
      { type: 'bar', name: 'links joining a record to its person', stack: 'w', data: d.links, itemStyle: { color: '#2e5e8a' } },
      { type: 'bar', name: 'pairs sent to review', stack: 'w', data: d.review, itemStyle: { color: '#8a3b2e' } }
    ], 'count');
    bars('sizes-chart', d.sizes, [
      { type: 'bar', name: 'persons', data: d.persons, itemStyle: { color: '#4f7a28' } }
    ], 'persons');
    bars('overlap-chart', d.sets, [
      { type: 'bar', name: 'persons', data: d.setCounts, itemStyle: { color: '#7a5a28' } }
    ], 'persons');
  }

  var DRAW = { estimates: drawEstimates, claims: drawClaims, waterfall: drawWaterfall, diagnostics: drawDiagnostics };

  function drawAll(root) {
    Object.keys(DRAW).forEach(function (key) {
      root.querySelectorAll('[data-' + key + ']').forEach(function (el) {
        if (el.dataset.drawn) { return; }
        el.dataset.drawn = 'yes';
        DRAW[key](el);
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { drawAll(document); });
  } else {
    drawAll(document);
  }
  document.addEventListener('htmx:load', function (e) { drawAll(e.detail.elt); });
})();
