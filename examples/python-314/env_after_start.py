import multiprocessing as mp
import os


def report(n):
    print(f"child {n} sees GPU_ID={os.environ.get('GPU_ID')}")


if __name__ == "__main__":
    for n in range(2):
        os.environ["GPU_ID"] = str(n)  # (1)!
        p = mp.Process(target=report, args=(n,))
        p.start()  # (2)!
        p.join()
