import multiprocessing
import signal
import time
from multiprocessing import Pool


def ignore_sigint():
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def slow_square(x):
    time.sleep(0.2)
    return x * x


def get_interruptibly(async_result):
    while True:
        try:
            return async_result.get(timeout=0.5)  # (1)!
        except multiprocessing.TimeoutError:
            pass  # (2)!


if __name__ == "__main__":
    with Pool(2, initializer=ignore_sigint) as pool:  # (3)!
        async_result = pool.map_async(slow_square, range(8))
        print(get_interruptibly(async_result))  # (4)!
