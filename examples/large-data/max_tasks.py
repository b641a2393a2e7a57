import os
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool, get_context

cache = []  # (1)!


def task(_):
    cache.append(bytearray(1_000_000))
    return os.getpid(), len(cache)


def report(name, results):
    pids = {pid for pid, _ in results}
    print(
        f"{name}: {len(pids)} processes, cache sizes", [n for _, n in results]
    )


if __name__ == "__main__":
    with Pool(1, maxtasksperchild=2) as pool:
        report("Pool", pool.map(task, range(6), chunksize=1))  # (2)!

    with ProcessPoolExecutor(1, max_tasks_per_child=2) as executor:  # (3)!
        results = [executor.submit(task, i).result() for i in range(6)]  # (4)!
    report("executor", results)

    try:
        ProcessPoolExecutor(
            1, max_tasks_per_child=2, mp_context=get_context("fork")
        )  # (5)!
    except ValueError as e:
        print("ValueError:", e)
