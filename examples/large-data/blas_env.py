import os
from multiprocessing import Pool, get_context

VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def blas_threads(_):
    import numpy as np  # (1)!
    from threadpoolctl import threadpool_info

    a = np.ones((200, 200))
    a @ a
    blas = [lib for lib in threadpool_info() if lib["user_api"] == "blas"]
    return blas[0]["num_threads"]


if __name__ == "__main__":
    for name in VARIABLES:
        os.environ[name] = "1"  # (2)!
    with Pool(2) as pool:
        print("threads per worker:", pool.map(blas_threads, range(2)))

    print("the parent imports NumPy:", blas_threads(None), "thread")  # (3)!
    for name in VARIABLES:
        del os.environ[name]  # (4)!
    with get_context("fork").Pool(1) as pool:
        print("forked afterwards:", pool.map(blas_threads, range(1)))
