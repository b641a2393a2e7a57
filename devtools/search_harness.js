// Material's search worker, as the built site ships it, run by Node for
// devtools/search_harness.py: no browser, the same answers.
//
//   node search_harness.js SITE LANGUAGE < asked.json > answers.json
//
// It loads SITE/assets/javascripts/workers/search.*.min.js (with the fixes of
// hooks/search_worker.py in front) into a context that stands in for a Web
// Worker: self, addEventListener, postMessage and importScripts (which reads
// the lunr language scripts from SITE).  It sends the setup message with
// SITE/search/search_index.LANGUAGE.json, as the page does
// (docs/assets/javascripts/search-on-demand.js asks for that file) with the
// options of asked.json ({"options": {"suggest": true}, as Material's bundle
// sends them), then each query of its "queries", one at a time, as the page
// sends the search box's text, and writes for each the
// result groups as the page lists them: the location of each group's first
// document, without its #section.
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [site, language] = process.argv.slice(2);
const workers = path.join(site, "assets", "javascripts", "workers");
const scripts = fs.readdirSync(workers).filter((name) => /^search\..*\.min\.js$/.test(name));
if (scripts.length !== 1) {
  throw new Error(`${scripts.length} search worker scripts in ${workers}, not 1`);
}

const listeners = [];
const answers = [];
const warnings = [];
const context = {
  console: { log: console.error, warn: (...args) => warnings.push(args.join(" ")), error: console.error },
  setTimeout,
  clearTimeout,
  URL,
  TextEncoder,
  TextDecoder,
};
vm.createContext(context);
vm.runInContext("var self = globalThis;", context);
context.addEventListener = (type, listener) => {
  if (type === "message") {
    listeners.push(listener);
  }
};
context.postMessage = (message) => answers.push(message);
context.importScripts = (...urls) => {
  for (const url of urls) {
    const file = path.join(workers, url); // "../lunr/min/...", relative to the worker
    vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
  }
};
const worker = path.join(workers, scripts[0]);
vm.runInContext(fs.readFileSync(worker, "utf8"), context, { filename: worker });

async function send(message) {
  const before = answers.length;
  await Promise.all(listeners.map((listener) => listener.call(context, { data: message })));
  while (answers.length === before) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  return answers[answers.length - 1];
}

async function main() {
  const index = JSON.parse(
    fs.readFileSync(path.join(site, "search", `search_index.${language}.json`), "utf8"),
  );
  const asked = JSON.parse(fs.readFileSync(0, "utf8"));
  const ready = await send({ type: 0, data: { ...index, options: asked.options } });
  if (ready.type !== 1) {
    throw new Error(`the worker answered the setup with ${JSON.stringify(ready)}`);
  }
  const found = [];
  for (const query of asked.queries) {
    warnings.length = 0;
    const answer = await send({ type: 2, data: query });
    found.push({
      query,
      pages: (answer.data.items || []).map((group) => group[0].location.split("#")[0]),
      warnings: warnings.slice(),
    });
  }
  process.stdout.write(JSON.stringify(found));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
