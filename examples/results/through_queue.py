from multiprocessing import Process, Queue


def square(index, x, results):
    results.put((index, x * x))  # (1)!


if __name__ == "__main__":
    numbers = [3, 1, 4, 1, 5]
    results = Queue()
    workers = [
        Process(target=square, args=(i, x, results))
        for i, x in enumerate(numbers)
    ]
    for w in workers:
        w.start()
    answers = [results.get() for _ in workers]  # (2)!
    for w in workers:
        w.join()  # (3)!
    print("arrival order varies; sorted:", sorted(answers))
    print("squares:", [value for _, value in sorted(answers)])  # (4)!
