/// Zoom and pan for the land map (progressive enhancement; the page works without it): the wheel
/// and the +/− buttons zoom, dragging pans, and each new viewport's parcels (or clusters) are
/// fetched from the map's `data-source` as GeoJSON and drawn with DOM calls (no inline script,
/// no inline style: the security policy allows neither). The scale bar follows the zoom.
enum LandMapScript {
    static let js = #"""
    (function () {
      "use strict";
      var box = document.querySelector(".landmap");
      if (!box) return;
      var svg = document.getElementById("landmap");
      var layer = document.getElementById("parcels");
      var labels = document.getElementById("map-labels");
      var bar = document.getElementById("scale-bar");
      var barLabel = document.getElementById("scale-label");
      var NS = "http://www.w3.org/2000/svg";
      var origin = box.getAttribute("data-origin").split(",").map(Number);
      var source = box.getAttribute("data-source");
      var parcelPath = box.getAttribute("data-parcel");
      var MLAT = 110574, MLON = 111320 * Math.cos(origin[1] * Math.PI / 180);
      function px(lon) { return (lon - origin[0]) * MLON; }
      function py(lat) { return (origin[1] - lat) * MLAT; }
      function lon(x) { return origin[0] + x / MLON; }
      function lat(y) { return origin[1] - y / MLAT; }
      var vb = svg.getAttribute("viewBox").split(" ").map(Number);
      var initial = vb.slice();
      var timer = null, sequence = 0;

      function bbox() {
        return [lon(vb[0]), lat(vb[1] + vb[3]), lon(vb[0] + vb[2]), lat(vb[1])].map(function (v) { return v.toFixed(6); }).join(",");
      }
      function metresPerPixel() { return vb[2] / Math.max(1, svg.getBoundingClientRect().width); }
      function scale() {
        var mpp = metresPerPixel(), steps = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000], m = steps[0];
        for (var i = 0; i < steps.length; i++) if (steps[i] / mpp <= 100) m = steps[i];
        bar.setAttribute("width", String(Math.round(m / mpp)));
        barLabel.textContent = m >= 1000 ? (m / 1000) + "\u00a0km" : m + "\u00a0m";
        labels.setAttribute("font-size", String(Math.max(12, Math.round(vb[2] / 66))));
      }
      function apply() {
        svg.setAttribute("viewBox", vb.map(function (v) { return Math.round(v); }).join(" "));
        scale();
        clearTimeout(timer);
        timer = setTimeout(load, 250);
      }
      function zoom(factor, cx, cy) {
        var w = vb[2] * factor, h = vb[3] * factor;
        if (w < 150 || w > initial[2] * 3) return;
        vb = [cx - (cx - vb[0]) * factor, cy - (cy - vb[1]) * factor, w, h];
        apply();
      }
      function el(name, attrs) {
        var e = document.createElementNS(NS, name);
        for (var k in attrs) e.setAttribute(k, attrs[k]);
        return e;
      }
      function draw(doc) {
        while (layer.firstChild) layer.removeChild(layer.firstChild);
        // as the server renders it: no sub-area names under clusters
        labels.setAttribute("display", doc.mode === "clusters" ? "none" : "inline");
        var r = metresPerPixel() * 14;
        doc.features.forEach(function (f) {
          var p = f.properties;
          if (doc.mode === "parcels") {
            var a = el("a", { href: parcelPath.replace(":id", p.id) });
            var pts = f.geometry.coordinates[0].map(function (c) { return Math.round(px(c[0])) + "," + Math.round(py(c[1])); }).join(" ");
            var poly = el("polygon", { points: pts, fill: p.colour, "vector-effect": "non-scaling-stroke" });
            var t = el("title", {}); t.textContent = p.title; poly.appendChild(t);
            a.appendChild(poly); layer.appendChild(a);
          } else {
            var x = px(f.geometry.coordinates[0]), y = py(f.geometry.coordinates[1]);
            // as LandMap.clusterMarker: never wider than a grid cell (12 × 9 over the view), the count inside
            var rr = Math.min(r * Math.min(2.2, 0.8 + Math.log10(Math.max(1, Number(p.count))) / 2), Math.min(vb[2] / 12, vb[3] / 9) * 0.42);
            var fs = Math.min(rr * 0.9, rr * 1.7 / (String(p.label).length * 0.56));
            var g = el("a", { "class": "cluster", href: "#" });
            g.appendChild(el("circle", { cx: Math.round(x), cy: Math.round(y), r: Math.round(rr), fill: p.colour, "vector-effect": "non-scaling-stroke" }));
            var tx = el("text", { x: Math.round(x), y: Math.round(y + fs * 0.35), "text-anchor": "middle", "font-size": Math.round(fs), fill: p.ink });
            tx.textContent = p.label; g.appendChild(tx);
            var tt = el("title", {}); tt.textContent = p.title; g.appendChild(tt);
            g.addEventListener("click", function (ev) { ev.preventDefault(); zoomTo(p.bbox); });
            layer.appendChild(g);
          }
        });
      }
      function zoomTo(text) {
        var b = text.split(",").map(Number);
        vb = [px(b[0]), py(b[3]), px(b[2]) - px(b[0]), py(b[1]) - py(b[3])];
        apply();
      }
      function load() {
        var mine = ++sequence;
        fetch(source + "&bbox=" + encodeURIComponent(bbox()), { credentials: "same-origin", headers: { "Accept": "application/geo+json" } })
          .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
          .then(function (doc) { if (mine === sequence) draw(doc); })
          .catch(function () {});
      }
      function point(ev) {
        var rect = svg.getBoundingClientRect(), s = vb[2] / rect.width;
        var sy = vb[3] / rect.height, k = Math.max(s, sy);
        var ox = (rect.width * k - vb[2]) / 2, oy = (rect.height * k - vb[3]) / 2;
        return [vb[0] - ox + (ev.clientX - rect.left) * k, vb[1] - oy + (ev.clientY - rect.top) * k];
      }
      svg.addEventListener("wheel", function (ev) {
        ev.preventDefault();
        var p = point(ev);
        zoom(ev.deltaY < 0 ? 0.8 : 1.25, p[0], p[1]);
      }, { passive: false });
      var drag = null;
      svg.addEventListener("pointerdown", function (ev) {
        if (ev.target.closest && ev.target.closest("a")) return;
        drag = { x: ev.clientX, y: ev.clientY, vb: vb.slice() };
        svg.setPointerCapture(ev.pointerId);
      });
      svg.addEventListener("pointermove", function (ev) {
        if (!drag) return;
        var k = vb[2] / svg.getBoundingClientRect().width;
        vb = [drag.vb[0] - (ev.clientX - drag.x) * k, drag.vb[1] - (ev.clientY - drag.y) * k, vb[2], vb[3]];
        svg.setAttribute("viewBox", vb.map(function (v) { return Math.round(v); }).join(" "));
      });
      svg.addEventListener("pointerup", function () { if (drag) { drag = null; apply(); } });
      box.querySelectorAll("[data-zoom]").forEach(function (b) {
        b.addEventListener("click", function (ev) {
          ev.preventDefault();
          var what = b.getAttribute("data-zoom");
          if (what === "reset") { vb = initial.slice(); apply(); return; }
          zoom(what === "in" ? 0.5 : 2, vb[0] + vb[2] / 2, vb[1] + vb[3] / 2);
        });
      });
      box.querySelectorAll("a.cluster").forEach(function (a) {
        a.addEventListener("click", function (ev) { ev.preventDefault(); zoomTo(a.getAttribute("data-bbox")); });
      });
      scale();
    })();
    """#
}
