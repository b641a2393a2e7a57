import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import Pool, TimeoutError


def crash():
    os._exit(1)  # (1)!


if __name__ == "__main__":
    with Pool(1) as pool:
        pending = pool.apply_async(crash)
        try:
            pending.get(timeout=3)  # (2)!
        except TimeoutError:
            print("Pool: no result after 3 s, and none will ever come")

    with ProcessPoolExecutor(1) as executor:
        future = executor.submit(crash)
        try:
            future.result()  # (3)!
        except BrokenProcessPool as exc:
            print("Executor:", type(exc).__name__, "-", exc)
