import ctypes
from multiprocessing import Array, Process, Value


def work(index, squares, done):
    squares[index] = index * index  # (1)!
    with done.get_lock():  # (2)!
        done.value += 1


if __name__ == "__main__":
    squares = Array("i", 4)  # (3)!
    done = Value(ctypes.c_int, 0)  # (4)!
    print(done)
    workers = []
    for i in range(4):
        w = Process(target=work, args=(i, squares, done))  # (5)!
        w.start()
        workers.append(w)
    for w in workers:
        w.join()
    print("squares:", squares[:])  # (6)!
    print("done:", done.value)
    print(done)
