from multiprocessing import Event, Process

settings = {"mode": "default"}  # (1)!


def show(changed_again):
    changed_again.wait()  # (2)!
    print("child sees:", settings)


if __name__ == "__main__":
    settings["mode"] = "fast"  # (3)!
    print("parent set:", settings)
    changed_again = Event()
    p = Process(target=show, args=(changed_again,))
    p.start()
    settings["mode"] = "turbo"  # (4)!
    changed_again.set()
    p.join()
    print("parent has:", settings)
