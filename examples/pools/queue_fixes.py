from multiprocessing import Manager, Pool, Queue

results = None


def report_to(n, queue):
    queue.put(n * n)


def set_results(queue):
    global results
    results = queue


def report(n):
    results.put(n * n)  # (1)!


if __name__ == "__main__":
    with Manager() as manager:
        proxy = manager.Queue()  # (2)!
        with Pool(2) as pool:
            pool.starmap(report_to, [(n, proxy) for n in range(5)])
        print("Manager().Queue():", sorted(proxy.get() for _ in range(5)))

    plain = Queue()
    with Pool(2, initializer=set_results, initargs=(plain,)) as pool:  # (3)!
        pool.map(report, range(5))
        print("initializer:      ", sorted(plain.get() for _ in range(5)))
