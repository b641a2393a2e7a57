"""The project's own tools and measurements, run through dev.py, never collected by pytest.

* `pythons`: the interpreters dev.py runs the examples on: the CPython
  releases found here, and Debian's current builds of the lines missing
  (standard library only, for dev.py);
* `built_site`: build the site as `mkdocs build --strict` does, and read its
  pages' tags (the tests' `site` fixture builds through it);
* `local_server`: serve a directory on 127.0.0.1, below a sub-path;
* `chromium`: Debian's Chromium and the flags it runs with, for Playwright and Lighthouse;
* `draw_diagrams`: draw the site's Mermaid diagrams ahead of time
  (`python -m devtools.draw_diagrams`, `dev.py diagrams`);
* `site_speed`: Lighthouse on the built site (`python -m devtools.site_speed.measure`,
  `dev.py site-speed`);
* `verifier_overhead`: what the example verifier costs beyond bare runs
  (`python -m devtools.verifier_overhead`, `dev.py overhead`).

The tests use the first four; nothing here imports from tests/.
"""
