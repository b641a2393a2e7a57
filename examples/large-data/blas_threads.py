import os
from multiprocessing import Pool

import numpy as np
from threadpoolctl import threadpool_info, threadpool_limits

WORKERS = 2


def blas_threads(_):
    a = np.ones((200, 200))
    a @ a  # (1)!
    blas = [lib for lib in threadpool_info() if lib["user_api"] == "blas"]
    cpus = len(os.sched_getaffinity(0))  # (2)!
    return blas[0]["num_threads"], cpus


def one_blas_thread():
    threadpool_limits(limits=1, user_api="blas")  # (3)!


if __name__ == "__main__":
    with Pool(WORKERS) as pool:
        default = pool.map(blas_threads, range(WORKERS), chunksize=1)
    print(
        "default, BLAS threads == CPUs this process may use:",
        all(threads == cpus for threads, cpus in default),
    )
    threads, cpus = default[0]
    print("threads of the pool per CPU:", WORKERS * threads / cpus)  # (4)!

    with Pool(WORKERS, initializer=one_blas_thread) as pool:
        limited = pool.map(blas_threads, range(WORKERS), chunksize=1)
    print("limited, threads per worker:", [t for t, _ in limited])
