from multiprocessing import JoinableQueue, Process, Queue


def worker(tasks, results):
    while True:
        n = tasks.get()
        try:
            if n is None:
                return
            results.put((n, n**3))
        finally:
            tasks.task_done()  # (1)!


if __name__ == "__main__":
    tasks, results = JoinableQueue(), Queue()
    workers = [Process(target=worker, args=(tasks, results)) for _ in range(2)]
    for w in workers:
        w.start()
    for n in range(1, 6):
        tasks.put(n)
    tasks.join()  # (2)!
    print("tasks.join() returned: all 5 tasks are done")
    cubes = dict(results.get() for _ in range(5))  # (3)!
    print(sorted(cubes.items()))
    for _ in workers:
        tasks.put(None)
    for w in workers:
        w.join()
