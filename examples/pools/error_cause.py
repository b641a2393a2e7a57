from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool


def parse(text):
    return int(text)


def worker_frames(exc):
    lines = exc.__cause__.tb.splitlines()  # (1)!
    return [line.split(", in ")[-1] for line in lines if ", in " in line]


if __name__ == "__main__":
    with Pool(2) as pool:
        pending = pool.apply_async(parse, ("three",))
        try:
            pending.get(timeout=10)  # (2)!
        except ValueError as exc:
            print("Pool:    ", repr(exc))
            print("  cause: ", type(exc.__cause__))
            print("  frames:", worker_frames(exc))

    with ProcessPoolExecutor(2) as executor:
        future = executor.submit(parse, "three")
        exc = future.exception()  # (3)!
        print("Executor:", repr(exc))
        print("  cause: ", type(exc.__cause__))
        print("  frames:", worker_frames(exc))
        try:
            future.result()  # (4)!
        except ValueError as again:
            print("  result() raises it:", again is exc)
