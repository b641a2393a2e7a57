import os
from concurrent.futures import InterpreterPoolExecutor, ProcessPoolExecutor


def count_primes(limit):
    count = 0
    for n in range(2, limit):
        if all(n % d for d in range(2, int(n**0.5) + 1)):
            count += 1
    return count


def where_am_i(parent_pid):
    from concurrent import interpreters

    return (
        os.getpid() == parent_pid,
        interpreters.get_current().id == 0,
    )


if __name__ == "__main__":
    limits = [10_000, 20_000, 30_000, 40_000]
    for executor_class in (ProcessPoolExecutor, InterpreterPoolExecutor):
        with executor_class(max_workers=2) as executor:  # (1)!
            primes = list(executor.map(count_primes, limits))  # (2)!
            same_pid, main_interp = executor.submit(
                where_am_i, os.getpid()
            ).result()
        print(executor_class.__name__)
        print("  primes below", limits, "->", primes)
        print("  same process:", same_pid, "- main interpreter:", main_interp)
