import logging

from dask.distributed import Client, LocalCluster, as_completed


def load(n):
    return list(range(n))


def total(numbers):
    return sum(numbers)


def check(x):
    if x == 3:
        raise ValueError(f"bad input {x}")
    return x


if __name__ == "__main__":
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
            silence_logs=logging.CRITICAL,  # (1)!
        ) as cluster,
        Client(cluster) as client,
    ):
        data = client.submit(load, 1000)  # (2)!
        result = client.submit(total, data)  # (3)!
        print("total:", result.result())
        checks = client.map(check, range(5))
        done = []
        for future in as_completed(checks):  # (4)!
            if future.status == "error":
                error = future.exception()  # (5)!
                print("failed:", type(error).__name__, error)
            else:
                done.append(future.result())
        print("the others:", sorted(done))
        try:
            checks[3].result()  # (6)!
        except ValueError as error:
            print("result() raises it again:", repr(error))
