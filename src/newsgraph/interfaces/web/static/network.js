// The Network page: actors and their edges from /api/graph (Cytoscape.js, served from this
// machine), coloured by cooperation, conflict or claim; clicking shows an edge's details.
(function () {
  "use strict";
  var COLOUR = {cooperation: "#2e8b57", conflict: "#c0392b"};

  function query(form) {
    var params = new URLSearchParams();
    ["since", "until", "type", "claimant", "kind"].forEach(function (name) {
      var value = form.elements[name].value.trim();
      if (value) { params.set(name, value); }
    });
    params.set("limit", "1500");
    return params;
  }

  function elements(graph) {
    var out = graph.nodes.map(function (n) {
      return {data: {id: n.id, label: n.label, degree: n.degree, type: n.type || ""}};
    });
    graph.edges.forEach(function (e, i) {
      out.push({data: {id: "e" + i, source: e.source, target: e.target, label: e.label, kind: e.kind,
                       count: e.count, colour: e.kind === "relation" ? "#7b61a8" : (COLOUR[e.polarity] || "#8a8f96"),
                       detail: e}});
    });
    return out;
  }

  function detail(panel, e) {
    panel.hidden = false;
    panel.innerHTML = "";
    var h = document.createElement("h2");
    h.textContent = e.source + " " + e.label + " " + e.target + " (" + e.count + ")";
    panel.appendChild(h);
    var p = document.createElement("p");
    p.textContent = (e.first_day || "") + (e.last_day && e.last_day !== e.first_day ? " to " + e.last_day : "") +
      (e.attributed_to.length ? " · claimed by " + e.attributed_to.join(", ") : "");
    panel.appendChild(p);
    var list = document.createElement("ul");
    e.doc_ids.forEach(function (id) {
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = "/article/" + encodeURIComponent(id);
      a.textContent = id;
      li.appendChild(a);
      list.appendChild(li);
    });
    panel.appendChild(list);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("network-filters");
    var status = document.getElementById("network-status");
    var panel = document.getElementById("network-detail");
    if (typeof window.cytoscape === "undefined") {
      status.textContent = "The graph library is not installed: run `make install-web`.";
      return;
    }
    fetch("/api/graph?" + query(form).toString()).then(function (response) {
      return response.json().then(function (graph) {
        if (!response.ok) { status.textContent = "Error " + response.status + ": " + graph.error; return; }
        status.textContent = graph.nodes.length + " actors, " + graph.edges.length + " edges" +
          (graph.total_edges > graph.edges.length ? " (strongest of " + graph.total_edges + ")" : "");
        var cy = window.cytoscape({
          container: document.getElementById("network"),
          elements: elements(graph),
          style: [
            {selector: "node", style: {"label": "data(label)", "font-size": 10, "background-color": "#4a6fa5",
                                       "width": "mapData(degree, 1, 20, 12, 40)", "height": "mapData(degree, 1, 20, 12, 40)"}},
            {selector: "edge", style: {"line-color": "data(colour)", "target-arrow-color": "data(colour)",
                                       "target-arrow-shape": "triangle", "curve-style": "bezier",
                                       "width": "mapData(count, 1, 10, 1, 6)"}},
            {selector: "edge[kind = 'relation']", style: {"line-style": "dashed"}},
            {selector: ":selected", style: {"overlay-opacity": 0.2}}
          ],
          layout: {name: "cose", animate: false, randomize: false}
        });
        cy.on("tap", "edge", function (event) { detail(panel, event.target.data("detail")); });
        cy.on("tap", "node", function (event) {
          window.location.href = "/actor/" + encodeURIComponent(event.target.id());
        });
        window.newsgraphNetwork = cy;
      });
    }).catch(function (error) { status.textContent = "Error: " + error; });
  });
})();
