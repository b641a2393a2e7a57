from multiprocessing import Process, Queue

STEPS = 3


def work(name, start, progress):
    total = 0
    for step in range(STEPS):
        total += start + step  # one step of a long task
        progress.put(("step", name, step))  # (1)!
    progress.put(("result", name, total))  # (2)!


if __name__ == "__main__":
    tasks = {"a": 10, "b": 20}
    progress = Queue()
    workers = [
        Process(target=work, args=(name, start, progress))
        for name, start in tasks.items()
    ]
    for w in workers:
        w.start()
    steps_done, results = 0, {}
    while len(results) < len(workers):  # (3)!
        kind, name, value = progress.get()
        if kind == "step":
            steps_done += 1
            print(f"steps done {steps_done}/{STEPS * len(workers)}")  # (4)!
        else:
            results[name] = value
    for w in workers:
        w.join()
    print("results:", sorted(results.items()))
