import multiprocessing as mp

if __name__ == "__main__":
    mp.set_start_method("spawn")
    print("the program chose:", mp.get_start_method())
