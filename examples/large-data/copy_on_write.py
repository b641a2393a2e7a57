import gc
from multiprocessing import get_context

import numpy as np

ROWS = 400_000


def private_dirty_kb():
    with open("/proc/self/smaps_rollup") as f:  # (1)!
        for line in f:
            if line.startswith("Private_Dirty:"):
                return int(line.split()[1])
    raise RuntimeError("no Private_Dirty in smaps_rollup")


def child(conn, data, action):
    before = private_dirty_kb()
    if action == "read":
        total = 0.0
        for row in data:  # (2)!
            total += row[0]
    elif action == "collect":
        gc.collect()  # (3)!
    else:
        data.sum()  # (4)!
    conn.send(private_dirty_kb() - before)
    conn.close()


def copied(ctx, data, action, size_kb):
    receiver, sender = ctx.Pipe(duplex=False)
    p = ctx.Process(target=child, args=(sender, data, action))
    p.start()
    sender.close()
    kb = receiver.recv()
    p.join()
    share = kb / size_kb
    if share > 0.25:  # (5)!
        return "more than a quarter"
    if share < 0.05:
        return "less than 5%"
    return "between 5% and 25%"


if __name__ == "__main__":
    ctx = get_context("fork")  # (6)!
    start = private_dirty_kb()
    rows = [[float(i), float(i)] for i in range(ROWS)]
    size_kb = private_dirty_kb() - start  # (7)!

    print("list, child reads it:     ", copied(ctx, rows, "read", size_kb))
    print("list, child runs gc:      ", copied(ctx, rows, "collect", size_kb))
    gc.freeze()  # (8)!
    print("frozen, child runs gc:    ", copied(ctx, rows, "collect", size_kb))
    print("frozen, child reads it:   ", copied(ctx, rows, "read", size_kb))
    gc.unfreeze()

    array = np.ones(size_kb * 1024 // 8)  # (9)!
    print("NumPy array, child reads: ", copied(ctx, array, "sum", size_kb))
