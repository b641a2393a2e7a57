from multiprocessing import Process


def greet():
    print("hello from the child")


p = Process(target=greet)  # (1)!
p.start()
p.join()
print("child exit code:", p.exitcode)  # (2)!
