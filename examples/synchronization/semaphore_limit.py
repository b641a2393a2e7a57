from multiprocessing import Barrier, Process, Semaphore, Value

LIMIT = 3
WORKERS = 6


def work(slots, all_inside, inside, peak):
    with slots:  # (1)!
        with inside.get_lock():
            inside.value += 1
            peak.value = max(peak.value, inside.value)
        all_inside.wait()  # (2)!
        with inside.get_lock():
            inside.value -= 1


if __name__ == "__main__":
    slots = Semaphore(LIMIT)
    all_inside = Barrier(LIMIT)  # (3)!
    inside = Value("i", 0)
    peak = Value("i", 0, lock=False)
    workers = [
        Process(target=work, args=(slots, all_inside, inside, peak))
        for _ in range(WORKERS)
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print(f"{WORKERS} workers, Semaphore({LIMIT})")
    print("most workers inside at once:", peak.value)  # (4)!
    print("inside at the end:", inside.value)
