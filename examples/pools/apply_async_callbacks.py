import threading
from multiprocessing import Pool, parent_process

results, errors, places = [], [], set()


def check(n):
    if n % 3 == 0:
        raise ValueError(f"{n} is a multiple of 3")
    return n * 10


def where():
    process = "child" if parent_process() else "parent"
    main = threading.current_thread() is threading.main_thread()
    return f"{process} process, {'main' if main else 'another'} thread"


def on_result(value):  # (1)!
    places.add(where())
    results.append(value)


def on_error(exc):
    places.add(where())
    errors.append(repr(exc))


if __name__ == "__main__":
    with Pool(2) as pool:
        pending = [
            pool.apply_async(  # (2)!
                check, (n,), callback=on_result, error_callback=on_error
            )
            for n in range(1, 7)
        ]
        for p in pending:
            p.wait()  # (3)!
    print("results:", sorted(results))  # (4)!
    print("errors: ", sorted(errors))
    print("callbacks ran in:", places)
