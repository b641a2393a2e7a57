// Names for two controls Material builds without one (found by axe-core, see
// tests/browser/test_accessibility.py): the search dialog, named after its
// search box, and each code annotation marker ("Annotation 1", "注释 1"), which
// Material renders as a link with no text.
(function () {
  var annotation = document.documentElement.lang === "zh" ? "注释 " : "Annotation ";

  var dialog = document.querySelector(".md-search[role=dialog]");
  var query = document.querySelector(".md-search__input[aria-label]");
  if (dialog && query && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", query.getAttribute("aria-label"));
  }

  // Material's own subscription to document$ comes first and renders the
  // markers; this one runs after it, on every page Material shows.
  document$.subscribe(function () {
    document.querySelectorAll(".md-annotation__index").forEach(function (marker) {
      var id = marker.querySelector("[data-md-annotation-id]");
      if (id && !marker.hasAttribute("aria-label")) {
        marker.setAttribute("aria-label", annotation + id.getAttribute("data-md-annotation-id"));
      }
    });
  });
})();
