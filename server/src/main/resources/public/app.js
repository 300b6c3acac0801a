// Sijill page scripts: the Leaflet map and the ECharts chart. Everything is served by the app
// itself (webjars and /static); there are no map tiles, because tiles need the network: the map
// is drawn over a bundled outline of Syria and its neighbours (Natural Earth via world-atlas).
(function () {
  'use strict';

  function drawMap(el) {
    var markers = JSON.parse(el.dataset.markers || '[]');
    L.Icon.Default.imagePath = document.body.dataset.leaflet + '/images/';
    var map = L.map(el, { zoomSnap: 0.25, attributionControl: true });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution('Outline: Natural Earth');
    map.setView([35.0, 38.5], 6);
    var layer = L.featureGroup();
    markers.forEach(function (m) {
      var marker = L.marker([m.lat, m.lng], { title: m.label, alt: m.label });
      var link = document.createElement('a');
      link.href = m.href;
      link.textContent = m.label;
      link.dir = 'auto';
      marker.bindPopup(link);
      layer.addLayer(marker);
      if (m.radiusM) {
        layer.addLayer(L.circle([m.lat, m.lng], {
          radius: m.radiusM, interactive: false, color: '#8a3b2e', weight: 1, fillOpacity: 0.08
        }));
      }
    });
    fetch(el.dataset.outline)
      .then(function (r) { return r.json(); })
      .then(function (geo) {
        var outline = L.geoJSON(geo, {
          interactive: false,
          style: function (f) {
            return f.properties.focus
              ? { color: '#6b5a45', weight: 1.5, fillColor: '#f6f1e7', fillOpacity: 1 }
              : { color: '#a9a9a9', weight: 0.8, fillColor: '#e4e4e0', fillOpacity: 1 };
          }
        }).addTo(map);
        outline.bringToBack();
        if (markers.length === 0) {
          map.fitBounds(outline.getLayers().filter(function (l) {
            return l.feature.properties.focus;
          })[0].getBounds());
        }
      })
      .catch(function () { el.classList.add('no-outline'); });
    layer.addTo(map);
    if (markers.length === 1) {
      map.setView([markers[0].lat, markers[0].lng], 8);
    } else if (markers.length > 1) {
      map.fitBounds(layer.getBounds().pad(0.4), { maxZoom: 10 });
    }
  }

  function drawChart(el) {
    var data = JSON.parse(el.dataset.series || '{"days":[],"counts":[]}');
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      grid: { left: 44, right: 16, top: 32, bottom: 56 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: data.days, axisLabel: { rotate: 45 } },
      yAxis: { type: 'value', minInterval: 1, name: 'records' },
      series: [{ type: 'bar', name: 'records', data: data.counts, itemStyle: { color: '#8a3b2e' } }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  // The review desk decides with one key: s (same person), d (different), u (unsure). A key typed
  // into a field is text, not a decision; a decision already on its way is not sent twice.
  function reviewKeys(e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) { return; }
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
    var pair = document.getElementById('review-pair');
    if (!pair || pair.classList.contains('htmx-request')) { return; }
    var button = pair.querySelector('button[data-key="' + e.key.toLowerCase() + '"]');
    if (button) {
      e.preventDefault();
      // htmx binds a swapped-in pair's form only when the swap settles (some milliseconds later):
      // a key typed in between would click a form htmx does not know yet. Bind it now (htmx does
      // not bind an element twice).
      if (window.htmx) { window.htmx.process(pair); }
      pair.classList.add('htmx-request');
      button.click();
    }
  }
  document.addEventListener('keydown', reviewKeys);
  // A decision the server refused or never answered leaves the pair in place: keys work again.
  document.addEventListener('htmx:afterRequest', function (e) {
    var pair = document.getElementById('review-pair');
    if (pair && !e.detail.successful) { pair.classList.remove('htmx-request'); }
  });

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.map[data-markers]').forEach(drawMap);
    document.querySelectorAll('.chart[data-series]').forEach(drawChart);
  });
  // The keyframe strip under a video: a click on a keyframe plays the video from its time.
  document.addEventListener('click', function (ev) {
    var button = ev.target.closest ? ev.target.closest('button.seek[data-seek]') : null;
    var video = document.getElementById('original-video');
    if (!button || !video) {
      return;
    }
    var t = parseFloat(button.dataset.seek);
    if (!isNaN(t)) {
      video.currentTime = t;
      video.dataset.seekedTo = String(t);
    }
  });
})();
