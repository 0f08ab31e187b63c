// The Analyse page: post the text (or the chosen file's) to /analyse with the server's token
// and show the returned article view. The token may come in the address as "#token=...":
// it stays in this tab (sessionStorage) and is never sent anywhere but this server.
(function () {
  "use strict";
  var KEY = "newsgraph-token";

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("analyse-form");
    var status = document.getElementById("analyse-status");
    var result = document.getElementById("analyse-result");
    var match = /^#token=(.+)$/.exec(window.location.hash);
    if (match) {
      sessionStorage.setItem(KEY, decodeURIComponent(match[1]));
      history.replaceState(null, "", window.location.pathname);
    }
    form.elements.token.value = sessionStorage.getItem(KEY) || "";

    form.elements.file.addEventListener("change", function () {
      var file = form.elements.file.files[0];
      if (!file) { return; }
      file.text().then(function (text) {
        form.elements.text.value = text;
        if (!form.elements.title.value) { form.elements.title.value = file.name.replace(/\.[^.]+$/, ""); }
      });
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var token = form.elements.token.value.trim();
      if (token) { sessionStorage.setItem(KEY, token); }
      var body = {text: form.elements.text.value};
      if (form.elements.title.value.trim()) { body.title = form.elements.title.value.trim(); }
      if (form.elements.published.value) { body.published = form.elements.published.value; }
      var store = form.elements.store && form.elements.store.checked;
      status.textContent = "Analysing…";
      result.innerHTML = "";
      fetch("/analyse" + (store ? "?store=true" : ""), {
        method: "POST",
        headers: {"Content-Type": "application/json", "Authorization": "Bearer " + token},
        body: JSON.stringify(body)
      }).then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (type.indexOf("text/html") === 0 && response.ok) {
          return response.text().then(function (html) {
            result.innerHTML = html;  // rendered by the server's templates, escaped there
            status.textContent = "Done: " + result.querySelectorAll(".record").length + " records.";
          });
        }
        return response.json().then(function (error) {
          status.textContent = "Error " + response.status + ": " + (error.error || response.statusText);
        });
      }).catch(function (error) { status.textContent = "Error: " + error; });
    });
  });
})();
