import multiprocessing as mp

if __name__ == "__main__":
    print("all methods:", mp.get_all_start_methods())  # (1)!
    print("fixed yet?  ", mp.get_start_method(allow_none=True))  # (2)!
    mp.set_start_method("spawn")
    print("in use:     ", mp.get_start_method())
    print("all methods:", mp.get_all_start_methods())  # (3)!
