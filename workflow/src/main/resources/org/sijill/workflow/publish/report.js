// Sijill report: draws the incident map (Leaflet over a bundled outline, no tiles), the incident
// timeline and the per-stratum chart (ECharts) from data/numbers.js. Works from file:// with no
// network; when a library is missing, the tables below each container still hold every number.
(function () {
  'use strict';
  var n = window.SIJILL_NUMBERS || {};
  var ar = document.documentElement.lang === 'ar';

  function map() {
    var el = document.getElementById('map');
    if (!el || !window.L) { return; }
    L.Icon.Default.imagePath = 'assets/leaflet/images/';
    var m = L.map(el, { zoomSnap: 0.25 });
    m.attributionControl.setPrefix(false);
    m.attributionControl.addAttribution('Outline: Natural Earth (assets/syria.txt)');
    m.setView([35.0, 38.5], 6);
    if (window.SIJILL_SYRIA) {
      L.geoJSON(window.SIJILL_SYRIA, {
        interactive: false,
        style: function (f) {
          return f.properties.focus
            ? { color: '#6b5a45', weight: 1.5, fillColor: '#f6f1e7', fillOpacity: 1 }
            : { color: '#a9a9a9', weight: 0.8, fillColor: '#e4e4e0', fillOpacity: 1 };
        }
      }).addTo(m);
    }
    var layer = L.featureGroup();
    (n.incidents || []).forEach(function (i) {
      if (i.lat == null || i.lon == null) { return; }
      var label = (ar ? (i.title_ar || i.title_en) : (i.title_en || i.title_ar)) || '';
      var r = 3 + Math.sqrt(i.killed_best || 1);
      var c = L.circleMarker([i.lat, i.lon], { radius: r, color: '#8a3b2e', weight: 1, fillOpacity: 0.5 });
      var p = document.createElement('span');
      p.dir = 'auto';
      p.textContent = label + ' (' + (i.start || '') + ')';
      c.bindPopup(p);
      layer.addLayer(c);
    });
    layer.addTo(m);
    if (layer.getLayers().length > 1) { m.fitBounds(layer.getBounds().pad(0.3), { maxZoom: 9 }); }
    el.dataset.markers = String(layer.getLayers().length);
  }

  function timeline() {
    var el = document.getElementById('timeline');
    if (!el || !window.echarts) { return; }
    var pts = (n.incidents || []).filter(function (i) { return i.start; }).map(function (i) {
      return { value: [i.start, i.killed_best || 0], name: ar ? (i.title_ar || i.title_en) : (i.title_en || i.title_ar) };
    });
    var c = echarts.init(el, null, { renderer: 'canvas' });
    c.setOption({
      animation: false,
      title: { text: ar ? 'التسلسل الزمني للحوادث' : 'Incidents over time', textStyle: { fontSize: 13 } },
      tooltip: { formatter: function (p) { return p.name + ': ' + p.value[1]; } },
      xAxis: { type: 'time', inverse: ar },
      yAxis: { type: 'value', name: ar ? 'قتلى' : 'killed', position: ar ? 'right' : 'left' },
      series: [{ type: 'scatter', data: pts, symbolSize: function (v) { return 6 + Math.sqrt(v[1]) * 2; }, itemStyle: { color: '#8a3b2e' } }]
    });
  }

  function strata() {
    var el = document.getElementById('strata-chart');
    if (!el || !window.echarts) { return; }
    var names = [], doc = [], est = [], err = [];
    (n.strata || []).forEach(function (s) {
      var rec = (s.estimates || []).filter(function (e) { return e.recommended; })[0];
      names.push(s.stratum === 'all' ? (ar ? 'الحالة كلها' : 'whole case') : s.stratum);
      doc.push(s.documented);
      est.push(rec ? Math.round(rec.total) : null);
      err.push(rec && rec.lower != null ? [Math.round(rec.lower), Math.round(rec.upper)] : null);
    });
    var c = echarts.init(el, null, { renderer: 'canvas' });
    c.setOption({
      animation: false,
      legend: {},
      tooltip: {
        trigger: 'axis',
        formatter: function (ps) {
          var i = ps[0].dataIndex;
          return names[i] + '<br>' + (ar ? 'موثق: ' : 'documented: ') + doc[i] + '<br>' +
            (ar ? 'تقدير: ' : 'estimate: ') + est[i] + (err[i] ? ' [' + err[i][0] + '–' + err[i][1] + ']' : '');
        }
      },
      xAxis: { type: 'category', data: names, inverse: ar, axisLabel: { interval: 0, rotate: names.length > 4 ? 30 : 0 } },
      yAxis: { type: 'value', position: ar ? 'right' : 'left' },
      series: [
        { name: ar ? 'موثق بالاسم' : 'documented by name', type: 'bar', data: doc, itemStyle: { color: '#6b5a45' } },
        { name: ar ? 'تقدير (موصى به)' : 'estimate (recommended)', type: 'bar', data: est, itemStyle: { color: '#8a3b2e' } }
      ]
    });
  }

  try { map(); } catch (e) { document.body.dataset.mapError = String(e); }
  try { timeline(); } catch (e) { document.body.dataset.chartError = String(e); }
  try { strata(); } catch (e) { document.body.dataset.chartError = String(e); }
  document.body.dataset.drawn = 'yes';
})();
