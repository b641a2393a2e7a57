import multiprocessing as mp

if __name__ == "__main__":
    print("start method:", mp.get_start_method())  # (1)!
