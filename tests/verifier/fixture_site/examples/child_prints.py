from multiprocessing import Process


def work():
    print("child: working")


if __name__ == "__main__":
    print("parent: starting")
    p = Process(target=work)
    p.start()
    p.join()
    print("parent: done")
