import multiprocessing
from multiprocessing import current_process
from multiprocessing.pool import Pool

gate = None


def set_gate(event):
    global gate
    gate = event


def power(base, exp):
    gate.wait()  # (1)!
    if exp < 0:
        raise ValueError(f"negative exponent {exp}")
    return base**exp


def kind(_):
    return current_process().name.split("-")[0]


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    opened = ctx.Event()  # (2)!
    setup = {"initializer": set_gate, "initargs": (opened,)}
    with Pool(2, **setup, context=ctx) as pool:  # (3)!
        good = pool.starmap_async(power, [(2, 3), (3, 2)])  # (4)!
        bad = pool.starmap_async(power, [(2, 1), (2, -1)])
        try:
            good.successful()  # (5)!
        except ValueError:
            print("successful() before the result is ready: ValueError")
        opened.set()
        good.wait()
        bad.wait()
        print("good:", good.successful(), good.get())  # (6)!
        print("bad: ", bad.successful(), end=" ")
        try:
            bad.get()
        except ValueError as exc:
            print(repr(exc))
        print("workers:", set(pool.map(kind, range(4))))  # (7)!
    try:
        multiprocessing.Pool(2, context=ctx)  # (8)!
    except TypeError:
        print("multiprocessing.Pool(context=...): TypeError")
