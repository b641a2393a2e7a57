from multiprocessing import Event, Pool, TimeoutError

TASKS = 4
gates = None


def set_gates(events):
    global gates
    gates = events


def square(n):
    gates[n].wait()  # (1)!
    return n * n


def gated_pool():
    events = [Event() for _ in range(TASKS)]
    pool = Pool(TASKS, initializer=set_gates, initargs=(events,))  # (2)!
    return pool, events


if __name__ == "__main__":
    pool, events = gated_pool()
    with pool:
        results = pool.imap_unordered(square, range(TASKS))
        received = []
        for n in (3, 2, 1, 0):
            events[n].set()  # (3)!
            received.append(next(results))
        print("imap_unordered, finishing 3, 2, 1, 0:", received)

    pool, events = gated_pool()
    with pool:
        results = pool.imap(square, range(TASKS))
        events[3].set()
        try:
            results.next(timeout=1)  # (4)!
        except TimeoutError:
            print("imap, only square(3) may finish: no result yet")
        for event in events:
            event.set()
        print("imap, once all may finish:", list(results))
