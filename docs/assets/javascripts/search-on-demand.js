// The search index on demand.  overrides/main.html includes this script on
// every page, before Material's bundle.
//
// Material requests the whole search index (search/search_index.json, some
// 800 kB, 170 kB gzipped: more than everything else a page loads together) as
// soon as a page opens, parses it on the main thread and has its worker index
// it, for every page a reader opens, whether or not they search.  This holds
// that one request back until the reader goes for the search: focuses the
// search box, or opens search with the button or a keyboard shortcut.  Then
// it goes out, and Material goes on as it would have; its own line above the
// results says "Initializing search" meanwhile.
//
// It asks for the index of the page's language, search_index.<lang>.json
// (hooks/i18n_fixes.py writes one per language), not the merged one: a
// Chinese page then finds Chinese pages, an English page English ones, and
// each downloads and indexes only its own language.
(function () {
  "use strict";

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var wanted = false;

  function want() {
    if (!wanted) {
      wanted = true;
      held.splice(0).forEach(function (request) {
        send.apply(request.xhr, request.args);
      });
    }
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    var address = new URL(url, document.baseURI);
    this.searchIndex = /\/search\/search_index\.json$/.test(address.pathname);
    if (this.searchIndex) {
      var language = document.documentElement.lang;
      address.pathname = address.pathname.replace(/\.json$/, "." + language + ".json");
      var args = Array.prototype.slice.call(arguments);
      args[1] = address.href;
      return open.apply(this, args);
    }
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.searchIndex && !wanted) {
      held.push({ xhr: this, args: arguments });
      return undefined;
    }
    return send.apply(this, arguments);
  };

  // The box, or the toggle that Material (its button, its shortcuts) checks to open search.
  document.addEventListener("focusin", function (event) {
    if (event.target.matches(".md-search__input")) {
      want();
    }
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search") {
      want();
    }
  });
  // A little ahead: the pointer or a finger on the search button or box.
  document.addEventListener("pointerdown", function (event) {
    if (event.target.closest && event.target.closest(".md-search, label[for=__search]")) {
      want();
    }
  });
})();
