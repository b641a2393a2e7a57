from multiprocessing import Pool, Queue


def report(n, results):
    results.put(n * n)


if __name__ == "__main__":
    results = Queue()
    with Pool(2) as pool:
        pool.apply(report, (3, results))  # (1)!
