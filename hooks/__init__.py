"""The site build's own code: MkDocs hooks and what they share.

MkDocs loads each hook listed under `hooks:` in mkdocs.yml from its file;
the hooks import everything else by package name (`hooks.site_map`,
`hooks.bench_render`, `verifier`, `benchmarks`), as tests and tools do.

* `site_map`: the site's languages and where each page is built (not a hook);
* `site_catalog`: the site's pages, read once per build for the hooks that
  need them (not a hook, so that its cache exists once);
* `build_env`: the environment a build runs in (not a hook; dev.py and the
  tests use it too, standard library only);
* `bench_render`: the benchmark results as page HTML, for `bench_charts`;
* `strings`: the site's interface words, one file per language in
  `assets/strings/` (not a hook; the hooks, and the templates through
  `i18n_fixes`, read it);
* `assets/`: data, not code: the interface words (`strings/<language>.yml`),
  the diagrams drawn ahead (written by `python -m devtools.draw_diagrams`,
  read by `static_diagrams`) and jieba's user dictionary for the Chinese
  search index (named in mkdocs.yml, read by the search plugin).
"""
