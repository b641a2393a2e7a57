import sys
from multiprocessing import Event, Process
from multiprocessing.connection import wait


def work(go, code):
    go.wait()
    sys.exit(code)  # (1)!


if __name__ == "__main__":
    gos = {name: Event() for name in ("a", "b", "c")}
    codes = {"a": 0, "b": 3, "c": 0}
    procs = {
        name: Process(target=work, args=(gos[name], codes[name]), name=name)
        for name in gos
    }
    for p in procs.values():
        p.start()
    by_sentinel = {p.sentinel: p for p in procs.values()}  # (2)!

    for name in ("b", "c", "a"):
        if name == "c":
            procs[name].terminate()  # (3)!
        else:
            gos[name].set()
        for s in wait(list(by_sentinel)):  # (4)!
            p = by_sentinel.pop(s)
            p.join()  # (5)!
            print(f"{p.name} ended, exit code {p.exitcode}")
    print("still running:", len(by_sentinel))
