// Mermaid on demand, from this site.  overrides/main.html includes this script
// on the pages that show a diagram, before Material's bundle.
//
// Material draws each ```mermaid block with the global `mermaid`: it calls
// mermaid.initialize() once and mermaid.render() for each diagram, and where
// no global `mermaid` exists it fetches Mermaid from unpkg.com instead.  This
// object is that global.  It loads the real Mermaid only when a diagram is
// about to scroll into view, and then only what that diagram needs: beside this
// file is the ES-module build of mermaid 11.17.2 exactly as published on npm
// (dist/mermaid.esm.min.mjs and dist/chunks/mermaid.esm.min/, MIT licence),
// which keeps each kind of diagram in chunks of its own.  A flowchart page so
// loads about a third of the 3.5 MB that the single-file build weighs, after
// the page has been drawn, and a page whose diagram is never reached loads none.
//
// Most diagrams need no Mermaid at all: hooks/static_diagrams.py puts the
// drawing made when the site was built in the block, and this object hands it
// to Material as Mermaid would.  Mermaid draws only the diagrams changed since.
(function () {
  "use strict";

  var entry = new URL("mermaid-11.17.2/mermaid.esm.min.mjs", document.currentScript.src).href;
  var config = {};
  var loading = null;

  function load() {
    if (!loading) {
      loading = import(entry).then(function (module) {
        module.default.initialize(config);
        return module.default;
      });
    }
    return loading;
  }

  // The block Material is drawing: it passes the block's text as the source.
  function blockOf(source) {
    return Array.prototype.find.call(document.querySelectorAll("pre.mermaid"), function (pre) {
      return pre.textContent === source;
    });
  }

  // Resolves when `block` is within a screen of the viewport.
  function nearViewport(block) {
    if (!block || !("IntersectionObserver" in window)) {
      return Promise.resolve();
    }
    return new Promise(function (resolve) {
      var observer = new IntersectionObserver(
        function (entries) {
          if (entries.some(function (seen) { return seen.isIntersecting; })) {
            observer.disconnect();
            resolve();
          }
        },
        { rootMargin: "100% 0px" }
      );
      observer.observe(block);
    });
  }

  window.mermaid = {
    initialize: function (options) {
      config = options;
    },
    render: function (id, source) {
      var block = blockOf(source);
      // Drawn when the site was built (hooks/static_diagrams.py): no Mermaid needed.
      if (block && block.querySelector(":scope > svg")) {
        return Promise.resolve({ svg: block.innerHTML });
      }
      return nearViewport(block)
        .then(load)
        .then(function (mermaid) {
          return mermaid.render(id, source);
        });
    },
  };
})();
