// Map tiles on top of the SVG map of Panama, once they load: without JavaScript,
// offline or with tiles blocked the page keeps the SVG, which also prints.
(function () {
  "use strict";
  var element = document.getElementById("map");
  var data = document.getElementById("map-places");
  if (!element || !data || typeof L === "undefined") return;
  var places = JSON.parse(data.textContent).filter(function (p) { return p.lat !== null && p.lng !== null; });
  // Laid out off screen so Leaflet can size itself and fetch tiles unseen.
  element.classList.add("map--loading");
  element.hidden = false;
  var map = L.map(element, { scrollWheelZoom: false }).setView([8.6, -80.1], 7);
  var tiles = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
    maxZoom: 18,
    attribution: element.dataset.tilesAttribution,
  }).addTo(map);
  tiles.once("tileload", function () {
    element.classList.remove("map--loading");
    element.parentElement.classList.add("map-stack--tiles");
    map.invalidateSize();
  });
  var bounds = [];
  places.forEach(function (place) {
    var isOffice = place.kind === "office";
    var marker = L.circleMarker([place.lat, place.lng], {
      radius: isOffice ? 9 : 6,
      color: isOffice ? "#00205f" : "#0033a0",
      fillColor: isOffice ? "#ffbf47" : "#5b92e5",
      fillOpacity: 0.9,
      weight: 2,
    }).addTo(map);
    var label = isOffice ? element.dataset.officeLabel : element.dataset.regionLabel;
    var popup = document.createElement("div");
    var title = document.createElement("strong");
    title.textContent = place.name;
    popup.appendChild(title);
    popup.appendChild(document.createElement("br"));
    popup.appendChild(document.createTextNode(label + (place.detail ? " · " + place.detail : "")));
    marker.bindPopup(popup);
    bounds.push([place.lat, place.lng]);
  });
  if (bounds.length) map.fitBounds(bounds, { padding: [30, 30] });
})();
