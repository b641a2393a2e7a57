import logging

import dask
import numpy as np
from dask.distributed import Client, LocalCluster


def scaled_sum(array, factor):
    return float((array * factor).sum())


if __name__ == "__main__":
    data = np.ones(4 * 2**20 // 8)  # (1)!
    amm = "distributed.scheduler.active-memory-manager.start"
    dask.config.set({amm: False})  # (2)!
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
            silence_logs=logging.CRITICAL,
        ) as cluster,
        Client(cluster) as client,
    ):
        client.wait_for_workers(2)
        remote = client.scatter(data, broadcast=True)  # (3)!
        print("scatter returns a", type(remote).__name__, remote.status)
        holders = client.who_has(remote)[remote.key]
        print("workers holding a copy:", len(holders))  # (4)!
        futures = [client.submit(scaled_sum, remote, f) for f in (1, 2, 3)]
        print("three tasks, no new copy:", client.gather(futures))  # (5)!
        direct = client.submit(scaled_sum, data, 1)  # (6)!
        print("passed directly:", direct.result())
