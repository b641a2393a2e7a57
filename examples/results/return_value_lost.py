from multiprocessing import Process


def square(x):
    return x * x  # (1)!


if __name__ == "__main__":
    p = Process(target=square, args=(7,))
    p.start()
    p.join()
    print("exit code:", p.exitcode)  # (2)!
    print("kept the return value:", hasattr(p, "result"))
