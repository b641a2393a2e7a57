"""Measured numbers for choosing between Queue, Pipe, Manager and shared memory.

Run from the repository root (standard library only, any CPython 3.9+):

    python -m benchmarks run            # full run: ~5 minutes on 2 cores with fork
    python -m benchmarks run --quick    # rough numbers up to 4 MiB: 15 s (fork) to 75 s (spawn)
    python -m benchmarks show           # summary of benchmarks/results/reference.json
    python -m benchmarks values         # every value a page can cite (<!-- bench:value -->)

The committed reference results are made with
`python -m benchmarks run --out benchmarks/results/reference.json --note "..."`.

See `python -m benchmarks --help`, and the docstrings of the modules: `methodology`
(how measurements are taken), `payload` (how arrival is checked), `transports`
(what each mechanism does exactly), `limits`, `latency`, `recipe`, `results`
(the JSON and what every field means).
"""
