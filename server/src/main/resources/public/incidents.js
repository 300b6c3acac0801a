// The incident desk's scripts: a map to pick a place on (the incident form), the incidents map
// with clusters and place labels, and the incidents timeline. No tiles and no network: the map is
// drawn over the bundled outline, as on the other pages.
(function () {
  'use strict';

  function baseMap(el) {
    L.Icon.Default.imagePath = document.body.dataset.leaflet + '/images/';
    var map = L.map(el, { zoomSnap: 0.25 });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution('Outline: Natural Earth');
    map.setView([35.0, 38.5], 6);
    fetch(el.dataset.outline)
      .then(function (r) { return r.json(); })
      .then(function (geo) {
        L.geoJSON(geo, {
          interactive: false,
          style: function (f) {
            return f.properties.focus
              ? { color: '#6b5a45', weight: 1.5, fillColor: '#f6f1e7', fillOpacity: 1 }
              : { color: '#a9a9a9', weight: 0.8, fillColor: '#e4e4e0', fillOpacity: 1 };
          }
        }).addTo(map).bringToBack();
      })
      .catch(function () { el.classList.add('no-outline'); });
    return map;
  }

  // The form's map: a click puts the point into the latitude and longitude fields.
  function pickMap(el) {
    var map = baseMap(el);
    var lat = document.getElementById('f-latitude');
    var lng = document.getElementById('f-longitude');
    var marker = null;
    function put(latlng) {
      if (marker) { marker.setLatLng(latlng); } else { marker = L.marker(latlng).addTo(map); }
    }
    var picked = JSON.parse(el.dataset.picked || '[]');
    if (picked.length) {
      put([picked[0].lat, picked[0].lng]);
      map.setView([picked[0].lat, picked[0].lng], 9);
    }
    map.on('click', function (e) {
      lat.value = e.latlng.lat.toFixed(5);
      lng.value = e.latlng.lng.toFixed(5);
      put(e.latlng);
    });
  }

  // Markers closer than RADIUS pixels at the current zoom are drawn as one circle with their
  // count and the place they share (or the first place and "+n"); zooming in splits them.
  var RADIUS = 40;

  function clusterMap(el) {
    var points = JSON.parse(el.dataset.clusters || '[]');
    var map = baseMap(el);
    var layer = L.layerGroup().addTo(map);
    function draw() {
      layer.clearLayers();
      var groups = [];
      points.forEach(function (p) {
        var px = map.latLngToLayerPoint([p.lat, p.lng]);
        var g = null;
        for (var i = 0; i < groups.length && !g; i++) {
          if (groups[i].px.distanceTo(px) < RADIUS) { g = groups[i]; }
        }
        if (!g) { g = { px: px, items: [] }; groups.push(g); }
        g.items.push(p);
      });
      groups.forEach(function (g) {
        var first = g.items[0];
        var places = {};
        g.items.forEach(function (p) { places[p.place] = true; });
        var names = Object.keys(places);
        var label = names[0] + (names.length > 1 ? ' +' + (names.length - 1) : '');
        var icon = L.divIcon({
          className: 'cluster',
          html: '<span class="count"></span><span class="place"></span>',
          iconSize: null
        });
        var m = L.marker([first.lat, first.lng], { icon: icon, title: label, keyboard: true });
        m.on('add', function () {
          var node = m.getElement();
          node.querySelector('.count').textContent = String(g.items.length);
          node.querySelector('.place').textContent = label;
          node.dir = 'auto';
        });
        var list = document.createElement('ul');
        g.items.forEach(function (p) {
          var li = document.createElement('li');
          var a = document.createElement('a');
          a.href = p.href;
          a.textContent = p.label;
          a.dir = 'auto';
          li.appendChild(a);
          list.appendChild(li);
        });
        m.bindPopup(list);
        layer.addLayer(m);
      });
    }
    map.on('zoomend', draw);
    if (points.length) {
      map.fitBounds(L.latLngBounds(points.map(function (p) { return [p.lat, p.lng]; })).pad(0.4),
        { maxZoom: 10 });
    }
    draw();
  }

  function timeline(el) {
    var items = JSON.parse(el.dataset.timeline || '[]');
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 16, top: 24, bottom: 48 },
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          var d = document.createElement('div');
          d.textContent = p.data.label + ' — ' + p.data.value[0] + ' — killed: ' +
            (p.data.value[1] == null ? 'not recorded' : p.data.value[1]);
          return d.innerHTML;
        }
      },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', name: 'killed', minInterval: 1 },
      series: [{
        type: 'scatter',
        symbolSize: 12,
        itemStyle: { color: '#8a3b2e' },
        data: items.map(function (t) {
          return { value: [t.date, t.killed == null ? 0 : t.killed], label: t.label, href: t.href };
        })
      }]
    });
    chart.on('click', function (p) { if (p.data && p.data.href) { window.location = p.data.href; } });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var pick = document.getElementById('pick-map');
    if (pick) { pickMap(pick); }
    document.querySelectorAll('.cluster-map[data-clusters]').forEach(clusterMap);
    document.querySelectorAll('.timeline[data-timeline]').forEach(timeline);
  });
})();
