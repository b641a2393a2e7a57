"""The benchmark results as page content, drawn at build time by hooks/bench_charts.py.

* `page_report`: what replaces each placeholder of the performance page (charts,
  tables, the machine, single values), in the page's language;
* `svg_chart`: the charts themselves, as static SVG that follows the page's colour scheme.

The results are read and checked by the benchmark suite's own `benchmarks.results`.
"""
