import logging
from fractions import Fraction

from dask.distributed import Client, LocalCluster, Lock, Queue, Variable


def add_to_total(n):
    total = Variable("total")  # (1)!
    with Lock("total-lock"):  # (2)!
        total.set(total.get() + n)
    Queue("done").put(n)  # (3)!


if __name__ == "__main__":
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=2,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
            silence_logs=logging.CRITICAL,
        ) as cluster,
        Client(cluster) as client,
    ):
        total = Variable("total")
        total.set(0)
        done = Queue("done")
        futures = client.map(add_to_total, range(1, 11))
        finished = sorted(done.get() for _ in range(10))  # (4)!
        print("finished:", finished)
        client.gather(futures)
        print("total:", total.get())  # (5)!
        done.put(Fraction(1, 3))  # (6)!
        print("through the queue:", repr(done.get()))
