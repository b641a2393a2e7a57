import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor

_prices = None  # (1)!


def _price(item):
    return _prices[item]


def total(items):  # (2)!
    global _prices
    _prices = {"tea": 3, "cake": 5}
    fork = mp.get_context("fork")  # (3)!
    with ProcessPoolExecutor(max_workers=2, mp_context=fork) as executor:
        return sum(executor.map(_price, items))


def nothing():
    pass


if __name__ == "__main__":
    print("total:", total(["tea", "cake", "tea"]))
    still_open = mp.get_start_method(allow_none=True) is None
    print("after the fork pool, the default is still open:", still_open)
    p = mp.get_context("spawn").Process(target=nothing)  # (4)!
    p.start()
    p.join()
    try:
        mp.set_start_method("spawn")  # (5)!
    except RuntimeError as exc:
        print("then set_start_method('spawn'):", repr(exc))
    else:
        print("then set_start_method('spawn'): ok")
