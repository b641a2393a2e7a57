import multiprocessing as mp


def main():
    print("fixed yet?", mp.get_start_method(allow_none=True))  # (1)!
    mp.set_start_method("spawn")
    print("now:", mp.get_start_method())
    try:
        mp.set_start_method("forkserver")  # (2)!
    except RuntimeError as error:
        print("second call:", repr(error))
    mp.set_start_method("forkserver", force=True)  # (3)!
    print("after force=True:", mp.get_start_method())


if __name__ == "__main__":
    main()
