from multiprocessing import Event, Process


def child(started, go_on):
    print("child:  started")
    started.set()
    go_on.wait()
    print("child:  finished")


if __name__ == "__main__":
    started, go_on = Event(), Event()
    p = Process(target=child, args=(started, go_on))
    p.start()
    started.wait()
    print("parent: the child has started")
    go_on.set()
    p.join()
    print("parent: the child has finished")
