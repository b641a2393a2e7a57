from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool
from multiprocessing.pool import MaybeEncodingError


def squares(n):
    return (i * i for i in range(n))  # (1)!


if __name__ == "__main__":
    with Pool(1) as pool:
        try:
            pool.map(squares, [3])
        except MaybeEncodingError as exc:  # (2)!
            print("Pool:", type(exc).__name__)
            print(" ", exc)
    with ProcessPoolExecutor(1) as executor:
        future = executor.submit(squares, 3)
        try:
            future.result()
        except TypeError as exc:  # (3)!
            print("Executor:", type(exc).__name__)
            print(" ", exc)
            print("  notes:", getattr(exc, "__notes__", None))  # (4)!
