from multiprocessing import BoundedSemaphore, Process, Queue, Semaphore


def buggy_worker(slots, report):
    slots.acquire()
    try:
        slots.release()
        slots.release()  # (1)!
        report.put("the extra release() went through")
    except ValueError as exc:
        report.put(f"ValueError: {exc}")  # (2)!


def free_places(slots):
    taken = 0
    while slots.acquire(block=False):  # (3)!
        taken += 1
    for _ in range(taken):
        slots.release()
    return taken


if __name__ == "__main__":
    report = Queue()
    for kind in (Semaphore, BoundedSemaphore):
        slots = kind(2)
        p = Process(target=buggy_worker, args=(slots, report))
        p.start()
        print(f"{kind.__name__}(2):", report.get())
        p.join()
        print("  free places now:", free_places(slots))
