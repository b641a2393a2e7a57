import os
from multiprocessing import (
    Pool,
    Process,
    current_process,
    parent_process,
)


def describe(parent_pid):
    me, parent = current_process(), parent_process()  # (1)!
    print(f"{me.name}: parent is {parent.name}")
    print("  parent_process().pid == parent's pid:", parent.pid == parent_pid)
    print(
        "  os.getppid() == parent's pid:", os.getppid() == parent_pid
    )  # (2)!
    print("  ident == pid:", me.ident == me.pid == os.getpid())


def child(parent_pid):
    describe(parent_pid)
    grandchild = Process(target=describe, args=(os.getpid(),))  # (3)!
    grandchild.start()
    grandchild.join()


def worker_name():
    return current_process().name


if __name__ == "__main__":
    main = current_process()
    print(main.name, "| parent_process():", parent_process())
    p = Process(target=child, args=(os.getpid(),))
    p.start()
    p.join()
    with Pool(1) as pool:
        print("pool worker:", pool.apply(worker_name))  # (4)!
