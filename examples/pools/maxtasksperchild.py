import os
from multiprocessing import Pool

tasks_done = 0


def task(n):
    global tasks_done
    tasks_done += 1  # (1)!
    return os.getpid(), tasks_done


if __name__ == "__main__":
    with Pool(1, maxtasksperchild=2) as pool:  # (2)!
        results = pool.map(task, range(6), chunksize=1)  # (3)!
    print("worker processes used:", len({pid for pid, _ in results}))
    print("tasks_done in the worker:", [done for _, done in results])
