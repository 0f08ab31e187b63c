// The Article view: clicking a record highlights its evidence in the text and scrolls to it;
// clicking highlighted text selects the records it belongs to. "#at-START-END" in the address
// highlights a span given by character offsets (links from the actor and commitment pages).
(function () {
  "use strict";

  function clearMarks(root) {
    root.querySelectorAll(".seg.highlight").forEach(function (el) { el.classList.remove("highlight"); });
    root.querySelectorAll(".record.selected").forEach(function (el) { el.classList.remove("selected"); });
  }

  function highlightRef(root, ref) {
    clearMarks(root);
    var found = root.querySelectorAll('.seg[data-refs~="' + CSS.escape(ref) + '"]');
    found.forEach(function (el) { el.classList.add("highlight"); });
    root.querySelectorAll('.record[data-ref="' + CSS.escape(ref) + '"]').forEach(function (el) {
      el.classList.add("selected");
    });
    if (found.length) { found[0].scrollIntoView({block: "center", behavior: "smooth"}); }
    return found.length;
  }

  function highlightOffsets(root, start, end) {
    clearMarks(root);
    var text = root.querySelector("#article-text");
    if (!text) { return 0; }
    var offset = 0, first = null;
    Array.prototype.forEach.call(text.children, function (el) {
      var length = el.textContent.length;
      if (offset < end && offset + length > start) {
        el.classList.add("seg", "highlight");
        first = first || el;
      }
      offset += length;
    });
    if (first) { first.scrollIntoView({block: "center"}); }
    return first ? 1 : 0;
  }

  function bind(root) {
    root.addEventListener("click", function (event) {
      var record = event.target.closest(".record[data-ref]");
      if (record && !event.target.closest("a")) { highlightRef(root, record.dataset.ref); return; }
      var seg = event.target.closest(".seg[data-refs]");
      if (seg) {
        root.querySelectorAll(".record.selected").forEach(function (el) { el.classList.remove("selected"); });
        seg.dataset.refs.split(" ").forEach(function (ref) {
          root.querySelectorAll('.record[data-ref="' + CSS.escape(ref) + '"]').forEach(function (el) {
            el.classList.add("selected");
          });
        });
      }
    });
    root.addEventListener("keydown", function (event) {
      var record = event.target.closest(".record[data-ref]");
      if (record && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); highlightRef(root, record.dataset.ref); }
    });
  }

  function fromAddress() {
    var match = /^#at-(\d+)-(\d+)$/.exec(window.location.hash);
    if (match) { highlightOffsets(document, Number(match[1]), Number(match[2])); return; }
    if (window.location.hash.length > 1 && window.location.hash.indexOf("#token=") !== 0) {
      highlightRef(document, decodeURIComponent(window.location.hash.slice(1)));
    }
  }

  window.newsgraphArticle = {bind: bind, highlightRef: highlightRef, highlightOffsets: highlightOffsets};
  document.addEventListener("DOMContentLoaded", function () {
    bind(document);
    if (document.getElementById("article-text")) { fromAddress(); }
    window.addEventListener("hashchange", fromAddress);
  });
})();
