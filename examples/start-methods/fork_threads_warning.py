import multiprocessing as mp
import threading
import warnings


def child():
    pass


def fork_a_child(ctx):
    p = ctx.Process(target=child)
    p.start()  # (1)!
    p.join()
    return p.exitcode


if __name__ == "__main__":
    ctx = mp.get_context("fork")  # (2)!
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)  # (3)!
    helper.start()

    code = fork_a_child(ctx)  # (4)!
    print("default warning filters:    exit code", code)

    with warnings.catch_warnings():
        warnings.simplefilter("default", DeprecationWarning)  # (5)!
        code = fork_a_child(ctx)
    print("DeprecationWarning enabled: exit code", code)

    stop.set()
    helper.join()
