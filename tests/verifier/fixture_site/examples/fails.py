from multiprocessing import Process


def work():
    raise ValueError("bad input")


if __name__ == "__main__":
    p = Process(target=work)
    p.start()
    p.join()
    print("child exit code:", p.exitcode)
    raise SystemExit(3)
