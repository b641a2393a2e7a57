import logging
import os

import dask
from dask.distributed import Client, LocalCluster


def square(x):
    return x * x


def pid():
    return os.getpid()


if __name__ == "__main__":
    with (
        LocalCluster(
            n_workers=2,  # (1)!
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",  # (2)!
            dashboard_address="127.0.0.1:0",  # (3)!
            silence_logs=logging.CRITICAL,  # (4)!
        ) as cluster,
        Client(cluster) as client,
    ):
        client.wait_for_workers(2)  # (5)!
        method = dask.config.get("distributed.worker.multiprocessing-method")
        print("workers:", len(client.scheduler_info()["workers"]))
        print("Dask starts them with:", method)  # (6)!
        future = client.submit(square, 7)  # (7)!
        print("submit:", future.result())
        futures = client.map(square, range(6))
        print("map + gather:", client.gather(futures))  # (8)!
        pids = set(client.run(pid).values())  # (9)!
        print("worker processes:", len(pids))
        print("the parent is one of them:", os.getpid() in pids)
