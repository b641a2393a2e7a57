from multiprocessing import Process, Queue

STOP = None  # (1)!


def producer(name, tasks):
    for i in range(3):
        tasks.put((name, i))


def consumer(tasks, results):
    while True:
        task = tasks.get()
        if task is STOP:  # (2)!
            return
        name, i = task
        results.put(f"{name}{i} -> {i * i}")


if __name__ == "__main__":
    tasks, results = Queue(), Queue()
    producers = [Process(target=producer, args=(n, tasks)) for n in "ab"]
    consumers = [Process(target=consumer, args=(tasks, results)) for _ in "xy"]
    for p in producers + consumers:
        p.start()
    for p in producers:
        p.join()  # (3)!
    for _ in consumers:
        tasks.put(STOP)  # (4)!
    done = [results.get() for _ in range(6)]  # (5)!
    for c in consumers:
        c.join()
    print(sorted(done))  # (6)!
