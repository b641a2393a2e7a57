import logging
from multiprocessing import get_context

from dask.distributed import Client, LocalCluster


def inc(x):
    return x + 1


def job(address):
    with Client(address) as client:  # (1)!
        workers = client.scheduler_info()["workers"]
        print("another program sees", len(workers), "workers")
        print("result:", client.submit(inc, 41).result())


if __name__ == "__main__":
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        silence_logs=logging.CRITICAL,
    ) as cluster:
        address = cluster.scheduler_address  # (2)!
        scheme, rest = address.split("://")
        print("scheme:", scheme, "| host:", rest.rsplit(":", 1)[0])
        with Client(cluster) as client:
            client.wait_for_workers(2)
        other = get_context("spawn").Process(target=job, args=(address,))
        other.start()  # (3)!
        other.join()
        print("exit code:", other.exitcode)
