import multiprocessing as mp

LABEL = "set at import time"


def report(results):
    results.put(LABEL)  # (1)!


def square(n):
    return n * n


if __name__ == "__main__":
    LABEL = "changed by the parent"
    ctx = mp.get_context("spawn")  # (2)!
    results = ctx.Queue()
    p = ctx.Process(target=report, args=(results,))
    p.start()
    print("the child sees:", results.get())
    p.join()
    with ctx.Pool(2) as pool:  # (3)!
        print("pool results:  ", pool.map(square, range(5)))
    print("context method:", ctx.get_start_method())
