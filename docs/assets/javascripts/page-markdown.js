// "Copy page as Markdown" (overrides/main.html).  The button is a plain link
// to the page's Markdown, which hooks/page_markdown.py writes next to the page
// with every program and output inlined.  A click copies that Markdown to the
// clipboard and says so in Material's own snackbar (`alert$`, the one that
// says a code block was copied).  Where it cannot copy (the site opened from
// disk, which has no fetch, or a browser without the clipboard API), the link
// does what links do and opens the Markdown.
(function () {
  "use strict";

  function markdown(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) {
        throw new Error(response.status + " " + url);
      }
      return response.text();
    });
  }

  function copy(url) {
    // Safari allows the clipboard only within the click itself: hand it a
    // promise of the text at once (a ClipboardItem), not the text after the fetch.
    if (window.ClipboardItem && navigator.clipboard.write) {
      var blob = markdown(url).then(function (text) {
        return new Blob([text], { type: "text/plain" });
      });
      return navigator.clipboard.write([new ClipboardItem({ "text/plain": blob })]);
    }
    return markdown(url).then(function (text) {
      return navigator.clipboard.writeText(text);
    });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.page-markdown");
    var plain = event.button === 0 && !(event.ctrlKey || event.metaKey || event.shiftKey || event.altKey);
    if (!link || !plain || location.protocol === "file:" || !navigator.clipboard) {
      return;
    }
    event.preventDefault();
    copy(link.href).then(
      function () {
        if (window.alert$) {
          window.alert$.next(link.dataset.copied);
        }
      },
      function () {
        window.location.href = link.href;
      }
    );
  });
})();
