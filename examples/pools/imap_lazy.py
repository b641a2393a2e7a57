from multiprocessing import Event, Pool

LAST = 3
gate = None


def set_gate(event):
    global gate
    gate = event


def square(n):
    if n == LAST:
        gate.wait()  # (1)!
    return n * n


if __name__ == "__main__":
    release = Event()
    with Pool(2, initializer=set_gate, initargs=(release,)) as pool:
        for n, result in enumerate(pool.imap(square, range(LAST + 1))):  # (2)!
            print(f"square({n}) = {result}")
            if n == 0:
                print(f"opening the gate, so that square({LAST}) can finish")
                release.set()  # (3)!
