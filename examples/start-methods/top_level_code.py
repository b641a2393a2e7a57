from multiprocessing import Process

print(f"top-level code runs, __name__ = {__name__!r}")  # (1)!


def work(n):
    print(f"child {n} works")


if __name__ == "__main__":  # (2)!
    for n in range(2):
        p = Process(target=work, args=(n,))
        p.start()
        p.join()
    print("parent done")
