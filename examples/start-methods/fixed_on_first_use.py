import multiprocessing as mp

if __name__ == "__main__":
    results = mp.Queue()  # (1)!
    print("queue created")
    mp.set_start_method("spawn")  # (2)!
