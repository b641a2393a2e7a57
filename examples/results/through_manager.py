from multiprocessing import Manager, Process


def square(x, results):
    results[x] = x * x  # (1)!


if __name__ == "__main__":
    with Manager() as manager:
        results = manager.dict()
        workers = [
            Process(target=square, args=(x, results)) for x in (3, 1, 4)
        ]
        for w in workers:
            w.start()
        for w in workers:
            w.join()  # (2)!
        print(sorted(results.items()))  # (3)!
