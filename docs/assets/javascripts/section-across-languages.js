// The language menu leads to the same section, not only the same page: every
// heading has the same id in both languages (tests/test_heading_ids.py), so
// the address's fragment (#drain-before-join) is carried over to the menu's
// links whenever it changes.  Material's menu links point at the twin page
// without it.
(function () {
  function carry() {
    document.querySelectorAll(".md-select__link[hreflang]").forEach(function (link) {
      var target = new URL(link.href, location.href);
      target.hash = location.hash;
      link.href = target.href;
    });
  }
  carry();
  window.addEventListener("hashchange", carry);
})();
