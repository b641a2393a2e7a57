from multiprocessing import Process

if __name__ == "__main__":
    p = Process(target=lambda: print("the lambda ran"))  # (1)!
    print("starting the child")
    p.start()  # (2)!
    p.join()
    print("child exit code:", p.exitcode)
