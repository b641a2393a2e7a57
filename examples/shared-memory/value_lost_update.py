from multiprocessing import Barrier, Process, Value

WORKERS = 4


def add_one_unsafely(counter, all_have_read):
    current = counter.value  # (1)!
    all_have_read.wait()  # (2)!
    counter.value = current + 1  # (3)!


def add_one_with_lock(counter):
    with counter.get_lock():  # (4)!
        counter.value += 1


def run_workers(target, *args):
    workers = [Process(target=target, args=args) for _ in range(WORKERS)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()


if __name__ == "__main__":
    counter = Value("i", 0)
    run_workers(add_one_unsafely, counter, Barrier(WORKERS))
    print(f"{WORKERS} increments without the lock: {counter.value}")

    counter.value = 0
    run_workers(add_one_with_lock, counter)
    print(f"{WORKERS} increments with get_lock():  {counter.value}")
