from multiprocessing import Event, Process, Queue


def runner(name, go, ready, results):
    ready.put(name)
    started = go.wait()  # (1)!
    results.put(f"{name}: go.wait() -> {started}")


if __name__ == "__main__":
    go = Event()
    before = go.wait(timeout=0.1)  # (2)!
    print("before set(): go.wait(timeout=0.1) ->", before)

    ready = Queue()
    results = Queue()
    runners = [
        Process(target=runner, args=(name, go, ready, results))
        for name in ("a", "b", "c")
    ]
    for r in runners:
        r.start()
    print("at the start line:", sorted(ready.get() for _ in runners))  # (3)!
    go.set()  # (4)!
    print(sorted(results.get() for _ in runners))
    for r in runners:
        r.join()
    after = go.wait(timeout=0.1)  # (5)!
    print("after set():  go.wait(timeout=0.1) ->", after)
