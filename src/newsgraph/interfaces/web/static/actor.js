// The Actor page's chart: its events per month, stacked by PLOVER type (Chart.js, served from
// this machine). Without the library the page says how to install it.
(function () {
  "use strict";
  var COLOURS = ["#0b5cad", "#c0392b", "#2e8b57", "#c77d2b", "#7b61a8", "#1a9c9c", "#b3457e", "#6b7d2a",
                 "#8a5a44", "#4a6fa5", "#d4a017", "#5d5d5d"];

  document.addEventListener("DOMContentLoaded", function () {
    var data = JSON.parse(document.getElementById("timeline-data").textContent);
    var note = document.getElementById("chart-note");
    if (typeof window.Chart === "undefined") {
      note.hidden = false;
      note.textContent = "The chart library is not installed: run `make install-web`.";
      return;
    }
    if (!data.labels.length) { note.hidden = false; note.textContent = "No dated events."; }
    data.datasets.forEach(function (set, i) { set.backgroundColor = COLOURS[i % COLOURS.length]; });
    window.newsgraphChart = new window.Chart(document.getElementById("timeline-chart"), {
      type: "bar",
      data: data,
      options: {responsive: true, maintainAspectRatio: false, animation: false,
                scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true, ticks: {precision: 0}}}}
    });
  });
})();
