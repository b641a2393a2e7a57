from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import get_context

unit = None


def set_unit(value):
    global unit
    unit = value


def area(side):
    return f"{side * side} {unit}"


if __name__ == "__main__":
    with ProcessPoolExecutor(
        max_workers=2,
        mp_context=get_context("spawn"),  # (1)!
        initializer=set_unit,
        initargs=("sq m",),
    ) as executor:
        futures = {executor.submit(area, side): side for side in (3, 1, 2)}
        done = [
            (futures[f], f.result()) for f in as_completed(futures)
        ]  # (2)!
        print(sorted(done))
        print(list(executor.map(area, [3, 1, 2])))  # (3)!
        last = executor.submit(area, 4)
    print("submitted last, read after the with block:", last.result())  # (4)!
