from multiprocessing import Lock, Pool


def square(lock, n):
    with lock:
        return n * n


if __name__ == "__main__":
    lock = Lock()
    with Pool(2) as pool:
        print(pool.apply(square, (lock, 3)))  # (1)!
