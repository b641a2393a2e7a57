from multiprocessing import Process
from multiprocessing.sharedctypes import RawArray, copy, synchronized


def double(numbers):
    with numbers.get_lock():  # (1)!
        for i in range(len(numbers)):
            numbers[i] *= 2


if __name__ == "__main__":
    raw = RawArray("i", [1, 2, 3])
    safe = synchronized(raw)  # (2)!
    backup = copy(raw)  # (3)!
    print(type(safe).__name__, type(backup).__name__)
    p = Process(target=double, args=(safe,))  # (4)!
    p.start()
    p.join()
    print("raw:", raw[:], "safe:", safe[:], "backup:", backup[:])
