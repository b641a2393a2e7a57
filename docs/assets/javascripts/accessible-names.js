// Names for two controls Material builds without one (found by axe-core, see
// tests/browser/test_accessibility.py): the search dialog, named after its
// search box, and each code annotation marker ("Annotation 1", "注释 1"), which
// Material renders as a link with no text.  And one landmark too many: Material
// wraps each code block's buttons in a <nav>, so a page of 30 code blocks
// listed 30 unnamed navigation landmarks to a screen reader (axe-core's
// landmark-unique); role=none keeps the buttons and drops the landmark.
(function () {
  var annotation = document.documentElement.lang === "zh" ? "注释 " : "Annotation ";

  var dialog = document.querySelector(".md-search[role=dialog]");
  var query = document.querySelector(".md-search__input[aria-label]");
  if (dialog && query && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", query.getAttribute("aria-label"));
  }

  function nameMarkers(root) {
    root.querySelectorAll("nav.md-code__nav:not([role])").forEach(function (nav) {
      nav.setAttribute("role", "none");
    });
    root.querySelectorAll(".md-annotation__index:not([aria-label])").forEach(function (marker) {
      var id = marker.querySelector("[data-md-annotation-id]");
      if (id) {
        marker.setAttribute("aria-label", annotation + id.getAttribute("data-md-annotation-id"));
      }
    });
  }

  // Material renders a code block's markers when the block nears the viewport
  // (feature content.lazy in mkdocs.yml), long after the page has loaded: every
  // change of the content is looked at.  This subscription to document$ runs
  // after Material's own, which renders the blocks already on screen.
  var watching = null;
  document$.subscribe(function () {
    var content = document.querySelector(".md-content");
    if (watching) {
      watching.disconnect();
    }
    if (content) {
      nameMarkers(content);
      watching = new MutationObserver(function () {
        nameMarkers(content);
      });
      watching.observe(content, { childList: true, subtree: true });
    }
  });
})();
