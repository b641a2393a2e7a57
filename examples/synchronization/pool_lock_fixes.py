from multiprocessing import Lock, Manager, Pool


def init_worker(lock):  # (1)!
    global worker_lock
    worker_lock = lock


def square_with_inherited_lock(n):
    with worker_lock:
        return n * n


def square_with_proxy(lock, n):
    with lock:  # (2)!
        return n * n


if __name__ == "__main__":
    with Pool(2, initializer=init_worker, initargs=(Lock(),)) as pool:
        squares = pool.map(square_with_inherited_lock, range(5))
    print("initializer:   ", squares)

    with Manager() as manager:
        lock = manager.Lock()  # (3)!
        with Pool(2) as pool:
            args = [(lock, n) for n in range(5)]
            squares = pool.starmap(square_with_proxy, args)
    print("manager.Lock():", squares)
