from multiprocessing import Array, Barrier, Process, Queue

PARTIES = 3


def announce():  # (1)!
    print("barrier action: every party has finished phase 1", flush=True)


def work(i, barrier, parts, results):
    parts[i] = (i + 1) * 10  # (2)!
    index = barrier.wait()  # (3)!
    results.put((index, sum(parts)))  # (4)!


if __name__ == "__main__":
    parts = Array("i", PARTIES)
    barrier = Barrier(PARTIES, action=announce)
    results = Queue()
    workers = [
        Process(target=work, args=(i, barrier, parts, results))
        for i in range(PARTIES)
    ]
    for w in workers:
        w.start()
    rows = sorted(results.get() for _ in workers)
    for w in workers:
        w.join()
    print("indexes returned by wait():", [index for index, _ in rows])
    print("sum(parts) seen in phase 2:", [total for _, total in rows])
