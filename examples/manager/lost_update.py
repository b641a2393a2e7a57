from multiprocessing import Manager, Process

WORKERS = 4


def add_one_unsafely(counts, all_have_read):
    current = counts["n"]  # (1)!
    all_have_read.wait()  # (2)!
    counts["n"] = current + 1  # (3)!


def add_one_with_lock(counts, lock):
    with lock:  # (4)!
        counts["n"] += 1


def run_workers(target, *args):
    workers = [Process(target=target, args=args) for _ in range(WORKERS)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()


if __name__ == "__main__":
    with Manager() as manager:
        counts = manager.dict(n=0)
        run_workers(add_one_unsafely, counts, manager.Barrier(WORKERS))
        print(f"{WORKERS} increments without a lock: n = {counts['n']}")

        counts["n"] = 0
        run_workers(add_one_with_lock, counts, manager.Lock())
        print(f"{WORKERS} increments with a lock:    n = {counts['n']}")
