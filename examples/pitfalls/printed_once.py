from multiprocessing import Process


def child():
    print("child: hello")


if __name__ == "__main__":
    print("parent: printed before start()")  # (1)!
    p = Process(target=child)
    p.start()
    p.join()
