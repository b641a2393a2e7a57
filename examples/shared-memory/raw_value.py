from multiprocessing import Process, RawArray, RawValue, Value


def fill(total, samples):
    for i in range(len(samples)):
        samples[i] = i / 2
    total.value = len(samples)  # (1)!


if __name__ == "__main__":
    locked = Value("i", 0)
    print(type(locked).__name__, locked.get_lock())  # (2)!

    unlocked = Value("i", 0, lock=False)  # (3)!
    total = RawValue("i", 0)
    samples = RawArray("d", 3)
    print(repr(unlocked), repr(total))

    p = Process(target=fill, args=(total, samples))
    p.start()
    p.join()
    print("total:", total.value, "samples:", samples[:])
    total.get_lock()  # (4)!
