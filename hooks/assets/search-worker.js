// Put before Material's search worker by hooks/search_worker.py, at build
// time.  It runs before Material's own code, in a Web Worker, or in the
// iframe that stands in for one in the offline copy, and changes three things
// around Material's search, which it cannot reach from the page:
//
// 1. lunr's index of words.  lunr 2.3.9 names each state of its word
//    automaton by joining the characters of its edges with the numeric ids of
//    the states they lead to (TokenSet.prototype.toString).  With digits for
//    characters, two different states can get one name, and minimizing then
//    merges them: the English index held the word 700314.2, which no page
//    has, and a query that reached it (7, exit code -7) threw in lunr and
//    found nothing.  olivernn/lunr.js#503 (open) reports words of an index
//    that no search finds, which this would explain.  The names get a
//    separator here.
// 2. The query.  Readers paste the last line of a traceback.  For lunr,
//    "..." is a phrase, -9 is "without 9", TypeError: is a field name, and
//    'generator' with its quotes is no word of the index, whose trimmer
//    strips what is not a letter or digit from the ends of a word.  The
//    query reaches Material as the index's words: split where the index
//    splits (its separator, colons, minus signs) and trimmed as the index is.
// 3. The order of the results, by page.  Material ranks by lunr's score, in
//    which one word of a page title outweighs a section that holds every
//    word typed.  A page with a section (or title) that is the whole query
//    comes first, then pages by the share of the words typed that they hold;
//    Material's order otherwise.
(function () {
  "use strict";

  var separator = /[\s\-]+/; // the index's, from the setup message (mkdocs.yml)
  var pending = [];

  // The words of `text` as the index has them: split where the index splits
  // (its separator splits &lt; &gt; &amp; too), and at what lunr would read as
  // query syntax, were the separator ever to keep it (: " -); trimmed as the
  // index's words are.
  function words(text) {
    return text
      .split(separator)
      .join(" ")
      .split(/[\s:\-"]+/)
      .map(function (word) {
        return word.replace(/^[^\w\u4e00-\u9fa5]+|[^\w\u4e00-\u9fa5]+$/g, "").toLowerCase();
      })
      .filter(Boolean);
  }

  function exactly(doc, query) {
    var fields = [doc.title || ""].concat(String(doc.errors || "").split("\n"));
    return fields.some(function (field) {
      return words(field.replace(/<[^>]*>/g, "")).join(" ") === query;
    });
  }

  // The share of the query's words that a result holds.  Material's own
  // `terms` says which words matched, but keeps the * that it appends to each
  // word of a Chinese query, and so never finds those; the words it marked in
  // the result's fields say it for every word.
  function share(doc) {
    var terms = Object.keys(doc.terms || {}).map(function (term) {
      return term.replace(/\*+$/, "").toLowerCase();
    });
    var marked = [];
    [doc.title, doc.text, doc.errors].forEach(function (field) {
      String(field || "").replace(/<mark[^>]*>([^<]*)<\/mark>/g, function (all, word) {
        marked.push.apply(marked, words(word));
      });
    });
    var found = terms.filter(function (term) {
      return marked.some(function (word) {
        return word.indexOf(term) === 0;
      });
    });
    return terms.length ? found.length / terms.length : 0;
  }

  function rank(items, query) {
    var typed = words(query).join(" ");
    var keyed = items.map(function (group, position) {
      return {
        group: group,
        position: position,
        exact: group.some(function (doc) {
          return exactly(doc, typed);
        }),
        share: Math.max.apply(null, group.map(share)),
      };
    });
    keyed.sort(function (a, b) {
      return b.exact - a.exact || b.share - a.share || a.position - b.position;
    });
    return keyed.map(function (entry) {
      return entry.group;
    });
  }

  function fixTokenSet(lunr) {
    lunr.TokenSet.prototype.toString = function () {
      if (this._str) {
        return this._str;
      }
      var name = this.final ? "1" : "0";
      var labels = Object.keys(this.edges).sort();
      for (var i = 0; i < labels.length; i++) {
        name += labels[i] + this.edges[labels[i]].id + ";";
      }
      return name;
    };
  }

  var listen = self.addEventListener;
  self.addEventListener = function (type, listener) {
    var args = Array.prototype.slice.call(arguments);
    if (type === "message") {
      args[1] = function (event) {
        var message = event.data || {};
        if (message.type === 0) {
          fixTokenSet(self.lunr);
          separator = new RegExp(message.data.config.separator);
        } else if (message.type === 2 && typeof message.data === "string") {
          pending.push(message.data);
          event = { data: { type: 2, data: words(message.data).join(" ") } };
        }
        return listener.call(this, event);
      };
    }
    return listen.apply(self, args);
  };

  var post = self.postMessage;
  self.postMessage = function (message) {
    var args = Array.prototype.slice.call(arguments);
    if (message && message.type === 3 && pending.length) {
      var query = pending.shift();
      var data = Object.assign({}, message.data, { items: rank(message.data.items || [], query) });
      args[0] = Object.assign({}, message, { data: data });
    }
    return post.apply(self, args);
  };
})();
