import json
import logging
import pickle

import numpy as np
from dask.distributed import Client, LocalCluster
from distributed.protocol import deserialize, serialize
from distributed.protocol import pickle as dask_pickle


def make_adder(n):
    def add(x):  # (1)!
        return x + n

    return add


def square(x):
    return x * x


def by_reference(function):
    plain = pickle.dumps(function, protocol=pickle.HIGHEST_PROTOCOL)
    return dask_pickle.dumps(function) == plain


if __name__ == "__main__":
    data = np.arange(4 * 2**20 // 8, dtype=np.float64)
    header, frames = serialize(data)  # (2)!
    print("serializer:", header["serializer"], "| frames:", len(frames))
    print("frame bytes:", memoryview(frames[-1]).nbytes)
    view = np.frombuffer(frames[-1], dtype=np.float64)
    print("frame is the array's memory:", np.shares_memory(view, data))  # (3)!
    print(
        "round trip equal:", np.array_equal(deserialize(header, frames), data)
    )
    print("json.dumps by reference:", by_reference(json.dumps))  # (4)!
    print("square() of this script by reference:", by_reference(square))
    with (
        LocalCluster(
            n_workers=1,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
            silence_logs=logging.CRITICAL,
        ) as cluster,
        Client(cluster) as client,
    ):
        print("lambda:", client.submit(lambda x: x * 10, 4).result())  # (5)!
        print("closure:", client.submit(make_adder(100), 1).result())
